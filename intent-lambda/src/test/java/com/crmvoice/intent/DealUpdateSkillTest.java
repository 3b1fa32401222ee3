package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
import static com.crmvoice.intent.Talk.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Updating a deal by voice: the stage against the org's picklist, the amount, the close date and
 * the next step, each read back old → new and queued only after yes, conditional on the version the
 * user heard; bad values asked again, a deal no longer open answered, undo and "what happened".
 */
class DealUpdateSkillTest {

  // The harness's clock: Sunday 1 March 2026.
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  static final Instant VERSION = Instant.parse("2026-02-27T09:15:00Z");

  private final SkillHarness skill = new SkillHarness();

  static Deal northwind(Instant version) {
    return new Deal(
        "006NOR",
        ALICE,
        "Northwind renewal",
        "Northwind Traders",
        "Proposal/Price Quote",
        new BigDecimal("18000"),
        null,
        TODAY.plusDays(10),
        75,
        "Pipeline",
        "Review pricing with procurement",
        TODAY.minusDays(6),
        version);
  }

  static final Deal EXPANSION =
      new Deal(
          "006EXP",
          ALICE,
          "Acme expansion",
          "Acme Corporation",
          "Negotiation/Review",
          new BigDecimal("42500"),
          null,
          TODAY.plusDays(3),
          90,
          "Pipeline",
          null,
          null,
          VERSION);

  private void book(String currency, Deal... deals) {
    DealSkillTest.books(skill, currency, List.of(deals));
  }

  private Talk inFocus(String locale, String name) {
    Talk talk = new Talk(skill::invoke, locale, ALICE_TOKEN);
    talk.say(AlexaRequests.intent("DealDetailsIntent").slot("dealName", name));
    return talk;
  }

  private static AlexaRequests stage(String spoken, String key) {
    AlexaRequests request = AlexaRequests.intent("ChangeDealStageIntent");
    return key == null ? request.slot("stage", spoken) : request.resolvedSlot("stage", spoken, key);
  }

  private UpdateOpportunity queued() {
    assertThat(skill.queue.sent()).hasSize(1);
    return (UpdateOpportunity) skill.queue.sent().get(0);
  }

  @Test
  void aStageChangeIsReadBackOldToNew_withTheNewProbability_andQueuedOnlyAfterYes() {
    book("USD", northwind(VERSION), EXPANSION);
    Talk talk = inFocus("en-US", "Northwind renewal");

    JsonNode readBack = talk.say(stage("negotiation", "NEGOTIATION"));

    assertThat(speech(readBack))
        .isEqualTo(
            "<speak>Move Northwind renewal from Proposal/Price Quote to Negotiation/Review, where"
                + " Salesforce sets the probability to 90 percent?</speak>");
    assertThat(Talk.directiveType(readBack)).isEqualTo("Dialog.ConfirmIntent");
    assertThat(skill.queue.sent()).isEmpty();

    JsonNode done = talk.say(stage("negotiation", "NEGOTIATION").confirmation("CONFIRMED"));

    assertThat(speech(done)).contains("I'm moving Northwind renewal to Negotiation/Review");
    assertThat(done.at("/response/shouldEndSession").asBoolean()).isFalse();
    UpdateOpportunity update = queued();
    assertThat(update.dealId()).isEqualTo("006NOR");
    assertThat(update.ownerId()).isEqualTo(ALICE);
    assertThat(update.changes().stage()).isEqualTo("Negotiation/Review");
    assertThat(update.changes().amount()).isNull();
    assertThat(update.heardStage()).isEqualTo("Proposal/Price Quote");
    assertThat(update.heardAmount()).isEqualByComparingTo("18000");
    assertThat(update.heardCloseDate()).isEqualTo(TODAY.plusDays(10));
    assertThat(update.heardModifiedAt()).as("the version the user heard").isEqualTo(VERSION);
  }

  @Test
  void aNoQueuesNothing() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");
    talk.say(stage("negotiation", "NEGOTIATION"));

    JsonNode denied = talk.say(stage("negotiation", "NEGOTIATION").confirmation("DENIED"));

