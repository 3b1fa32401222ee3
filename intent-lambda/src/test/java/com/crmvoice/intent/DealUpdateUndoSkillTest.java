package com.crmvoice.intent;

import static com.crmvoice.intent.DealUpdateSkillTest.VERSION;
import static com.crmvoice.intent.DealUpdateSkillTest.northwind;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
import static com.crmvoice.intent.Talk.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A deal update after yes: "what happened to my update" (its state, a refusal's reason), "undo"
 * (cancelled while queued; once applied, offered to be set back), and a second update of the same
 * deal while the first is not applied yet.
 */
class DealUpdateUndoSkillTest {

  private final SkillHarness skill = new SkillHarness();

  private void book(String currency, Deal... deals) {
    DealSkillTest.books(skill, currency, List.of(deals));
  }

  private Talk inFocus(String locale, String name) {
    Talk talk = new Talk(skill::invoke, locale, ALICE_TOKEN);
    talk.say(AlexaRequests.intent("DealDetailsIntent").slot("dealName", name));
    return talk;
  }

  private static AlexaRequests stage(String spoken, String key) {
    return AlexaRequests.intent("ChangeDealStageIntent").resolvedSlot("stage", spoken, key);
  }

  private UpdateOpportunity queued() {
    assertThat(skill.queue.sent()).hasSize(1);
    return (UpdateOpportunity) skill.queue.sent().get(0);
  }

  @Test
  void undoCancelsAQueuedUpdate_andWhatHappenedSaysIt() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");
    talk.say(stage("negotiation", "NEGOTIATION"));
    talk.say(stage("negotiation", "NEGOTIATION").confirmation("CONFIRMED"));
    String id = queued().commandId();

    assertThat(speech(talk.say("LeadStatusIntent")))
        .contains(
            "Your latest change, moving Northwind renewal to Negotiation/Review, is on its way to"
                + " Salesforce.");
    assertThat(speech(talk.say("UndoIntent")))
        .contains("Okay, I cancelled moving Northwind renewal to Negotiation/Review.");
    assertThat(skill.log.find(id).orElseThrow().state()).isEqualTo(CommandState.CANCELLED);
    assertThat(speech(talk.say("LeadStatusIntent")))
        .contains("moving Northwind renewal to Negotiation/Review, was cancelled");
  }

  @Test
  void aSecondUpdateWaitsForTheFirst_thenIsConditionalOnWhatTheWorkerWroteBack() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");
    talk.say(stage("negotiation", "NEGOTIATION"));
    talk.say(stage("negotiation", "NEGOTIATION").confirmation("CONFIRMED"));
    UpdateOpportunity first = queued();

    JsonNode saving = talk.say(AlexaRequests.intent("DealAmountIntent").slot("amount", "50000"));
    assertThat(speech(saving))
        .contains("Your last change to Northwind renewal is still being saved in Salesforce.");
    assertThat(skill.queue.sent()).hasSize(1);

    // The worker applied it and wrote the deal back into the book (version unknown: the PATCH
    // answers none), then marked the command done.
    Deal applied = northwind(null).with(first.changes(), skill.stages.get(7), null);
    book("USD", applied);
    skill.log.claim(first, Instant.now(), java.time.Duration.ofMinutes(1));
    skill.log.markDone(first.commandId(), "006NOR", Instant.now());

    assertThat(speech(talk.say(AlexaRequests.intent("DealAmountIntent").slot("amount", "50000"))))
        .contains("Change the amount of Northwind renewal from $18,000 to $50,000?");
    talk.say(
        AlexaRequests.intent("DealAmountIntent").slot("amount", "50000").confirmation("CONFIRMED"));
    UpdateOpportunity second = (UpdateOpportunity) skill.queue.sent().get(1);
    assertThat(second.heardStage()).isEqualTo("Negotiation/Review");
    assertThat(second.heardModifiedAt()).as("conditional on the values heard").isNull();
  }

  @Test
  void undoOfAnAppliedUpdate_offersToSetItBack_andYesQueuesTheReverse() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");
    talk.say(AlexaRequests.intent("DealAmountIntent").slot("amount", "50000"));
    talk.say(
        AlexaRequests.intent("DealAmountIntent").slot("amount", "50000").confirmation("CONFIRMED"));
    UpdateOpportunity applied = queued();
    book("USD", northwind(null).with(applied.changes(), null, null));
    skill.log.claim(applied, Instant.now(), java.time.Duration.ofMinutes(1));
    skill.log.markDone(applied.commandId(), "006NOR", Instant.now());

    JsonNode offer = talk.say("UndoIntent");
    assertThat(speech(offer))
        .contains("the new amount for Northwind renewal is saved in Salesforce.")
        .contains("Shall I set the amount of Northwind renewal back to $18,000?");
    assertThat(Talk.directiveType(offer)).isEqualTo("Dialog.ConfirmIntent");
    assertThat(skill.queue.sent()).hasSize(1);

    JsonNode done = talk.say(AlexaRequests.intent("UndoIntent").confirmation("CONFIRMED"));

    assertThat(speech(done))
        .contains("I'm setting the amount of Northwind renewal back to $18,000 in Salesforce.");
    assertThat(skill.queue.sent()).hasSize(2);
    UpdateOpportunity reverse = (UpdateOpportunity) skill.queue.sent().get(1);
    assertThat(reverse.changes().amount()).isEqualByComparingTo("18000");
    assertThat(reverse.heardAmount()).as("as the update left it").isEqualByComparingTo("50000");
    assertThat(reverse.heardModifiedAt()).isNull();
  }

  @Test
  void undoOfAnAppliedUpdate_declined_leavesIt() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");
    talk.say(stage("negotiation", "NEGOTIATION"));
    talk.say(stage("negotiation", "NEGOTIATION").confirmation("CONFIRMED"));
    UpdateOpportunity applied = queued();
    skill.log.claim(applied, Instant.now(), java.time.Duration.ofMinutes(1));
    skill.log.markDone(applied.commandId(), "006NOR", Instant.now());

    assertThat(speech(talk.say("UndoIntent")))
        .contains("Shall I move Northwind renewal back to Proposal/Price Quote?");
    assertThat(speech(talk.say(AlexaRequests.intent("UndoIntent").confirmation("DENIED"))))
        .contains("Okay, Northwind renewal stays as it is.");
    assertThat(skill.queue.sent()).hasSize(1);
  }

  @Test
  void anUpdateTheWorkerRefused_isSaidWithItsReason_inEveryLocale() {
    String[][] locales = {
      {"en-US", "Northwind renewal was changed in Salesforce since; I didn't overwrite it."},
      {"en-GB", "Northwind renewal isn't yours in Salesforce any more."},
      {"de-DE", "Northwind renewal wurde inzwischen in Salesforce abgeschlossen."}
    };
    String[] codes = {"DEAL_CHANGED", "DEAL_NOT_OWNED", "DEAL_NOT_OPEN"};
    for (int i = 0; i < locales.length; i++) {
      SkillHarness fresh = new SkillHarness();
      DealSkillTest.books(fresh, "USD", List.of(northwind(VERSION)));
      Talk talk = new Talk(fresh::invoke, locales[i][0], ALICE_TOKEN);
      talk.say(AlexaRequests.intent("DealDetailsIntent").slot("dealName", "Northwind renewal"));
      talk.say(AlexaRequests.intent("DealNextStepIntent").slot("nextStep", "call the CFO"));
      talk.say(
          AlexaRequests.intent("DealNextStepIntent")
              .slot("nextStep", "call the CFO")
              .confirmation("CONFIRMED"));
      UpdateOpportunity update = (UpdateOpportunity) fresh.queue.sent().get(0);
      fresh.log.claim(update, Instant.now(), java.time.Duration.ofMinutes(1));
      fresh.log.markFailed(update.commandId(), codes[i], "refused", Instant.now());

      assertThat(speech(talk.say("LeadStatusIntent"))).as(locales[i][0]).contains(locales[i][1]);
    }
  }
}
