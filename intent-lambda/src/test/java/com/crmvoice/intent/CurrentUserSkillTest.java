package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.lead;
import static com.crmvoice.intent.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.port.IdentityResolver;
import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CRM user is resolved once per request, and only for requests that need one. */
class CurrentUserSkillTest {

  private final SkillHarness skill = new SkillHarness();
  private final List<String> resolved = new ArrayList<>();
  private final IdentityResolver counting =
      token -> {
        resolved.add(String.valueOf(token));
        return skill.services.identity().resolve(token);
      };
  private final IntentStreamHandler handler =
      new IntentStreamHandler(
          new SkillServices(
              SkillHarness.SKILL_ID,
              counting,
              skill.services.topLeads(),
              skill.services.createLeads(),
              skill.services.leadStatus(),
              skill.services.progressive(),
              skill.services.work()));

  @Test
  void aRequestThatNeedsTheUserResolvesItOnce() {
    skill.cacheLeads(
        SkillHarness.ALICE,
        lead("00Q1", SkillHarness.ALICE, "Ada", "Lovelace", "Acme", "2026-01-01T00:00:00Z"));

    JsonNode response =
        SkillHarness.invoke(
            handler, SkillHarness.envelope("get-top-lead.json").toString().getBytes());

    assertThat(speech(response)).contains("Ada Lovelace");
    assertThat(resolved).containsExactly(SkillHarness.ALICE_TOKEN);
  }

  @Test
  void helpWithoutALinkedAccount_neitherResolvesTheUserNorAsksForLinking() {
    JsonNode response =
        SkillHarness.invoke(
            handler,
            SkillHarness.withToken(SkillHarness.envelope("help.json"), null).toString().getBytes());

    assertThat(resolved).isEmpty();
    assertThat(speech(response)).contains(Speech.forLocale("en-US").say("help"));
    assertThat(response.at("/response/card").isMissingNode()).isTrue();
  }

  @Test
  void aRequestThatNeedsTheUserWithoutALinkedAccount_getsTheLinkAccountCard() {
    JsonNode response =
        SkillHarness.invoke(handler, SkillHarness.resource("get-top-lead-no-token.json"));

    assertThat(resolved).containsExactly("null");
    assertThat(response.at("/response/card/type").asText()).isEqualTo("LinkAccount");
    assertThat(speech(response)).contains(Speech.forLocale("en-US").say("link.required"));
  }
}