    assertThat(speech(denied)).contains("I won't change it");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void aNamedDeal_andARecognitionSlipForClosedWon() {
    book("USD", northwind(VERSION), EXPANSION);
    Talk talk = new Talk(skill::invoke, "en-US", ALICE_TOKEN);

    JsonNode readBack = talk.say(stage("closed one", null).slot("dealName", "Acme expansion"));

    assertThat(speech(readBack))
        .contains("Move Acme expansion from Negotiation/Review to Closed Won, where")
        .contains("probability to 100 percent?");
    assertThat(readBack.at("/sessionAttributes/dealFocus/dealId").asText()).isEqualTo("006EXP");
  }

  @Test
  void anUnknownStageOrTheOneItIsIn_isAnsweredAndAskedAgain_nothingQueued() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");

    JsonNode unknown = talk.say(stage("lunch", null));
    assertThat(speech(unknown))
        .contains("I don't know the stage lunch. You can say: Prospecting, Qualification,")
        .contains("Negotiation/Review.")
        .doesNotContain("Closed Won")
        .contains("Which stage should Northwind renewal move to?");
    assertThat(Talk.directiveType(unknown)).isEqualTo("Dialog.ElicitSlot");

    JsonNode same = talk.say(stage("proposal", "PROPOSAL"));
    assertThat(speech(same)).contains("Northwind renewal is already in Proposal/Price Quote.");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void theOrgsOwnPicklistIsTheTruth() {
    skill.stages.clear();
    skill.stages.addAll(
        List.of(
            new DealStage("Proposal/Price Quote", "Proposal", 1, 40, "Pipeline", false, false),
            new DealStage("Verbal", "Verbal commit", 2, 80, "Commit", false, false),
            new DealStage("Won", null, 3, 100, "Closed", true, true)));
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");

    assertThat(speech(talk.say(stage("verbal commit", null))))
        .contains("Move Northwind renewal from Proposal to Verbal commit, where")
        .contains("80 percent?");
    assertThat(speech(talk.say(stage("negotiation", "NEGOTIATION"))))
        .contains("I don't know the stage negotiation. You can say: Proposal, Verbal commit.");
  }

  @Test
  void theAmount_readBackInTheDealsCurrency_negativeOrAbsurdAskedAgain() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");
    AlexaRequests amount = AlexaRequests.intent("DealAmountIntent");

    assertThat(speech(talk.say(AlexaRequests.intent("DealAmountIntent").slot("amount", "-5000"))))
        .contains(
            "An amount can't be negative.", "What should the amount of Northwind renewal be?");
    assertThat(
            speech(talk.say(AlexaRequests.intent("DealAmountIntent").slot("amount", "5000000000"))))
        .contains("$5,000,000,000 is more than I can believe for one deal.");
    assertThat(speech(talk.say(AlexaRequests.intent("DealAmountIntent").slot("amount", "?"))))
        .contains("Please tell me the amount as a number");
    JsonNode readBack = talk.say(amount.slot("amount", "50000"));
    assertThat(speech(readBack))
        .contains("Change the amount of Northwind renewal from $18,000 to $50,000?");
    assertThat(skill.queue.sent()).isEmpty();

    talk.say(
        AlexaRequests.intent("DealAmountIntent").slot("amount", "50000").confirmation("CONFIRMED"));

