package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
import static com.crmvoice.intent.SkillHarness.BOB;
import static com.crmvoice.intent.Talk.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.FiscalCalendar;
import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import com.crmvoice.core.domain.deal.OrgCurrency;
import com.crmvoice.core.domain.deal.PipelineCalculator;
import com.crmvoice.core.fakes.InMemoryDealGateway;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Tell me about the Acme deal": one deal from the cached book, by name, in focus. */
class DealSkillTest {

  // The harness's clock: Sunday 1 March 2026.
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  private final SkillHarness skill = new SkillHarness();

  static Deal deal(
      String id, String owner, String name, String account, String stage, String amount, int in) {
    return new Deal(
        id,
        owner,
        name,
        account,
        stage,
        amount == null ? null : new BigDecimal(amount),
        null,
        TODAY.plusDays(in),
        null,
        null,
        null,
        null,
        null);
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
          "Commit",
          "Send the contract",
          TODAY.minusDays(2),
          null);
  static final Deal SUPPORT =
      deal("006SUP", ALICE, "Acme support renewal", "Acme Corporation", "Prospecting", null, 20);
  static final Deal NORTHWIND =
      deal(
          "006NOR",
          ALICE,
          "Northwind renewal",
          "Northwind Traders",
          "Proposal/Price Quote",
          "18000",
          -4);
  static final Deal BOBS =
      deal("006BOB", BOB, "Globex rollout", "Globex", "Prospecting", "5000", 5);

  static void books(SkillHarness skill, String currency, List<Deal> alices) {
    PipelineCalculator calc =
        new PipelineCalculator(OrgCurrency.single(currency), InMemoryDealGateway.STAGES);
    FiscalCalendar calendar = FiscalCalendar.calendar();
    skill.deals.replaceOwnerBook(
        ALICE,
        new DealBook(
            alices,
            List.of(
                calc.figures(calendar.period(Kind.QUARTER, TODAY), alices, List.of()),
                calc.figures(calendar.period(Kind.MONTH, TODAY), alices, List.of()))),
        Instant.now());
    skill.deals.replaceOwnerBook(BOB, new DealBook(List.of(BOBS), List.of()), Instant.now());
  }

  private Talk talk(String locale) {
    return new Talk(skill::invoke, locale, ALICE_TOKEN);
  }

  private static AlexaRequests about(String name) {
    return AlexaRequests.intent("DealDetailsIntent").slot("dealName", name);
  }

  private static List<String> types(JsonNode response) {
    List<String> types = new ArrayList<>();
    response.at("/response/directives").forEach(d -> types.add(d.path("type").asText()));
    return types;
  }

  private static JsonNode directive(JsonNode response, String type) {
    for (JsonNode d : response.at("/response/directives")) {
      if (d.path("type").asText().equals(type)) {
        return d;
      }
    }
    throw new AssertionError("no " + type + " in " + response);
  }

  @Test
  void aDealByName_stageAmountCloseDateAccountNextStepAndLastActivity() {
    books(skill, "USD", List.of(EXPANSION, SUPPORT, NORTHWIND));

    JsonNode answer = talk("en-US").say(about("Acme expansion"));

    assertThat(speech(answer))
        .contains("Acme expansion, with Acme Corporation, is at Negotiation/Review.")
        .contains(
            "It's worth $42,500 and closes on <say-as interpret-as=\"date\" format=\"ymd\">2026-03-04</say-as>.")
        .contains("Next step: Send the contract.")
        .contains(
            "The last activity was on <say-as interpret-as=\"date\" format=\"ymd\">2026-02-27</say-as>.");
    assertThat(answer.at("/sessionAttributes/dealFocus/dealId").asText()).isEqualTo("006EXP");
    assertThat(
            answer.at("/response/card/content").asText(answer.at("/response/card/text").asText()))
        .contains("Acme expansion", "Stage: Negotiation/Review", "Amount: $42,500");
  }

