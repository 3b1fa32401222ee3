package com.crmvoice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.SkillConfig.IdentityMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillConfigTest {

  @Test
  void defaultsToAccountLinking_withABudgetWellUnderEightSeconds() {
    SkillConfig config =
        SkillConfig.fromEnv(EnvironmentReader.of(Map.of("SKILL_ID", "amzn1.ask.skill.x")));

    assertThat(config.identityMode()).isEqualTo(IdentityMode.ACCOUNT_LINKING);
    assertThat(config.liveLookupBudget()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.identityCacheTtl()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void singleUserModeNeedsAnOwner() {
    assertThatThrownBy(
            () ->
                SkillConfig.fromEnv(
                    EnvironmentReader.of(Map.of("SKILL_ID", "s", "IDENTITY_MODE", "single-user"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SINGLE_USER_OWNER_ID");
    assertThat(
            SkillConfig.fromEnv(
                    EnvironmentReader.of(
                        Map.of(
                            "SKILL_ID", "s",
                            "IDENTITY_MODE", "single-user",
                            "SINGLE_USER_OWNER_ID", "005X",
                            "ALLOWED_ALEXA_USER_IDS", "amzn1.ask.account.A")))
                .singleUserOwnerId())
        .isEqualTo("005X");
  }

  @Test
  void singleUserModeNeedsTheAlexaUsersItAnswers_andAdmitsOnlyThem() {
    assertThatThrownBy(
            () ->
                SkillConfig.fromEnv(
                    EnvironmentReader.of(
                        Map.of(
                            "SKILL_ID", "s",
                            "IDENTITY_MODE", "single-user",
                            "SINGLE_USER_OWNER_ID", "005X"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ALLOWED_ALEXA_USER_IDS");

    SkillConfig config =
        SkillConfig.fromEnv(
            EnvironmentReader.of(
                Map.of(
                    "SKILL_ID", "s",
                    "IDENTITY_MODE", "single-user",
                    "SINGLE_USER_OWNER_ID", "005X",
                    "ALLOWED_ALEXA_USER_IDS", " amzn1.ask.account.A , amzn1.ask.account.B,")));

    assertThat(config.allowedAlexaUserIds())
        .containsExactlyInAnyOrder("amzn1.ask.account.A", "amzn1.ask.account.B");
    assertThat(config.admits("amzn1.ask.account.A")).isTrue();
    assertThat(config.admits("amzn1.ask.account.B")).isTrue();
    assertThat(config.admits("amzn1.ask.account.STRANGER")).isFalse();
    assertThat(config.admits(null)).isFalse();
  }

  @Test
  void accountLinkingAdmitsEveryAlexaUser_theTokenDecidesWhoseLeadsTheyHear() {
    SkillConfig config =
        SkillConfig.fromEnv(
            EnvironmentReader.of(
                Map.of("SKILL_ID", "s", "ALLOWED_ALEXA_USER_IDS", "amzn1.ask.account.A")));

    assertThat(config.admits("amzn1.ask.account.STRANGER")).isTrue();
    assertThat(config.allowedAlexaUserIds()).isEmpty();
  }

  @Test
  void aFifteenCharacterOwnerIdIsKeptInItsEighteenCharacterForm() {
    // Admins copy the 15-character id from the user's page; the API (and so the cache) uses 18.
    SkillConfig config =
        SkillConfig.fromEnv(
            EnvironmentReader.of(
                Map.of(
                    "SKILL_ID", "s",
                    "IDENTITY_MODE", "single-user",
                    "SINGLE_USER_OWNER_ID", "00570000001ZwTi",
                    "ALLOWED_ALEXA_USER_IDS", "amzn1.ask.account.A")));

    assertThat(config.singleUserOwnerId()).isEqualTo("00570000001ZwTiAAK");
  }

  @Test
  void refusesAMissingSkillId_andABudgetAboveSixSeconds() {
    assertThatThrownBy(() -> SkillConfig.fromEnv(EnvironmentReader.of(Map.of())))
        .hasMessageContaining("SKILL_ID");
    assertThatThrownBy(
            () ->
                SkillConfig.fromEnv(
                    EnvironmentReader.of(Map.of("SKILL_ID", "s", "LIVE_LOOKUP_BUDGET_MS", "7000"))))
        .hasMessageContaining("LIVE_LOOKUP_BUDGET_MS");
    assertThatThrownBy(
            () ->
                SkillConfig.fromEnv(
                    EnvironmentReader.of(Map.of("SKILL_ID", "s", "IDENTITY_MODE", "magic"))))
        .hasMessageContaining("IDENTITY_MODE");
  }
}
