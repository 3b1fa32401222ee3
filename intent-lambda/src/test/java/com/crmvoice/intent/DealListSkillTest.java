package com.crmvoice.intent;

import static com.crmvoice.intent.DealSkillTest.EXPANSION;
import static com.crmvoice.intent.DealSkillTest.NORTHWIND;
import static com.crmvoice.intent.DealSkillTest.SUPPORT;
import static com.crmvoice.intent.DealSkillTest.deal;
import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
import static com.crmvoice.intent.Talk.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "What deals close this week", "what's my biggest deal", and "next" walking the deals heard. */
class DealListSkillTest {

  // Closes Friday 6 March; the Acme expansion on Wednesday the 4th.
  static final Deal CONTOSO =
      deal("006CON", ALICE, "Contoso pilot", "Contoso", "Prospecting", "7500", 5);
  static final Deal FABRIKAM =
      deal("006FAB", ALICE, "Fabrikam rollout", "Fabrikam", "Value Proposition", "65000", 75);

  private final SkillHarness skill = new SkillHarness();

  @BeforeEach
  void monday() {
    skill.clock.set(Instant.parse("2026-03-02T09:00:00Z")); // Monday: the week is 2 to 8 March
  }

  private void book(Deal... deals) {
    DealSkillTest.books(skill, "USD", List.of(deals));
  }

  private Talk talk(String locale) {
    return new Talk(skill::invoke, locale, ALICE_TOKEN);
  }

  private static AlexaRequests closing(String span) {
    AlexaRequests request = AlexaRequests.intent("DealsClosingIntent");
    return span == null ? request : request.resolvedSlot("span", span.toLowerCase(), span);
  }

  @Test
  void thisWeeksDeals_theFirstDescribedAndInFocus_thenNextAndPreviousWalkThem() {
    book(EXPANSION, SUPPORT, NORTHWIND, CONTOSO, FABRIKAM);
    Talk talk = talk("en-US");

    JsonNode week = talk.say(closing(null));
    assertThat(speech(week))
        .contains("2 deals close this week: Acme expansion and Contoso pilot. Deal 1 of 2:")
        .contains("Acme expansion, with Acme Corporation, is at Negotiation/Review.");
    assertThat(week.at("/sessionAttributes/dealFocus/dealId").asText()).isEqualTo("006EXP");

    JsonNode next = talk.say("NextLeadIntent");
    assertThat(speech(next))
        .contains("Deal 2 of 2: Contoso pilot, with Contoso, is at Prospecting.");
    assertThat(next.at("/sessionAttributes/dealFocus/dealId").asText()).isEqualTo("006CON");
    assertThat(speech(talk.say("NextLeadIntent"))).contains("That was the last of these 2 deals.");
    assertThat(speech(talk.say("PreviousLeadIntent"))).contains("Deal 1 of 2: Acme expansion");
    assertThat(speech(talk.say("PreviousLeadIntent")))
        .contains("That was the first deal of the list.");
    assertThat(speech(talk.say("NextLeadIntent"))).contains("Deal 2 of 2: Contoso pilot");
    assertThat(speech(talk.say("StartOverIntent"))).contains("Deal 1 of 2: Acme expansion");
  }

  @Test
  void thisMonth_inGerman() {
    book(EXPANSION, SUPPORT, NORTHWIND, CONTOSO, FABRIKAM);

    assertThat(speech(talk("de-DE").say(closing("MONTH"))))
        .contains(
            "Diesen Monat schließen 3 Deals: Acme expansion, Contoso pilot und Acme support renewal. Deal 1 von 3:");
  }

  @Test
  void theBiggestDeal_thenTheNextBiggest() {
    book(EXPANSION, SUPPORT, NORTHWIND, CONTOSO, FABRIKAM);
    Talk talk = talk("en-GB");

    assertThat(speech(talk.say("BiggestDealIntent")))
        .contains("Your biggest open deal is Fabrikam rollout.")
        .contains("It's worth US$65,000");
    assertThat(speech(talk.say("NextLeadIntent")))
        .contains("Deal 2 of 5: Acme expansion")
        .contains("US$42,500");
  }

  @Test
  void aLeadInFocus_makesNextWalkLeadsAgain() {
    book(EXPANSION, CONTOSO);
    skill.cacheLeads(
        ALICE,
        SkillHarness.lead("00Q1", ALICE, "John", "Smith", "Acme", "2026-01-01T00:00:00Z"),
        SkillHarness.lead("00Q2", ALICE, "Wei", "Chen", "Globex", "2026-01-02T00:00:00Z"));
    Talk talk = talk("en-US");
    talk.say(closing("WEEK"));
    talk.say("GetTopLeadIntent");

    JsonNode next = talk.say("NextLeadIntent");

    assertThat(speech(next)).contains("Wei Chen").doesNotContain("Contoso");
    assertThat(next.at("/sessionAttributes/dealList").isMissingNode()).isTrue();
  }

  @Test
  void aDealAskedForByNameInTheMiddle_leavesTheWalkWhereItWas() {
    book(EXPANSION, SUPPORT, NORTHWIND, CONTOSO, FABRIKAM);
    Talk talk = talk("en-US");
    talk.say("BiggestDealIntent"); // Fabrikam, Acme expansion, Northwind, Contoso, support
    talk.say("NextLeadIntent"); // 2: Acme expansion
    talk.say(AlexaRequests.intent("DealDetailsIntent").slot("dealName", "Northwind"));

    assertThat(speech(talk.say("NextLeadIntent"))).contains("Deal 4 of 5: Contoso pilot");
  }

  @Test
  void aDealClosedSinceTheListWasHeard_isLeftOut() {
    book(EXPANSION, CONTOSO, FABRIKAM);
    Talk talk = talk("en-US");
    talk.say("BiggestDealIntent"); // Fabrikam, Acme expansion, Contoso
    book(FABRIKAM, CONTOSO); // the Acme expansion was won meanwhile

    assertThat(speech(talk.say("NextLeadIntent")))
        .contains("Deal 2 of 2: Contoso pilot")
        .doesNotContain("Acme");
  }

  @Test
  void noDealThisWeek_orNoBookYet_isSaid() {
    assertThat(speech(talk("en-US").say(closing("WEEK")))).contains("I don't have your deals yet.");
    book(SUPPORT, FABRIKAM);
    assertThat(speech(talk("en-US").say(closing("WEEK"))))
        .contains("None of your open deals closes this week.");
    book();
    assertThat(speech(talk("en-US").say("BiggestDealIntent"))).contains("You have no open deals.");
  }

  @Test
  void onAScreen_theListIsShown_andATouchPicksADeal() {
    book(EXPANSION, SUPPORT, CONTOSO);
    Talk talk = talk("en-US");

    JsonNode week = talk.say(closing("MONTH").withApl());
    JsonNode list = null;
    for (JsonNode d : week.at("/response/directives")) {
      if (d.path("type").asText().equals("Alexa.Presentation.APL.RenderDocument")) {
        list = d;
      }
    }
    assertThat(list).isNotNull();
    assertThat(list.path("token").asText()).isEqualTo("dealList");
    assertThat(list.at("/datasources/deals/title").asText()).isEqualTo("Closing this month");
    assertThat(list.at("/datasources/deals/items").findValuesAsText("id"))
        .containsExactly("006EXP", "006CON", "006SUP");

    JsonNode touched =
        talk.say(AlexaRequests.userEvent("dealList", List.of("dealSelected", "006SUP")).withApl());
    assertThat(speech(touched)).contains("Acme support renewal");
    assertThat(speech(talk.say("NextLeadIntent"))).contains("That was the last of these 3 deals.");
  }
}