    UpdateOpportunity update = queued();
    assertThat(update.changes().amount()).isEqualByComparingTo("50000");
    assertThat(update.changes().stage()).isNull();
    assertThat(update.heardModifiedAt()).isEqualTo(VERSION);
  }

  @Test
  void aCloseDateInThePast_isConfirmedAnyway_notADayIsAskedAgain() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");

    assertThat(
            speech(
                talk.say(
                    AlexaRequests.intent("DealCloseDateIntent").slot("closeDate", "2026-W11"))))
        .contains("Please tell me a day", "When should Northwind renewal close?");
    JsonNode past =
        talk.say(AlexaRequests.intent("DealCloseDateIntent").slot("closeDate", "2026-02-20"));
    assertThat(speech(past))
        .contains(
            "<say-as interpret-as=\"date\" format=\"ymd\">2026-02-20</say-as> is in the past.")
        .contains("Move the close date of Northwind renewal from")
        .contains("2026-03-11</say-as> to <say-as interpret-as=\"date\" format=\"ymd\">2026-02-20")
        .contains("anyway?");
    assertThat(Talk.directiveType(past)).isEqualTo("Dialog.ConfirmIntent");
    assertThat(skill.queue.sent()).isEmpty();

    talk.say(
        AlexaRequests.intent("DealCloseDateIntent")
            .slot("closeDate", "2026-02-20")
            .confirmation("CONFIRMED"));
    assertThat(queued().changes().closeDate()).isEqualTo(LocalDate.of(2026, 2, 20));
  }

  @Test
  void theNextStep_readBackOldToNew() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");

    JsonNode readBack =
        talk.say(AlexaRequests.intent("DealNextStepIntent").slot("nextStep", "send the contract"));
    assertThat(speech(readBack))
        .contains(
            "Change the next step for Northwind renewal from Review pricing with procurement to:"
                + " Send the contract?");

    talk.say(
        AlexaRequests.intent("DealNextStepIntent")
            .slot("nextStep", "send the contract")
            .confirmation("CONFIRMED"));
    assertThat(queued().changes().nextStep()).isEqualTo("Send the contract");
  }

  @Test
  void onDynamics_noNextStepIsSpokenOf_andSettingOneIsAnsweredClearly_withNothingQueued() {
    SkillHarness dynamics = new SkillHarness(true);
    Deal noStep =
        new Deal(
            "006NOR",
            ALICE,
            "Northwind renewal",
            "Northwind Traders",
            "Propose",
            new BigDecimal("18000"),
            null,
            TODAY.plusDays(10),
            75,
            null,
            null,
            null,
            VERSION);
    DealSkillTest.books(dynamics, "USD", List.of(noStep));
    Talk talk = new Talk(dynamics::invoke, "en-US", ALICE_TOKEN);

    String details =
        speech(talk.say(AlexaRequests.intent("DealDetailsIntent").slot("dealName", "Northwind")));
    assertThat(details).contains("Northwind renewal, with Northwind Traders, is at Propose.");
    assertThat(details).doesNotContainIgnoringCase("next step");

    JsonNode answer =
        talk.say(AlexaRequests.intent("DealNextStepIntent").slot("nextStep", "send the contract"));
    assertThat(speech(answer))
        .contains("Dynamics 365 keeps no next step on a deal")
        .doesNotContain("Salesforce");
    assertThat(answer.at("/response/shouldEndSession").asBoolean()).isFalse();
    assertThat(dynamics.queue.sent()).isEmpty();

    // On Salesforce, the same deal without a next step says so.
    book("USD", northwind(VERSION));
    assertThat(
            speech(
                inFocus("en-US", "Northwind renewal")
                    .say(AlexaRequests.intent("DealDetailsIntent"))))
        .contains("Next step: Review pricing with procurement.");
  }

  @Test
  void aDealChangedSinceTheReadBack_isReadBackAgain_andQueuedWithTheNewVersion() {
    book("USD", northwind(VERSION));
    Talk talk = inFocus("en-US", "Northwind renewal");
    talk.say(stage("negotiation", "NEGOTIATION"));
    Instant later = VERSION.plusSeconds(3600);
    book("USD", northwind(later));

    JsonNode again = talk.say(stage("negotiation", "NEGOTIATION").confirmation("CONFIRMED"));

    assertThat(speech(again))
        .contains("Northwind renewal was changed in Salesforce since I read it to you.")
        .contains("Move Northwind renewal from Proposal/Price Quote to Negotiation/Review, where");
    assertThat(Talk.directiveType(again)).isEqualTo("Dialog.ConfirmIntent");
    assertThat(skill.queue.sent()).isEmpty();

    talk.say(stage("negotiation", "NEGOTIATION").confirmation("CONFIRMED"));
    assertThat(queued().heardModifiedAt()).isEqualTo(later);
  }

  @Test
  void aDealNoLongerOpenOrTheUsers_isSaid_andNothingIsQueued() {
    book("USD", northwind(VERSION), EXPANSION);
    Talk talk = inFocus("en-US", "Northwind renewal");
    // The refresher saw it closed, or given to another owner: out of Alice's open deals.
    book("USD", EXPANSION);

    JsonNode answer = talk.say(stage("negotiation", "NEGOTIATION"));

    assertThat(speech(answer)).contains("Northwind renewal").contains("Which deal");
    assertThat(answer.at("/response/directives").findValuesAsText("type"))
        .contains("Dialog.ElicitSlot");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void aDealInAClosedStage_isClosed_andNothingIsQueued() {
    Deal won =
        new Deal(
            "006WON",
            ALICE,
            "Initech pilot",
            null,
            "Closed Won",
            null,
            null,
            TODAY,
            100,
            null,
            null,
            null,
            VERSION);
    skill.deals.replaceOwnerBook(ALICE, new DealBook(List.of(won), List.of()), Instant.now());
    Talk talk = new Talk(skill::invoke, "en-US", ALICE_TOKEN);

    JsonNode answer =
        talk.say(
            AlexaRequests.intent("DealAmountIntent")
                .slot("amount", "100")
                .slot("dealName", "Initech pilot"));

    assertThat(speech(answer)).contains("Initech pilot is closed, so I can't change it.");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void withoutTheBook_theUserIsToldToAskAgainLater() {
    Talk talk = new Talk(skill::invoke, "en-US", ALICE_TOKEN);
    assertThat(speech(talk.say(stage("negotiation", "NEGOTIATION"))))
        .contains("I don't have your deals yet.");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void aNameOfSeveralDeals_asksWhichOne_andTheAnswerOrATouchContinuesTheUpdate() {
    Deal support =
        new Deal(
            "006SUP",
            ALICE,
            "Acme support renewal",
            "Acme Corporation",
            "Prospecting",
            new BigDecimal("9000"),
            null,
            TODAY.plusDays(20),
            10,
            "Pipeline",
            null,
            null,
            VERSION);
    book("USD", EXPANSION, support);
    Talk talk = new Talk(skill::invoke, "en-US", ALICE_TOKEN);

    JsonNode which =
        talk.say(
            AlexaRequests.intent("DealAmountIntent")
                .slot("amount", "50000")
                .slot("dealName", "Acme")
                .withApl());
    assertThat(speech(which)).contains("Acme expansion", "Acme support renewal");
    assertThat(which.at("/response/directives").findValuesAsText("type"))
        .contains("Dialog.ElicitSlot", "Alexa.Presentation.APL.RenderDocument");
    assertThat(skill.queue.sent()).isEmpty();

    JsonNode touched =
        talk.say(AlexaRequests.userEvent("dealList", List.of("dealSelected", "006SUP")).withApl());
    assertThat(speech(touched))
        .contains("Change the amount of Acme support renewal from $9,000 to $50,000?");

    talk.say(
        AlexaRequests.intent("DealAmountIntent").slot("amount", "50000").confirmation("CONFIRMED"));
    assertThat(queued().dealId()).isEqualTo("006SUP");
  }

  @Test
  void inGerman_theAmountInEuro_andAGermanStageAlias() {
    book("EUR", northwind(VERSION));
    Talk talk = inFocus("de-DE", "Northwind renewal");

    assertThat(speech(talk.say(stage("verhandlung", null))))
        .contains(
            "Soll ich Northwind renewal von Proposal/Price Quote nach Negotiation/Review"
                + " verschieben, mit 90 Prozent Wahrscheinlichkeit?");
    assertThat(speech(talk.say(AlexaRequests.intent("DealAmountIntent").slot("amount", "50000"))))
        .contains("Soll ich den Betrag von Northwind renewal von 18.000 € auf 50.000 € ändern?");
  }

  @Test
  void inBritishEnglish() {
    book("GBP", northwind(VERSION));
    Talk talk = inFocus("en-GB", "Northwind renewal");

    assertThat(speech(talk.say(AlexaRequests.intent("DealAmountIntent").slot("amount", "50000"))))
        .contains("Change the amount of Northwind renewal from £18,000 to £50,000?");
    assertThat(
            speech(
                talk.say(
                    AlexaRequests.intent("DealAmountIntent")
                        .slot("amount", "50000")
                        .confirmation("DENIED"))))
        .contains("Right, I shan't change it.");
  }
}
