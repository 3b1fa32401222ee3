package com.crmvoice.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummarisingLogTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final List<String> lines = new ArrayList<>();
  private final SummarisingLog log =
      new SummarisingLog("request refused", clock, Duration.ofMinutes(1), lines::add);

  @Test
  void writesTheFirstOfEachKind_andCountsTheRest() {
    for (int i = 0; i < 10_000; i++) {
      log.record(i % 2 == 0 ? "bad signature" : "stale timestamp");
    }

    assertThat(lines)
        .containsExactly(
            "request refused: bad signature (more of this kind are counted and summarised every"
                + " PT1M)",
            "request refused: stale timestamp (more of this kind are counted and summarised every"
                + " PT1M)");
  }

  @Test
  void writesOneSummaryPerPeriod_withTheCountPerKind() {
    log.record("bad signature");
    log.record("bad signature");
    log.record("bad signature");
    log.record("stale timestamp");
    log.record("stale timestamp");
    clock.advance(Duration.ofSeconds(61));

    log.record("bad signature");
    log.record("bad signature");

    assertThat(lines).hasSize(3);
    assertThat(lines.get(2))
        .isEqualTo("4 more request refused in the last PT1M1S: bad signature=3, stale timestamp=1");
  }

  @Test
  void flushWritesWhatIsStillCounted_once() {
    log.record("bad signature");
    log.record("bad signature");

    log.flush();
    log.flush();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("1 more request refused in the last PT0S: bad signature=1");
  }

  @Test
  void kindsBeyondTheLimitCountAsOther() {
    for (int i = 0; i < SummarisingLog.MAX_KINDS + 5; i++) {
      log.record("kind-" + i);
    }
    log.flush();

    assertThat(lines).hasSize(SummarisingLog.MAX_KINDS + 2);
    assertThat(lines.get(SummarisingLog.MAX_KINDS)).startsWith("request refused: other ");
    assertThat(lines.get(SummarisingLog.MAX_KINDS + 1)).endsWith(": other=4");
  }
}
