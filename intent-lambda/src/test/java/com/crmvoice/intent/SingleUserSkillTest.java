package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.lead;
import static com.crmvoice.intent.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.service.skill.SingleUserIdentityResolver;
import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SingleUserSkillTest {

  private static final String OWNER = "005DEMO00000001AAA";

  /** The Alexa user of the envelopes under src/test/resources/envelopes. */
  private static final String OWNERS_ALEXA_USER = "amzn1.ask.account.ALICE";

  private final SkillHarness skill = new SkillHarness();
  private final IntentStreamHandler singleUser =
      new IntentStreamHandler(
          new SkillServices(
              SkillHarness.SKILL_ID,
              new SingleUserIdentityResolver(OWNER),
              skill.services.topLeads(),
              skill.services.createLeads(),
              skill.services.leadStatus(),
              skill.services.progressive(),
              Set.of(OWNERS_ALEXA_USER)::contains));

  private JsonNode invoke(ObjectNode envelope) {
    return SkillHarness.invoke(singleUser, envelope.toString().getBytes());
  }

  private static ObjectNode fromStranger(String envelope) {
    ObjectNode node = SkillHarness.envelope(envelope);
    ((ObjectNode) node.at("/session/user")).put("userId", "amzn1.ask.account.STRANGER");
    ((ObjectNode) node.at("/context/System/user")).put("userId", "amzn1.ask.account.STRANGER");
    return node;
  }

  @Test
  void singleUserModeAnswersWithoutAToken_forTheConfiguredOwner() {
    skill.cacheLeads(
        OWNER, lead("00Q1", OWNER, "Dana", "Demo", "Demo Inc", "2026-01-01T00:00:00Z"));
    skill.cacheLeads(
        SkillHarness.ALICE,
        lead("00Q2", SkillHarness.ALICE, "Alan", "Turing", "Bletchley", "2025-01-01T00:00:00Z"));

    JsonNode response =
        SkillHarness.invoke(singleUser, SkillHarness.resource("get-top-lead-no-token.json"));

    assertThat(speech(response)).contains("Dana Demo from Demo Inc").doesNotContain("Turing");
    assertThat(response.at("/response/card/type").asText()).isEqualTo("Standard");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "en-GB", "de-DE"})
  void anAlexaUserNotConfiguredIsRefused_andNeverHearsTheOwnersLeads(String locale) {
    skill.cacheLeads(
        OWNER, lead("00Q1", OWNER, "Dana", "Demo", "Demo Inc", "2026-01-01T00:00:00Z"));

    JsonNode response =
        invoke(SkillHarness.withLocale(fromStranger("get-top-lead-no-token.json"), locale));

    assertThat(response.path("version").asText()).isEqualTo("1.0");
    assertThat(speech(response))
        .isEqualTo("<speak>" + Speech.forLocale(locale).say("user.notAllowed") + "</speak>")
        .doesNotContain("Dana");
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isTrue();
    assertThat(response.at("/response/card").isMissingNode()).isTrue();
    assertThat(skill.progressive).isEmpty();
  }

  @Test
  void everyRequestOfAStrangerIsRefused_butTheEndOfTheirSessionIsJustAcknowledged() {
    assertThat(speech(invoke(fromStranger("launch.json")))).contains("set up for one person");
    assertThat(speech(invoke(fromStranger("create-lead-started.json"))))
        .contains("set up for one person");

    JsonNode ended = invoke(fromStranger("session-ended.json"));
    assertThat(ended.at("/response/outputSpeech").isMissingNode()).isTrue();
  }
}
