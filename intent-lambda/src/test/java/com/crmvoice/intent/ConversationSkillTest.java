package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationSkillTest {

  private final SkillHarness skill = new SkillHarness();

  @Test
  void launchGreetsSaysWhatItCanDo_andKeepsTheSessionOpen() {
    JsonNode response = skill.invoke("launch.json");

    assertThat(speech(response)).contains("top lead", "add a new lead", "last lead");
    assertThat(response.at("/response/reprompt/outputSpeech/ssml").asText()).isNotBlank();
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "help.json, add a lead to Salesforce, false",
    "navigate-home.json, You can ask for your top lead, false",
    "fallback.json, I can't help with that, false",
    "cancel.json, Goodbye, true",
    "stop.json, Goodbye, true"
  })
  void builtInIntentsAnswer(String envelope, String expected, boolean ends) {
    JsonNode response = skill.invoke(envelope);

    assertThat(speech(response)).contains(expected);
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isEqualTo(ends);
  }

  @Test
  void sessionEndedGetsAnEmptyResponse() {
    JsonNode response = skill.invoke("session-ended.json");

    assertThat(response.path("version").asText()).isEqualTo("1.0");
    assertThat(response.at("/response/outputSpeech").isMissingNode()).isTrue();
  }

  @Test
  void aRequestForAnotherSkillIsRefused_andReadsNothing() {
    skill.cacheLeads(
        SkillHarness.ALICE,
        SkillHarness.lead(
            "00Q1", SkillHarness.ALICE, "John", "Smith", "Acme", "2026-01-01T00:00:00Z"));

    assertThatThrownBy(() -> skill.invoke("get-top-lead-wrong-skill.json"))
        .isInstanceOf(GuardedSkill.SkillIdMismatchException.class);
    assertThat(skill.cache.reads()).isZero();
    assertThat(skill.crm.calls("userForAccessToken")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "123", "null", "{}", "missing"})
  void aRequestWithoutThisSkillsId_isRefusedLikeOneForAnotherSkill(String applicationId)
      throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode envelope =
        SkillHarness.envelope("get-top-lead.json");
    com.fasterxml.jackson.databind.node.ObjectNode application =
        (com.fasterxml.jackson.databind.node.ObjectNode) envelope.at("/context/System/application");
    if (applicationId.equals("missing")) {
      application.remove("applicationId");
    } else {
      application.set("applicationId", SkillHarness.JSON.readTree(applicationId));
    }

    assertThatThrownBy(() -> skill.invoke(envelope)).isInstanceOf(RequestRefusedException.class);
    assertThat(skill.cache.reads()).isZero();
    assertThat(skill.crm.calls("userForAccessToken")).isZero();
  }

  @ParameterizedTest
  @CsvSource({"malformed-not-json.txt", "malformed-no-request.json", "unknown-request-type.json"})
  void aMalformedRequestGetsAValidApology(String envelope) {
    JsonNode response = skill.invoke(envelope);

    assertThat(response.path("version").asText()).isEqualTo("1.0");
    assertThat(speech(response))
        .isEqualTo("<speak>Sorry, something went wrong on my side. Please try again.</speak>");
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isTrue();
  }

  @Test
  void anEmptyBodyGetsAValidApology() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    skill.handler.handleRequest(new ByteArrayInputStream(new byte[0]), out, null);

    assertThat(
            SkillHarness.JSON
                .readTree(out.toByteArray())
                .at("/response/outputSpeech/ssml")
                .asText())
        .contains("Sorry");
  }

  @Test
  void theColdStartFailsClearly_withoutASkillId() {
    assertThatThrownBy(() -> new IntentStreamHandler(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SKILL_ID");
  }
}
