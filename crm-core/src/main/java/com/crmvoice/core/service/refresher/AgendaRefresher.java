package com.crmvoice.core.service.refresher;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.domain.SalesforceIds;
import com.crmvoice.core.port.AgendaCache;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.WatermarkStore;
import com.crmvoice.core.service.refresher.PassReport.Pass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every owner's {@link Agenda} (meetings, open tasks, new leads in the {@link AgendaWindow})
 * in the agenda cache, by the lead cache's rules: {@link #fullPass()} reads each kind once for
 * every owner (three paged queries), {@link #incrementalPass()} reads what changed since its own
 * watermark and recomputes only the owners it touches, their stored digests in one batched read
 * ({@code AgendaCache.digestsOf}) (falling back to a full pass without a watermark or past {@code
 * maxChanges}); an owner whose agenda digest matches the stored one costs no write, and each
 * changed owner is one write; an owner with nothing in the window and nothing stored is not written
 * at all (the skill reads such a miss live). Every pass logs one line with its figures.
 *
 * <p>Failures propagate ({@code CrmUnavailableException}, {@code StorageUnavailableException}); a
 * failed incremental pass leaves its watermark, so the next one reads the same changes again.
 */
public final class AgendaRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(AgendaRefresher.class);

  private final CalendarGateway calendar;
  private final AgendaCache cache;
  private final WatermarkStore watermarks;
  private final Duration overlap;
  private final int maxChanges;
  private final int concurrency;
  private final Clock clock;
  private final LongSupplier crmRequests;

  /**
   * @param watermarks the agenda passes' own watermark (not the lead passes')
   * @param overlap how far before the watermark an incremental pass starts reading
   * @param maxChanges above this many changed records an incremental pass does a full one
   * @param crmRequests a running count of CRM requests, for the figures
   */
  public AgendaRefresher(
      CalendarGateway calendar,
      AgendaCache cache,
      WatermarkStore watermarks,
      Duration overlap,
      int maxChanges,
      int concurrency,
      Clock clock,
      LongSupplier crmRequests) {
    this.calendar = calendar;
    this.cache = cache;
    this.watermarks = watermarks;
    this.overlap = overlap;
    this.maxChanges = maxChanges;
    this.concurrency = concurrency;
    this.clock = clock;
    this.crmRequests = crmRequests;
  }

  /** Every owner's agenda; see the class comment. */
  public PassReport fullPass() {
    return run(Pass.AGENDA_FULL, this::fullThenSetWatermark);
  }

  /** The agendas of the owners touched by changes since the watermark; see the class comment. */
  public PassReport incrementalPass() {
    return run(Pass.AGENDA_INCREMENTAL, this::incremental);
  }

  private Instant fullThenSetWatermark(PassFigures figures) {
    Instant start = clock.instant();
    AgendaWindow window = AgendaWindow.at(start);
    Map<String, String> stored = cache.agendaDigests();
    Map<String, List<CalendarEvent>> events =
        grouped(calendar.events(window.eventsFrom(), window.eventsTo()), CalendarEvent::ownerId);
    Map<String, List<OpenTask>> tasks =
        grouped(calendar.openTasksDueBy(window.tasksDueBy()), OpenTask::ownerId);
    Map<String, List<LeadArrival>> leads =
        grouped(calendar.leadsCreatedSince(window.leadsSince()), LeadArrival::ownerId);
    figures.read(count(events) + count(tasks) + count(leads));
    // Owners with nothing left in the window are written empty once (their digest then matches).
    Set<String> owners = new TreeSet<>(stored.keySet());
    owners.addAll(events.keySet());
    owners.addAll(tasks.keySet());
    owners.addAll(leads.keySet());
    apply(owners, events, tasks, leads, stored, start, figures);
    watermarks.advance(start);
    return start;
  }

  private Instant incremental(PassFigures figures) {
    Optional<Instant> watermark = watermarks.load();
    if (watermark.isEmpty()) {
      LOG.info("refresh agenda-incremental: no watermark yet, doing a full pass");
      return fullThenSetWatermark(figures);
    }
    Instant now = clock.instant();
    CalendarGateway.Changes changes = calendar.changedSince(watermark.get().minus(overlap));
    figures.read(changes.records());
    if (changes.records() > maxChanges) {
      LOG.info("refresh agenda-incremental: more than {} changes, doing a full pass", maxChanges);
      return fullThenSetWatermark(figures);
    }
    Set<String> owners = new TreeSet<>();
    changes.owners().forEach(o -> owners.add(SalesforceIds.normalise(o)));
    if (!owners.isEmpty()) {
      AgendaWindow window = AgendaWindow.at(now);
      Map<String, List<CalendarEvent>> events =
          calendar.eventsOf(owners, window.eventsFrom(), window.eventsTo());
      Map<String, List<OpenTask>> tasks = calendar.openTasksOf(owners, window.tasksDueBy());
      Map<String, List<LeadArrival>> leads =
          calendar.leadsCreatedSinceOf(owners, window.leadsSince());
      figures.read(count(events) + count(tasks) + count(leads));
      Map<String, String> stored = cache.digestsOf(owners);
      apply(owners, events, tasks, leads, stored, now, figures);
    }
    Instant newest = changes.newest();
    if (newest != null && newest.isAfter(watermark.get())) {
      watermarks.advance(newest);
      return newest;
    }
    return watermark.get();
  }

  private void apply(
      Set<String> owners,
      Map<String, List<CalendarEvent>> events,
      Map<String, List<OpenTask>> tasks,
      Map<String, List<LeadArrival>> leads,
      Map<String, String> stored,
      Instant refreshedAt,
      PassFigures figures) {
    try (OwnerTasks work = new OwnerTasks(concurrency)) {
      for (String owner : owners) {
        Agenda agenda =
            new Agenda(
                owner,
                events.getOrDefault(owner, List.of()),
                tasks.getOrDefault(owner, List.of()),
                leads.getOrDefault(owner, List.of()));
        work.submit(
            () -> {
              String before = stored.get(owner);
              // Nothing stored and nothing to store: no write (the skill reads a miss live).
              boolean emptyAndUnknown =
                  before == null
                      && agenda.events().isEmpty()
                      && agenda.tasks().isEmpty()
                      && agenda.newLeads().isEmpty();
              if (emptyAndUnknown || agenda.digest().equals(before)) {
                figures.owner(0);
              } else {
                figures.owner(cache.replaceAgenda(agenda, refreshedAt));
              }
            });
      }
      work.awaitAll();
    }
  }

  private static <T> Map<String, List<T>> grouped(Stream<T> rows, Function<T, String> owner) {
    Map<String, List<T>> byOwner = new HashMap<>();
    try (rows) {
      rows.forEach(
          r ->
              byOwner
                  .computeIfAbsent(SalesforceIds.normalise(owner.apply(r)), k -> new ArrayList<>())
                  .add(r));
    }
    return byOwner;
  }

  private static long count(Map<String, ? extends List<?>> byOwner) {
    return byOwner.values().stream().mapToLong(List::size).sum();
  }

  private PassReport run(Pass pass, Function<PassFigures, Instant> body) {
    return PassFigures.run(pass, crmRequests, LOG, "recordsRead", body);
  }
}
