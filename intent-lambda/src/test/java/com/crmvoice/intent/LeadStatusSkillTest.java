package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.BOB_TOKEN;
import static com.crmvoice.intent.SkillHarness.envelope;
import static com.crmvoice.intent.SkillHarness.speech;
import static com.crmvoice.intent.SkillHarness.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.core.service.worker.FailureReasons;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadStatusSkillTest {

  private final SkillHarness skill = new SkillHarness();
  private final String commandId =
      CommandIds.fromRequestId("CreateLead", "amzn1.echo-api.request.create-confirmed-1");

  private void workerClaims() {
    CrmCommand command = skill.log.find(commandId).orElseThrow().command();
    skill.log.claim(command, skill.clock.instant(), Duration.ofMinutes(1));
  }

  @Test
  void saysSoWhenTheUserAddedNothingYet() {
    assertThat(speech(skill.invoke("lead-status.json")))
        .isEqualTo("<speak>You haven't added any leads with me yet.</speak>");
  }

  @Test
  void readsBackAQueuedLead() {
    skill.invoke("create-lead-completed-confirmed.json");

    assertThat(speech(skill.invoke("lead-status.json")))
        .isEqualTo("<speak>Your lead John Smith from Acme is on its way to Salesforce.</speak>");
  }

  @Test
  void readsBackACreatedLead() {
    skill.invoke("create-lead-completed-confirmed.json");
    workerClaims();
    skill.log.markDone(commandId, "00Q000000000001AAA", skill.clock.instant());

    assertThat(speech(skill.invoke("lead-status.json")))
        .isEqualTo("<speak>Your lead John Smith from Acme was created in Salesforce.</speak>");
  }

  @Test
  void readsBackAFailedLead_withAReasonAPersonUnderstands() {
    skill.invoke("create-lead-completed-confirmed.json");
    workerClaims();
    skill.log.markFailed(
        commandId,
        "INVALID_EMAIL_ADDRESS",
        "Salesforce did not accept the email address.",
        skill.clock.instant());

    assertThat(speech(skill.invoke("lead-status.json")))
        .isEqualTo(
            "<speak>Your lead John Smith from Acme could not be created."
                + " Salesforce did not accept the email address.</speak>");
    ObjectNode german = envelope("lead-status.json");
    ((ObjectNode) german.get("request")).put("locale", "de-DE");
    assertThat(speech(skill.invoke(german)))
        .contains("konnte nicht angelegt werden", "E-Mail-Adresse nicht akzeptiert");
  }

  @Test
  void readsBackALeadSetAsideAfterSalesforceStayedUnavailable_withTheReason() {
    skill.invoke("create-lead-completed-confirmed.json");
    workerClaims();
    skill.log.markFailedRetryable(
        commandId,
        "SERVER_UNAVAILABLE",
        "Salesforce was unavailable, so the lead was not created yet;"
            + " it is set aside for your administrator to retry.",
        skill.clock.instant());

    assertThat(speech(skill.invoke("lead-status.json")))
        .isEqualTo(
            "<speak>Your lead John Smith from Acme could not be created."
                + " Salesforce was unavailable, so the lead was not created yet;"
                + " it is set aside for your administrator to retry.</speak>");
    ObjectNode german = envelope("lead-status.json");
    ((ObjectNode) german.get("request")).put("locale", "de-DE");
    assertThat(speech(skill.invoke(german)))
        .contains("konnte nicht angelegt werden", "nicht erreichbar", "Administrator")
        .doesNotContain("abgelehnt");
  }

  @Test
  void aLeadWhoseCreateWentUnansweredIsNeverReportedNotCreated() {
    skill.invoke("create-lead-completed-confirmed.json");
    workerClaims();
    skill.log.markFailedRetryable(
        commandId,
        FailureReasons.OUTCOME_UNKNOWN,
        FailureReasons.OUTCOME_UNKNOWN_SET_ASIDE,
        skill.clock.instant());

    assertThat(speech(skill.invoke("lead-status.json")))
        .isEqualTo(
            "<speak>I can't tell yet whether your lead John Smith from Acme was created:"
                + " Salesforce didn't answer in time. It's set aside for your administrator to"
                + " check, so please don't add it again.</speak>");
    ObjectNode british = envelope("lead-status.json");
    ((ObjectNode) british.get("request")).put("locale", "en-GB");
    assertThat(speech(skill.invoke(british)))
        .contains("can't tell yet", "don't add it again")
        .doesNotContain("could not be created");
    ObjectNode german = envelope("lead-status.json");
    ((ObjectNode) german.get("request")).put("locale", "de-DE");
    assertThat(speech(skill.invoke(german)))
        .contains("noch nicht sagen", "nicht noch einmal an")
        .doesNotContain("konnte nicht angelegt werden");
  }

  @Test
  void neverTellsOneUserAboutAnothersLead() {
    skill.invoke("create-lead-completed-confirmed.json");

    assertThat(speech(skill.invoke(withToken(envelope("lead-status.json"), BOB_TOKEN))))
        .doesNotContain("Smith")
        .contains("haven't added any leads");
    assertThat(skill.log.latestForOwner(ALICE)).isPresent();
  }
}
