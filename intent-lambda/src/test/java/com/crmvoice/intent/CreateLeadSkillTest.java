package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.directive;
import static com.crmvoice.intent.SkillHarness.envelope;
import static com.crmvoice.intent.SkillHarness.speech;
import static com.crmvoice.intent.SkillHarness.withSlot;
import static com.crmvoice.intent.SkillHarness.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.service.skill.CommandIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CreateLeadSkillTest {

  private final SkillHarness skill = new SkillHarness();

  @Test
  void started_delegatesToAlexaToCollectTheRequiredSlots() {
    JsonNode response = skill.invoke("create-lead-started.json");

    JsonNode delegate = directive(response, "Dialog.Delegate");
    assertThat(delegate).isNotNull();
    assertThat(delegate.at("/updatedIntent/name").asText()).isEqualTo("CreateLeadIntent");
    assertThat(response.at("/response/shouldEndSession").isMissingNode()).isTrue();
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void inProgress_asksForAMalformedEmailAgain_withTheReason_keepingTheOtherValues() {
    JsonNode response = skill.invoke("create-lead-in-progress-bad-email.json");

    JsonNode elicit = directive(response, "Dialog.ElicitSlot");
    assertThat(elicit.path("slotToElicit").asText()).isEqualTo("email");
    assertThat(elicit.at("/updatedIntent/slots/email/value").isMissingNode()).isTrue();
    assertThat(elicit.at("/updatedIntent/slots/lastName/value").asText()).isEqualTo("Smith");
    assertThat(elicit.at("/updatedIntent/slots/firstName/value").asText()).isEqualTo("John");
    assertThat(speech(response))
        .contains(
            "doesn't sound like an email address",
            "What's their email address?",
            "You can say skip.");
    assertThat(response.at("/response/reprompt/outputSpeech/ssml").asText())
        .contains("email address");
  }

  @Test
  void inProgress_asksForATooLongCompanyAgain_withTheLimit() {
    JsonNode response =
        skill.invoke(
            withSlot(
                envelope("create-lead-in-progress-bad-email.json"), "company", "x".repeat(256)));

    assertThat(directive(response, "Dialog.ElicitSlot").path("slotToElicit").asText())
        .isEqualTo("company");
    assertThat(speech(response)).contains("too long for Salesforce", "at most 255 characters");
  }

  @Test
  void inProgress_asksForATooLongLastNameAgain() {
    JsonNode response =
        skill.invoke(
            withSlot(
                envelope("create-lead-in-progress-complete.json"), "lastName", "y".repeat(81)));

    assertThat(directive(response, "Dialog.ElicitSlot").path("slotToElicit").asText())
        .isEqualTo("lastName");
    assertThat(speech(response)).contains("at most 80 characters");
  }

  @Test
  void inProgress_delegatesWhileARequiredSlotIsMissing() {
    JsonNode response =
        skill.invoke(
            withSlot(
                envelope("create-lead-in-progress-bad-email.json"),
                "email",
                "john at acme dot com"));

    JsonNode delegate = directive(response, "Dialog.Delegate");
    assertThat(delegate).isNotNull();
    assertThat(delegate.at("/updatedIntent/slots/email/value").asText()).isEqualTo("john@acme.com");
  }

  @Test
  void inProgress_readsTheDetailsBackForConfirmation_withTheEmailWritten() {
    JsonNode response = skill.invoke("create-lead-in-progress-complete.json");

    JsonNode confirm = directive(response, "Dialog.ConfirmIntent");
    assertThat(confirm).isNotNull();
    assertThat(confirm.at("/updatedIntent/slots/email/value").asText())
        .isEqualTo("john.smith@acme.com");
    assertThat(speech(response))
        .isEqualTo(
            "<speak>I'll add John Smith from Acme. Email: john.smith@acme.com. Phone: <say-as interpret-as=\"telephone\">+1 555 0100</say-as>."
                + " Shall I add this lead to Salesforce?</speak>");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void completedAndConfirmed_queuesOneCommandRecordedQueued_andAnswersAtOnce() {
    JsonNode response = skill.invoke("create-lead-completed-confirmed.json");

    assertThat(speech(response))
        .isEqualTo("<speak>Okay, I'm adding John Smith from Acme to Salesforce.</speak>");
    String commandId =
        CommandIds.fromRequestId("CreateLead", "amzn1.echo-api.request.create-confirmed-1");
    assertThat(skill.queue.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            CreateLead.class,
            c -> {
              assertThat(c.commandId()).isEqualTo(commandId);
              assertThat(c.ownerId()).isEqualTo(ALICE);
              assertThat(c.lead())
                  .isEqualTo(
                      new NewLead("John", "Smith", "Acme", "john.smith@acme.com", "+1 555 0100"));
            });
    assertThat(skill.log.find(commandId).orElseThrow().state()).isEqualTo(CommandState.QUEUED);
  }

  @Test
  void aRetriedConfirmationQueuesNothingMore() {
    skill.invoke("create-lead-completed-confirmed.json");

    JsonNode again = skill.invoke("create-lead-completed-confirmed.json");

    assertThat(speech(again)).contains("adding John Smith from Acme");
    assertThat(skill.queue.sent()).hasSize(1);
    assertThat(skill.log.all()).hasSize(1);
  }

  @Test
  void completedAndDenied_queuesNothing() {
    JsonNode response = skill.invoke("create-lead-completed-denied.json");

    assertThat(speech(response)).isEqualTo("<speak>Okay, I won't add it.</speak>");
    assertThat(skill.queue.sent()).isEmpty();
    assertThat(skill.log.all()).isEmpty();
  }

  @Test
  void confirmedButInvalid_asksAgainInsteadOfQueuing() {
    JsonNode response =
        skill.invoke(
            withSlot(envelope("create-lead-completed-confirmed.json"), "phone", "call me maybe"));

    assertThat(directive(response, "Dialog.ElicitSlot").path("slotToElicit").asText())
        .isEqualTo("phone");
    assertThat(speech(response)).contains("doesn't sound like a phone number");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void aRefusingQueueIsToldToTheUser() {
    skill.queue.failing(true);

    JsonNode response = skill.invoke("create-lead-completed-confirmed.json");

    assertThat(speech(response)).contains("couldn't pass that lead on");
  }

  @Test
  void anUnlinkedUserIsAskedToLinkBeforeTheDialog() {
    JsonNode response = skill.invoke(withToken(envelope("create-lead-started.json"), null));

    assertThat(response.at("/response/card/type").asText()).isEqualTo("LinkAccount");
    assertThat(directive(response, "Dialog.Delegate")).isNull();
  }

  @Test
  void germanDialogsAskInGerman() {
    JsonNode response =
        skill.invoke(withSlot(envelope("create-lead-started-de.json"), "email", "max ät firma"));

    assertThat(speech(response)).contains("Das klingt nicht nach einer E-Mail-Adresse");
  }
}
