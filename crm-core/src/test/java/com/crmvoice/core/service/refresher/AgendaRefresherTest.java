package com.crmvoice.core.service.refresher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.fakes.InMemoryAgendaCache;
import com.crmvoice.core.fakes.InMemoryCalendarGateway;
import com.crmvoice.core.fakes.InMemoryWatermarkStore;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.AgendaCache.Snapshot;
import com.crmvoice.core.port.CrmUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgendaRefresherTest {

  static final String ANA = "005000000000001AAA";
  static final String BEN = "005000000000002AAA";
  static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

  final MutableClock clock = new MutableClock(NOW);
  final InMemoryCalendarGateway crm = new InMemoryCalendarGateway();
  final InMemoryAgendaCache cache = new InMemoryAgendaCache();
  final InMemoryWatermarkStore watermark = new InMemoryWatermarkStore();
  final AgendaRefresher refresher =
      new AgendaRefresher(
          crm, cache, watermark, Duration.ofSeconds(120), 1000, 2, clock, crm::calls);

  static CalendarEvent meeting(String id, String owner, String start) {
    Instant at = Instant.parse(start);
    return new CalendarEvent(
        id, owner, "Demo " + id, at, at.plusSeconds(1800), false, List.of("Maria Garcia"));
  }

  static OpenTask task(String id, String owner, LocalDate due) {
    return new OpenTask(id, owner, "Send the proposal", due, "Maria Garcia", NOW);
  }

  @Test
  void fullPassKeepsTheWindowPerOwnerAndWritesNothingTheSecondTime() {
    crm.put(meeting("e1", ANA, "2026-03-10T15:00:00Z"), NOW);
    crm.put(meeting("e2", ANA, "2026-03-12T09:00:00Z"), NOW);
    crm.put(meeting("old", ANA, "2026-03-01T09:00:00Z"), NOW); // before the window
    crm.put(meeting("far", ANA, "2026-03-30T09:00:00Z"), NOW); // after it
    crm.put(task("t1", BEN, LocalDate.parse("2026-03-09")), NOW); // overdue
    crm.put(task("later", BEN, LocalDate.parse("2026-03-20")), NOW); // not due yet
    crm.put(new LeadArrival("00Q1", BEN, "Lena Vogel", "Vogel AG", NOW.minusSeconds(3600)), NOW);

    PassReport first = refresher.fullPass();

    assertThat(first.ownersChanged()).isEqualTo(2);
    Snapshot.Known ana = (Snapshot.Known) cache.agenda(ANA);
    assertThat(ana.agenda().events()).extracting(CalendarEvent::id).containsExactly("e1", "e2");
    Snapshot.Known ben = (Snapshot.Known) cache.agenda(BEN);
    assertThat(ben.agenda().tasks()).extracting(OpenTask::id).containsExactly("t1");
    assertThat(ben.agenda().newLeads()).extracting(LeadArrival::name).containsExactly("Lena Vogel");
    assertThat(watermark.load()).contains(NOW);

    int writes = cache.writes();
    PassReport second = refresher.fullPass();
    assertThat(second.itemsWritten()).isZero();
    assertThat(cache.writes()).isEqualTo(writes);
  }

  @Test
  void incrementalPassRecomputesOnlyTheOwnersTouchedAndAdvancesItsWatermark() {
    crm.put(meeting("e1", ANA, "2026-03-10T15:00:00Z"), NOW);
    crm.put(task("t1", BEN, LocalDate.parse("2026-03-10")), NOW);
    refresher.fullPass();
    clock.advance(Duration.ofMinutes(15));
    Instant later = clock.instant();
    crm.put(meeting("e3", ANA, "2026-03-10T17:00:00Z"), later);

    PassReport pass = refresher.incrementalPass();

    // The overlap reads Ben's task again: recomputed, unchanged, not written.
    assertThat(pass.ownersSeen()).isEqualTo(2);
    // Both owners' stored digests in one batched read, no agenda read per owner.
    assertThat(cache.digestReads()).isEqualTo(1);
    assertThat(cache.agendaReads()).isZero();
    assertThat(pass.ownersChanged()).isEqualTo(1);
    assertThat(pass.itemsWritten()).isEqualTo(1);
    assertThat(((Snapshot.Known) cache.agenda(ANA)).agenda().events())
        .extracting(CalendarEvent::id)
        .containsExactly("e1", "e3");
    assertThat(watermark.load()).contains(later);

    PassReport quiet = refresher.incrementalPass();
    assertThat(quiet.itemsWritten()).isZero();
  }

  @Test
  void aDeletedEventLeavesItsOwnersAgenda() {
    crm.put(meeting("e1", ANA, "2026-03-10T15:00:00Z"), NOW);
    refresher.fullPass();
    clock.advance(Duration.ofMinutes(5));
    crm.deleteEvent("e1", clock.instant());

    refresher.incrementalPass();

    assertThat(((Snapshot.Known) cache.agenda(ANA)).agenda().events()).isEmpty();
  }

  @Test
  void withoutAWatermarkTheIncrementalPassIsAFullOne() {
    crm.put(meeting("e1", ANA, "2026-03-10T15:00:00Z"), NOW);

    PassReport pass = refresher.incrementalPass();

    assertThat(pass.ownersChanged()).isEqualTo(1);
    assertThat(watermark.load()).contains(NOW);
  }

  @Test
  void aFailedPassLeavesTheWatermarkWhereItWas() {
    refresher.fullPass();
    clock.advance(Duration.ofMinutes(5));
    crm.failNext(1);

    assertThatThrownBy(refresher::incrementalPass).isInstanceOf(CrmUnavailableException.class);
    assertThat(watermark.load()).contains(NOW);
  }
}
