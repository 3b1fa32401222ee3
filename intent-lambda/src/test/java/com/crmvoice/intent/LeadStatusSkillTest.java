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
import java.util.List;
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
    // The worker records the code only.
    skill.log.markFailed(
        commandId, "INVALID_EMAIL_ADDRESS", "INVALID_EMAIL_ADDRESS", skill.clock.instant());

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
        commandId, "SERVER_UNAVAILABLE", FailureReasons.CODE_UNAVAILABLE, skill.clock.instant());

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

  /** Every code the worker records for a create, said from the bundles in every locale. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "REQUIRED_FIELD_MISSING|false|such as a last name|etwa einen Nachnamen",
        "INVALID_EMAIL_ADDRESS|false|did not accept the email address|E-Mail-Adresse",
        "STRING_TOO_LONG|false|too long for Salesforce|zu lang",
        "DUPLICATES_DETECTED|false|already exists|gibt es diesen Lead schon",
        "DUPLICATE_VALUE|false|already exists|gibt es diesen Lead schon",
        "FIELD_CUSTOM_VALIDATION_EXCEPTION|false|validation rule|Validierungsregel",
        "INVALID_CROSS_REFERENCE_KEY|false|the lead's owner|Besitzer des Leads",
        "INSUFFICIENT_ACCESS_OR_READONLY|false|isn't allowed|darf das nicht",
        "CRM_REJECTED|false|Salesforce refused it|abgelehnt",
        "QUEUE_UNAVAILABLE|false|Please add it again|noch einmal an",
        "UNAVAILABLE_SET_ASIDE|true|Salesforce was unavailable|nicht erreichbar",
        "REFUSED_SET_ASIDE|true|did not accept the request from CRM Voice|nicht angenommen",
      })
  void everyCreateFailureCodeIsSaidInTheUsersLanguage(
      String code, boolean setAside, String english, String german) {
    skill.invoke("create-lead-completed-confirmed.json");
    workerClaims();
    if (setAside) {
      skill.log.markFailedRetryable(commandId, "SERVER_UNAVAILABLE", code, skill.clock.instant());
    } else {
      skill.log.markFailed(commandId, code, code, skill.clock.instant());
    }

    for (String locale : List.of("en-US", "en-GB", "de-DE")) {
      ObjectNode request = envelope("lead-status.json");
      ((ObjectNode) request.get("request")).put("locale", locale);
      String said = speech(skill.invoke(request));
      assertThat(said)
          .as(locale)
          .contains(locale.startsWith("de") ? german : english)
          .doesNotContain(code);
    }
  }

  @Test
  void aLeadWhoseCreateWentUnansweredIsNeverReportedNotCreated() {
    skill.invoke("create-lead-completed-confirmed.json");
    workerClaims();
    skill.log.markFailedRetryable(
        commandId,
        FailureReasons.OUTCOME_UNKNOWN,
        FailureReasons.OUTCOME_UNKNOWN,
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