  @Test
  void theDealAndLeadNamesGoToAlexaTogether_theAccountAsASynonym() {
    books(skill, "USD", List.of(EXPANSION, NORTHWIND));
    skill.cacheLeads(
        ALICE, SkillHarness.lead("00Q1", ALICE, "John", "Smith", "Acme", "2026-01-01T00:00:00Z"));

    JsonNode names =
        directive(talk("en-US").say(about("Northwind")), "Dialog.UpdateDynamicEntities");

    assertThat(names.path("updateBehavior").asText()).isEqualTo("REPLACE");
    assertThat(names.path("types").findValuesAsText("name")).contains("LEAD_NAME", "DEAL_NAME");
    assertThat(names.toString())
        .contains("\"id\":\"006NOR\"", "\"value\":\"Northwind renewal\"", "Northwind Traders")
        .contains("\"id\":\"00Q1\"");
  }

  @Test
  void theStatusOfTheNorthwindRenewal_aPassedCloseDateIsSaidSo_inEveryLocale() {
    books(skill, "EUR", List.of(EXPANSION, NORTHWIND));

    assertThat(speech(talk("en-GB").say(about("Northwind renewal"))))
        .contains("It's worth €18,000; its close date")
        .contains("has passed.")
        .contains("There's no next step set.");
    assertThat(speech(talk("de-DE").say(about("Northwind"))))
        .contains(
            "Northwind renewal mit Northwind Traders steht in der Phase Proposal/Price Quote.")
        .contains("Der Deal ist 18.000 € wert; sein Abschlussdatum");
  }

  @Test
  void theNamesAreSentOncePerSession_andAgainAfterTheLeadNamesReplacedThem() {
    books(skill, "USD", List.of(EXPANSION, NORTHWIND));
    skill.cacheLeads(
        ALICE, SkillHarness.lead("00Q1", ALICE, "John", "Smith", "Acme", "2026-01-01T00:00:00Z"));
    Talk talk = talk("en-US");

    assertThat(types(talk.say(about("Northwind")))).contains("Dialog.UpdateDynamicEntities");
    assertThat(types(talk.say(about("Acme expansion"))))
        .doesNotContain("Dialog.UpdateDynamicEntities");
    talk.say("GetTopLeadIntent"); // sends the lead names alone (REPLACE)
    assertThat(types(talk.say(about("Northwind")))).contains("Dialog.UpdateDynamicEntities");

    books(skill, "USD", List.of(EXPANSION)); // the book changed: the names are sent again
    assertThat(types(talk.say(about("Acme")))).contains("Dialog.UpdateDynamicEntities");
  }

  @Test
  void severalMatches_askWhichOne_andTheAnswerIsThatDeal() {
    books(skill, "USD", List.of(EXPANSION, SUPPORT, NORTHWIND));
    Talk talk = talk("en-US");

    JsonNode which = talk.say(about("Acme"));

    assertThat(speech(which)).contains("Which one: Acme expansion, or Acme support renewal?");
    assertThat(types(which))
        .contains("Dialog.ElicitSlot")
        .doesNotContain("Alexa.Presentation.APL.RenderDocument");
    assertThat(directive(which, "Dialog.ElicitSlot").path("slotToElicit").asText())
        .isEqualTo("dealName");

    JsonNode answer = talk.say(about("the support renewal"));
    assertThat(speech(answer))
        .contains("Acme support renewal, with Acme Corporation, is at Prospecting.")
        .contains("It has no amount yet and closes on");
    assertThat(answer.at("/sessionAttributes/dealFocus/dealId").asText()).isEqualTo("006SUP");
  }

  @Test
  void onAScreen_theChoicesAreAList_andATouchDescribesThatDeal() {
    books(skill, "USD", List.of(EXPANSION, SUPPORT, NORTHWIND));
    Talk talk = talk("en-US");

    JsonNode which = talk.say(about("Acme").withApl());
    JsonNode list = directive(which, "Alexa.Presentation.APL.RenderDocument");
    assertThat(list.path("token").asText()).isEqualTo("dealList");
    assertThat(list.at("/datasources/deals/items/1/id").asText()).isEqualTo("006SUP");
    assertThat(list.at("/datasources/deals/items/1/label").asText())
        .isEqualTo("Acme support renewal");

    JsonNode touched =
        talk.say(AlexaRequests.userEvent("dealList", List.of("dealSelected", "006SUP")).withApl());
    assertThat(speech(touched)).contains("Acme support renewal, with Acme Corporation");
    assertThat(touched.at("/sessionAttributes/dealFocus/dealId").asText()).isEqualTo("006SUP");
    assertThat(directive(touched, "Alexa.Presentation.APL.RenderDocument").path("token").asText())
        .isEqualTo("dealDetails");
  }

