package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.config.CallBounds;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.SkillConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WiringTest {

  @Test
  void withTheDefaults_theSlowestAnswerStaysInsideAlexasEightSeconds() {
    EnvironmentReader env = EnvironmentReader.of(Map.of("SKILL_ID", "amzn1.ask.skill.x"));

    assertThat(Wiring.worstCase(SkillConfig.fromEnv(env), CallBounds.fromEnv(env)))
        .isLessThan(Wiring.ALEXA_WAITS);
  }

  @Test
  void theLargestBudgetDoesNot_soTheInitWarns() {
    EnvironmentReader env =
        EnvironmentReader.of(
            Map.of("SKILL_ID", "amzn1.ask.skill.x", "LIVE_LOOKUP_BUDGET_MS", "6000"));

    assertThat(Wiring.worstCase(SkillConfig.fromEnv(env), CallBounds.fromEnv(env)))
        .isGreaterThan(Wiring.ALEXA_WAITS);
  }

  @Test
  void primingActsAsAnAdmittedAlexaUser() {
    assertThat(
            Wiring.primingUserId(
                Map.of(
                    "SKILL_ID", "s",
                    "IDENTITY_MODE", "single-user",
                    "SINGLE_USER_OWNER_ID", "005X",
                    "ALLOWED_ALEXA_USER_IDS", "amzn1.ask.account.B,amzn1.ask.account.A")))
        .isEqualTo("amzn1.ask.account.A");
    assertThat(Wiring.primingUserId(Map.of("SKILL_ID", "s"))).isEqualTo("priming");
  }
}
