package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "How's my pipeline", "what did I close": the cached figures, in the user's locale. */
class PipelineSkillTest {

  // The harness's clock: 1 March 2026, in the first calendar quarter.
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  private final SkillHarness skill = new SkillHarness();

  private static Deal deal(String id, String stage, String amount, int inDays) {
    return new Deal(
        id,
        ALICE,
        "Deal " + id,
        "Acme",
        stage,
        new BigDecimal(amount),
        null,
        TODAY.plusDays(inDays),
        null,
        null,
        null,
        null,
        null);
  }

  private void book(String currency) {
    PipelineCalculator calc =
        new PipelineCalculator(OrgCurrency.single(currency), InMemoryDealGateway.STAGES);
    FiscalCalendar calendar = FiscalCalendar.calendar();
    List<Deal> open =
        List.of(
            deal("006A", "Negotiation/Review", "30000", 5),
            deal("006B", "Prospecting", "12500", 20),
            deal("006C", "Prospecting", "999", 45)); // April: next quarter
    List<Deal> won = List.of(deal("006W", "Closed Won", "15000", -10));
    skill.deals.replaceOwnerBook(
        ALICE,
        new DealBook(
            open,
            List.of(
                calc.figures(calendar.period(Kind.QUARTER, TODAY), open, won),
                calc.figures(calendar.period(Kind.MONTH, TODAY), open, won))),
        java.time.Instant.now());
  }

  private Talk talk(String locale) {
    return new Talk(skill::invoke, locale, ALICE_TOKEN);
  }

  @Test
  void thePipelineThisQuarter_inDollars() {
    book("USD");

    String said = speech(talk("en-US").say("PipelineIntent"));

    assertThat(said)
        .contains("this quarter: $42,500 in 2 open deals") // the third closes next quarter
        .contains("$28,250 weighted by probability") // 27,000 + 1,250
        .contains("The top stages are Negotiation/Review at $30,000 and Prospecting at $12,500.");
  }

  @Test
  void oneStage_isTheBiggestStage_andOfManyTheTopThreeAreSpoken() {
    PipelineCalculator calc =
        new PipelineCalculator(OrgCurrency.single("USD"), InMemoryDealGateway.STAGES);
    FiscalCalendar calendar = FiscalCalendar.calendar();
    List<Deal> one = List.of(deal("006A", "Negotiation/Review", "30000", 5));
    skill.deals.replaceOwnerBook(
        ALICE,
        new DealBook(
            one, List.of(calc.figures(calendar.period(Kind.QUARTER, TODAY), one, List.of()))),
        java.time.Instant.now());
    assertThat(speech(talk("en-US").say("PipelineIntent")))
        .contains("in one open deal")
        .contains("The biggest stage is Negotiation/Review, with $30,000.");

    List<Deal> four =
        List.of(
            deal("006A", "Negotiation/Review", "30000", 5),
            deal("006B", "Prospecting", "12500", 6),
            deal("006C", "Qualification", "9000", 7),
            deal("006D", "Value Proposition", "4000", 8));
    skill.deals.replaceOwnerBook(
        ALICE,
        new DealBook(
            four, List.of(calc.figures(calendar.period(Kind.QUARTER, TODAY), four, List.of()))),
        java.time.Instant.now());
    assertThat(speech(talk("de-DE").say("PipelineIntent")))
        .contains(
            "Die größten Phasen sind Negotiation/Review mit 30.000 $, Prospecting mit 12.500 $ und"
                + " Qualification mit 9.000 $.")
        .doesNotContain("Value Proposition");
  }

  @Test
  void thisMonthIsTheMonthsDeals_andGermanAmountsAreInEuro() {
    book("EUR");

    String said =
        speech(
            talk("de-DE")
                .say(
                    AlexaRequests.intent("PipelineIntent")
                        .resolvedSlot("period", "Monat", "MONTH")));

    assertThat(said).contains("in diesem Monat: 42.500 € in 2 offenen Deals");
  }

  @Test
  void whatDidICloseThisQuarter_inEveryLocale() {
    book("GBP");

    assertThat(speech(talk("en-GB").say("ClosedDealsIntent")))
        .contains("This quarter you've closed one deal, worth £15,000.");
    assertThat(speech(talk("de-DE").say("ClosedDealsIntent")))
        .contains("In diesem Quartal hast du einen Deal gewonnen, über 15.000 £.");
  }

  @Test
  void aScreenShowsTheSummary_inTheUsersLocale_andADeviceWithoutOneGetsNoDocument() {
    book("USD");

    var answer = talk("en-US").say(AlexaRequests.intent("PipelineIntent").withApl());
    var directive = SkillHarness.directive(answer, "Alexa.Presentation.APL.RenderDocument");
    assertThat(directive).isNotNull();
    var data = directive.path("datasources").path("pipeline");
    assertThat(data.path("title").asText()).isEqualTo("Your pipeline this quarter");
    assertThat(data.path("amount").asText()).isEqualTo("$42,500");
    assertThat(data.path("count").asText()).isEqualTo("2 open deals");
    assertThat(data.path("weighted").asText()).isEqualTo("$28,250 weighted by probability");
    assertThat(data.path("stages").get(0).asText()).isEqualTo("Negotiation/Review: $30,000");
    assertThat(data.path("stages").get(1).asText()).isEqualTo("Prospecting: $12,500");
    assertThat(data.path("won").asText()).isEqualTo("Won this quarter: $15,000 in one deal");
    assertThat(directive.path("document").path("mainTemplate").isObject()).isTrue();

    var german =
        SkillHarness.directive(
                talk("de-DE").say(AlexaRequests.intent("PipelineIntent").withApl()),
                "Alexa.Presentation.APL.RenderDocument")
            .path("datasources")
            .path("pipeline");
    assertThat(german.path("title").asText()).isEqualTo("Deine Pipeline in diesem Quartal");
    assertThat(german.path("amount").asText()).isEqualTo("42.500 $");
    assertThat(german.path("count").asText()).isEqualTo("2 offene Deals");

    assertThat(
            SkillHarness.directive(
                talk("en-GB").say("PipelineIntent"), "Alexa.Presentation.APL.RenderDocument"))
        .isNull();
  }

  @Test
  void withoutABookTheSkillSaysSoAndKeepsTheSessionOpen() {
    var answer = talk("en-US").say("PipelineIntent");

    assertThat(speech(answer)).contains("I don't have your pipeline yet.");
    assertThat(answer.at("/response/shouldEndSession").asBoolean(true)).isFalse();
  }
}
