package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.envelope;
import static com.crmvoice.intent.SkillHarness.speech;
import static com.crmvoice.intent.SkillHarness.withLocale;
import static com.crmvoice.intent.SkillHarness.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.service.skill.SingleUserIdentityResolver;
import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opening the skill. With account linking, a user who has not linked an account hears so and gets
 * the LinkAccount card instead of the welcome (certification test for account linking: <a
 * href="https://developer.amazon.com/en-US/docs/alexa/custom-skills/certification-requirements-for-custom-skills.html">certification
 * requirements</a>, and the LinkAccount card: <a
 * href="https://developer.amazon.com/en-US/docs/alexa/account-linking/account-linking-for-custom-skills.html">account
 * linking for custom skills</a>).
 */
class LaunchSkillTest {

  private final SkillHarness skill = new SkillHarness();

  static java.util.List<String> locales() {
    return Speech.LOCALES;
  }

  @ParameterizedTest
  @MethodSource("locales")
  void anUnlinkedUserIsAskedToLinkTheirAccount_withTheLinkAccountCard(String locale) {
    JsonNode response = skill.invoke(withLocale(withToken(envelope("launch.json"), null), locale));

    assertThat(response.at("/response/card/type").asText()).isEqualTo("LinkAccount");
    assertThat(speech(response))
        .isEqualTo("<speak>" + Speech.forLocale(locale).say("link.required") + "</speak>");
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isTrue();
    assertThat(skill.crm.calls("userForAccessToken")).isZero();
  }

  @Test
  void aLinkedUserIsWelcomed_withoutACallToSalesforce() {
    JsonNode response = skill.invoke("launch.json");

    assertThat(speech(response)).contains("Welcome to CRM Voice");
    assertThat(response.at("/response/card").isMissingNode()).isTrue();
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isFalse();
    assertThat(skill.crm.calls("userForAccessToken")).isZero();
  }

  @Test
  void inSingleUserModeNoTokenIsNeeded() {
    IntentStreamHandler singleUser =
        new IntentStreamHandler(
            new SkillServices(
                SkillHarness.SKILL_ID,
                new SingleUserIdentityResolver("005DEMO00000001AAA"),
                skill.services.topLeads(),
                skill.services.createLeads(),
                skill.services.leadStatus(),
                skill.services.progressive()));

    JsonNode response =
        SkillHarness.invoke(
            singleUser,
            withToken(envelope("launch.json"), null).toString().getBytes(StandardCharsets.UTF_8));

    assertThat(speech(response)).contains("Welcome to CRM Voice");
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isFalse();
  }
}
