package com.crmvoice.core.service.skill;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadStatusServiceTest {

  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final LeadStatusService service = new LeadStatusService(log);

  private CreateLead command(String id, String owner, String last, String at) {
    return new CreateLead(
        id, owner, new NewLead(null, last, "Acme", null, null), Instant.parse(at));
  }

  @Test
  void answersTheOwnersLatestCommandOnly() {
    log.recordQueued(command("c1", "alice", "Older", "2026-03-01T09:00:00Z"), Instant.now());
    log.recordQueued(command("c2", "alice", "Newer", "2026-03-01T10:00:00Z"), Instant.now());
    log.recordQueued(command("c3", "bob", "Bobs", "2026-03-01T11:00:00Z"), Instant.now());

    assertThat(service.latest("alice"))
        .hasValueSatisfying(r -> assertThat(r.commandId()).isEqualTo("c2"));
    assertThat(service.latest("carol")).isEmpty();
  }

  @Test
  void answersTheLeadJustCreated_beforeTheOwnerIndexCatchesUp() {
    log.recordQueued(command("c1", "alice", "Older", "2026-03-01T09:00:00Z"), Instant.now());
    log.catchUpIndex();
    log.recordQueued(command("c2", "alice", "Newer", "2026-03-01T10:00:00Z"), Instant.now());

    assertThat(service.latest("alice"))
        .hasValueSatisfying(r -> assertThat(r.commandId()).isEqualTo("c2"));
  }

  @Test
  void answersTheCurrentStatus_notTheOwnerIndexsOlderCopy() {
    CreateLead created = command("c1", "alice", "Done", "2026-03-01T09:00:00Z");
    Instant now = Instant.parse("2026-03-01T09:00:01Z");
    log.recordQueued(created, now);
    log.catchUpIndex();
    log.claim(created, now, Duration.ofMinutes(1));
    log.markDone("c1", "00Q000000000001AAA", now);

    assertThat(service.latest("alice"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.DONE);
              assertThat(r.status().crmId()).isEqualTo("00Q000000000001AAA");
            });
  }
}
