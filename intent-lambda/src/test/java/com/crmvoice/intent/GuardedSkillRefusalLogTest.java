package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazon.ask.request.impl.BaseSkillRequest;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.log.SummarisingLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A probe's thousands of refused requests write a few log lines, not one each (issue 19, 13). */
class GuardedSkillRefusalLogTest {

  @Test
  void refusalsAreLoggedOncePerKind_thenSummarised() {
    SkillHarness harness = new SkillHarness();
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    List<String> lines = new ArrayList<>();
    GuardedSkill skill =
        new GuardedSkill(
            IntentSkill.build(harness.services),
            SkillHarness.SKILL_ID,
            new SummarisingLog("request refused", clock, Duration.ofMinutes(1), lines::add));
    byte[] other = SkillHarness.resource("get-top-lead-wrong-skill.json");

    for (int i = 0; i < 1_000; i++) {
      assertThatThrownBy(() -> skill.execute(new BaseSkillRequest(other), null))
          .isInstanceOf(RequestRefusedException.class);
    }
    clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(() -> skill.execute(new BaseSkillRequest(other), null))
        .isInstanceOf(RequestRefusedException.class);

    assertThat(lines)
        .containsExactly(
            "request refused: another skill id (more of this kind are counted and summarised"
                + " every PT1M)",
            "1000 more request refused in the last PT1M: another skill id=1000");
  }
}
