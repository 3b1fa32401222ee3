package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
import static com.crmvoice.intent.SkillHarness.BOB;
import static com.crmvoice.intent.SkillHarness.BOB_TOKEN;
import static com.crmvoice.intent.SkillHarness.directive;
import static com.crmvoice.intent.SkillHarness.envelope;
import static com.crmvoice.intent.SkillHarness.lead;
import static com.crmvoice.intent.SkillHarness.speech;
import static com.crmvoice.intent.SkillHarness.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.port.LeadCache;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GetTopLeadSkillTest {

  private final SkillHarness skill = new SkillHarness();

  @Test
  void speaksTheOldestCachedLeadWithHowToReachThem_andShowsACard() {
    skill.cacheLeads(
        ALICE,
        lead("00Q2", ALICE, "Grace", "Hopper", "Navy", "2026-02-01T00:00:00Z"),
        lead("00Q1", ALICE, "John", "Smith", "Acme", "2026-01-01T00:00:00Z"));

    JsonNode response = skill.invoke("get-top-lead.json");

    assertThat(speech(response))
        .isEqualTo(
            "<speak>Your top lead is John Smith from Acme. You can reach them at <say-as interpret-as=\"telephone\">+1 555 0100</say-as>,"
                + " or by email at john@acme.com.</speak>");
    assertThat(response.at("/response/card/type").asText()).isEqualTo("Standard");
    assertThat(response.at("/response/card/title").asText()).isEqualTo("Top lead");
    assertThat(response.at("/response/card/text").asText())
        .contains("John Smith", "Acme", "Phone: +1 555 0100", "Email: john@acme.com");
    assertThat(directive(response, "Alexa.Presentation.APL.RenderDocument")).isNull();
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isTrue();
    assertThat(skill.progressive).isEmpty();
    assertThat(skill.crm.calls("topOpenLeads")).isZero();
  }

  @Test
  void rendersTheLeadAsAnAplDocument_onDevicesWithAScreen() {
    skill.cacheLeads(ALICE, lead("00Q1", ALICE, "John", "Smith", "Acme", "2026-01-01T00:00:00Z"));

    JsonNode response = skill.invoke("get-top-lead-apl.json");

    JsonNode apl = directive(response, "Alexa.Presentation.APL.RenderDocument");
    assertThat(apl).isNotNull();
    assertThat(apl.at("/document/type").asText()).isEqualTo("APL");
    assertThat(apl.at("/datasources/lead/name").asText()).isEqualTo("John Smith");
    assertThat(apl.at("/datasources/lead/company").asText()).isEqualTo("Acme");
    assertThat(speech(response)).contains("John Smith from Acme");
  }

  @Test
  void saysThereAreNoOpenLeads_whenTheCacheKnowsNone() {
    skill.cacheLeads(ALICE);

    assertThat(speech(skill.invoke("get-top-lead.json")))
        .isEqualTo("<speak>You have no open leads.</speak>");
  }

  @Test
  void sendsAProgressiveResponseOnACacheMiss_thenAnswersFromTheCrmAndCachesIt() {
    skill.crm.put(lead("00Q7", ALICE, "Ada", "Lovelace", "Engines", "2026-01-05T00:00:00Z"));

    JsonNode response = skill.invoke("get-top-lead.json");

    assertThat(skill.progressive)
        .containsExactly(
            new SkillHarness.Sent(
                "https://api.amazonalexa.com",
                "api-access-token",
                "amzn1.echo-api.request.top-1",
                "One moment while I check Salesforce."));
    assertThat(speech(response)).contains("Ada Lovelace from Engines");
    assertThat(skill.cache.topLeads(ALICE, 5)).isInstanceOf(LeadCache.Snapshot.Known.class);
  }

  @Test
  void theProgressiveResponseGoesOutBeforeTheLookup_andIsAwaitedBeforeTheAnswer() {
    // Alexa plays a progressive response only if it arrives before the skill's response, and
    // Lambda may freeze a request still in flight when the handler returns.
    // https://developer.amazon.com/en-US/docs/alexa/custom-skills/send-the-user-a-progressive-response.html
    skill.crm.put(lead("00Q8", ALICE, "Ada", "Lovelace", "Engines", "2026-01-05T00:00:00Z"));

    skill.invoke("get-top-lead.json");

    assertThat(skill.progressiveEvents)
        .containsExactly("sent after 0 lookups", "awaited after 1 lookups");
  }

  @Test
  void theProgressiveResponseIsAwaitedEvenWhenTheLookupFails() {
    skill.invoke("lead-status.json");
    skill.crm.failNextCalls(1);

    skill.invoke("get-top-lead.json");

    assertThat(skill.progressiveEvents).hasSize(2).last().asString().startsWith("awaited");
  }

  @Test
  void answersKindlyAndRequestsARefresh_whenTheCrmIsDownOnACacheMiss() {
    skill.invoke("lead-status.json"); // the user is known: only the lead lookup fails
    skill.crm.failNextCalls(1);

    JsonNode response = skill.invoke("get-top-lead.json");

    assertThat(speech(response)).contains("taking longer than usual", "ask me again");
    assertThat(skill.refresh.requested()).containsExactly(ALICE);
  }

  @Test
  void userANeverHearsUserBsLeads() {
    skill.cacheLeads(
        ALICE, lead("00QA", ALICE, "Alan", "Turing", "Bletchley", "2026-01-02T00:00:00Z"));
    skill.cacheLeads(BOB, lead("00QB", BOB, "Barbara", "Liskov", "MIT", "2025-01-01T00:00:00Z"));

    JsonNode alice = skill.invoke(withToken(envelope("get-top-lead-apl.json"), ALICE_TOKEN));
    JsonNode bob = skill.invoke(withToken(envelope("get-top-lead-apl.json"), BOB_TOKEN));
    JsonNode aliceAgain = skill.invoke(withToken(envelope("get-top-lead.json"), ALICE_TOKEN));

    assertThat(alice.toString()).contains("Turing").doesNotContain("Liskov", "MIT");
    assertThat(bob.toString()).contains("Liskov").doesNotContain("Turing", "Bletchley");
    assertThat(aliceAgain.toString()).contains("Turing").doesNotContain("Liskov");
  }

  @Test
  void asksToLinkTheAccount_whenTheRequestHasNoToken() {
    skill.cacheLeads(ALICE, lead("00Q1", ALICE, "John", "Smith", "Acme", "2026-01-01T00:00:00Z"));

    JsonNode response = skill.invoke("get-top-lead-no-token.json");

    assertThat(response.at("/response/card/type").asText()).isEqualTo("LinkAccount");
    assertThat(speech(response)).contains("link your Salesforce account");
    assertThat(response.toString()).doesNotContain("Smith");
    assertThat(skill.cache.reads()).isZero();
  }

  @Test
  void asksToLinkAgain_whenTheCrmRefusesTheToken() {
    JsonNode response = skill.invoke(withToken(envelope("get-top-lead.json"), "revoked-token"));

    assertThat(response.at("/response/card/type").asText()).isEqualTo("LinkAccount");
  }

  @Test
  void apologises_whenTheCrmCannotSayWhoTheUserIs() {
    skill.crm.failNextCalls(1);

    JsonNode response = skill.invoke("get-top-lead.json");

    assertThat(speech(response)).contains("can't reach Salesforce");
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isTrue();
  }

  @Test
  void speaksGermanAndBritishEnglish() {
    skill.cacheLeads(
        ALICE, lead("00Q1", ALICE, "Jürgen", "Müller", "Bäckerei", "2026-01-01T00:00:00Z"));

    assertThat(speech(skill.invoke("get-top-lead-de.json")))
        .startsWith("<speak>Dein wichtigster Lead ist Jürgen Müller von Bäckerei.");
    assertThat(skill.invoke("get-top-lead-gb.json").at("/response/card/text").asText())
        .contains("Telephone: +1 555 0100");
  }

  @Test
  void escapesValuesForSsml() {
    skill.cacheLeads(
        ALICE, lead("00Q1", ALICE, "Tom", "Jones", "Smith & Sons", "2026-01-01T00:00:00Z"));

    assertThat(speech(skill.invoke("get-top-lead.json"))).contains("Smith &amp; Sons");
  }
}
