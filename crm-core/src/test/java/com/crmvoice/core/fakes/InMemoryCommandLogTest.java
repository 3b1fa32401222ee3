package com.crmvoice.core.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.contract.CommandLogContract;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CommandLog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryCommandLogTest extends CommandLogContract {
  @Override
  protected CommandLog newLog() {
    return new InMemoryCommandLog();
  }

  @Override
  protected void indexCatchesUp(CommandLog log) {
    ((InMemoryCommandLog) log).catchUpIndex();
  }

  @Test
  void theOwnerIndexShowsTheLogAsItWasWhenItLastCaughtUp_readsByKeyAreCurrent() {
    InMemoryCommandLog log = new InMemoryCommandLog();
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    CreateLead first = new CreateLead("c1", "005A", new NewLead(null, "A", "Co", null, null), now);
    CreateLead second =
        new CreateLead("c2", "005A", new NewLead(null, "B", "Co", null, null), now.plusSeconds(1));
    log.recordQueued(first, now);

    assertThat(log.recentForOwner("005A", 5)).isEmpty();
    log.catchUpIndex();
    log.recordQueued(second, now);
    log.claim(first, now, Duration.ofMinutes(1));
    log.markDone("c1", "00Q1", now);

    assertThat(log.recentForOwner("005A", 5))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.commandId()).isEqualTo("c1");
              assertThat(r.state()).isEqualTo(CommandState.QUEUED);
            });
    assertThat(log.find("c1"))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.DONE));
    assertThat(log.latestForOwner("005A"))
        .hasValueSatisfying(r -> assertThat(r.commandId()).isEqualTo("c2"));
  }
}