  @Test
  void tellMeMore_isAboutTheDealWhileADealIsCurrent_andAboutTheLeadAfterALeadWasHeard() {
    books(skill, "USD", List.of(EXPANSION, NORTHWIND));
    skill.cacheLeads(
        ALICE, SkillHarness.lead("00Q1", ALICE, "John", "Smith", "Acme", "2026-01-01T00:00:00Z"));
    Talk talk = talk("en-US");
    talk.say("GetTopLeadIntent");
    talk.say(about("Northwind"));

    JsonNode more = talk.say(AlexaRequests.intent("LeadDetailsIntent"));
    assertThat(speech(more)).contains("Northwind renewal, with Northwind Traders");
    assertThat(speech(more)).doesNotContain("John Smith");

    talk.say("GetTopLeadIntent"); // a lead heard again: "tell me more" is about the lead
    assertThat(speech(talk.say(AlexaRequests.intent("LeadDetailsIntent"))))
        .contains("John Smith")
        .doesNotContain("Northwind renewal");
  }

  @Test
  void tellMeMore_aboutADealClosedSinceItWasHeard_asksForTheDealOnTheDealIntent() {
    books(skill, "USD", List.of(EXPANSION, NORTHWIND));
    Talk talk = talk("en-US");
    talk.say(about("Northwind"));
    books(skill, "USD", List.of(EXPANSION)); // Northwind closed since

    JsonNode more = talk.say(AlexaRequests.intent("LeadDetailsIntent"));

    JsonNode elicit = directive(more, "Dialog.ElicitSlot");
    assertThat(elicit.path("slotToElicit").asText()).isEqualTo("dealName");
    assertThat(elicit.at("/updatedIntent/name").asText()).isEqualTo("DealDetailsIntent");
  }

  @Test
  void itIsTheDealInFocus() {
    books(skill, "USD", List.of(EXPANSION, NORTHWIND));
    Talk talk = talk("en-US");
    talk.say(about("Northwind"));

    assertThat(speech(talk.say(AlexaRequests.intent("DealDetailsIntent"))))
        .contains("Northwind renewal, with Northwind Traders");
  }

  @Test
  void anUnknownName_isSaidClearly_andTheDealAskedFor() {
    books(skill, "USD", List.of(EXPANSION, NORTHWIND));

    JsonNode answer = talk("en-US").say(about("Initech"));

    assertThat(speech(answer))
        .contains("I couldn't find an open deal of yours called Initech.")
        .endsWith("Which deal do you mean? You can say its name or its account.</speak>");
    assertThat(types(answer)).contains("Dialog.ElicitSlot");
  }

  @Test
  void anotherOwnersDeal_isNeverSpoken() {
    books(skill, "USD", List.of(EXPANSION));

    JsonNode answer = talk("en-US").say(about("Globex rollout"));
    JsonNode byId =
        talk("en-US").say(AlexaRequests.userEvent("dealList", List.of("dealSelected", "006BOB")));

    assertThat(speech(answer))
        .contains("couldn't find an open deal of yours called Globex rollout")
        .doesNotContain("Prospecting");
    assertThat(speech(byId))
        .contains("That deal is no longer one of your open deals.")
        .doesNotContain("Globex");
  }

  @Test
  void aDealClosedSinceItWasInFocus_isSaidSo_andAskedFor() {
    books(skill, "USD", List.of(EXPANSION, NORTHWIND));
    Talk talk = talk("en-US");
    talk.say(about("Northwind"));
    books(skill, "USD", List.of(EXPANSION)); // Northwind closed meanwhile

    JsonNode answer = talk.say(AlexaRequests.intent("DealDetailsIntent"));

    assertThat(speech(answer))
        .contains("Northwind renewal is no longer one of your open deals.")
        .doesNotContain("Proposal");
  }

  @Test
  void noOpenDeals_andNoBookYet_areSaid() {
    assertThat(speech(talk("en-US").say(about("Acme")))).contains("I don't have your deals yet.");
    books(skill, "USD", List.of());
    assertThat(speech(talk("en-US").say(AlexaRequests.intent("DealDetailsIntent"))))
        .contains("You have no open deals.");
  }
}
