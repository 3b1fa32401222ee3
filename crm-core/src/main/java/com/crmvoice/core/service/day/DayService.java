package com.crmvoice.core.service.day;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.AgendaCache;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.ClosingDeals;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.service.refresher.AgendaWindow;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "What's my day", "when is my next meeting", "what are my tasks today", and finding the task the
 * user names, from the agenda cache. Today is the user's, in their time zone. An owner the cache
 * does not know (never refreshed, expired) is read from the CRM once inside a time budget and
 * stored; when that fails too the answer is {@link Optional#empty()} and the skill says the day is
 * not ready. Never throws for CRM or storage failures, except a CRM not configured yet.
 */
public final class DayService {

  private static final Logger LOG = LoggerFactory.getLogger(DayService.class);

  private final AgendaCache agendas;
  private final LeadCache leads;
  private final ClosingDeals deals;
  private final CalendarGateway calendar;
  private final Clock clock;
  private final Duration budget;
  private final Executor executor;

  /**
   * @param calendar reads an owner the cache does not know
   * @param budget how long that read may take
   * @param executor runs that read, so the budget can cut it short
   */
  public DayService(
      AgendaCache agendas,
      LeadCache leads,
      ClosingDeals deals,
      CalendarGateway calendar,
      Clock clock,
      Duration budget,
      Executor executor) {
    this.agendas = Objects.requireNonNull(agendas, "agendas");
    this.leads = Objects.requireNonNull(leads, "leads");
    this.deals = Objects.requireNonNull(deals, "deals");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  public Clock clock() {
    return clock;
  }

  /**
   * The briefing: today in {@code zone}; new leads since the user's last briefing, or since the
   * start of yesterday when there was none (or it is older).
   *
   * @param listener whose briefing mark counts (the Alexa user id; the owner id when none)
   */
  public Optional<Day> day(String ownerId, String listener, ZoneId zone) {
    Optional<Agenda> agenda = agenda(ownerId);
    if (agenda.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Instant yesterday = today.minusDays(1).atStartOfDay(zone).toInstant();
    Instant since = yesterday;
    try {
      Optional<Instant> last = agendas.lastBriefing(listener == null ? ownerId : listener);
      if (last.isPresent() && last.get().isAfter(yesterday)) {
        since = last.get();
      }
    } catch (RuntimeException e) {
      LOG.warn("briefing mark not read: {}", e.getClass().getSimpleName());
    }
    Instant newSince = since;
    List<LeadArrival> arrivals =
        agenda.get().newLeads().stream().filter(l -> l.createdAt().isAfter(newSince)).toList();
    List<OpenTask> dueToday = new ArrayList<>();
    List<OpenTask> overdue = new ArrayList<>();
    for (OpenTask task : agenda.get().tasks()) {
      if (task.dueDate().isEqual(today)) {
        dueToday.add(task);
      } else if (task.dueDate().isBefore(today)) {
        overdue.add(task);
      }
    }
    LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    List<ClosingDeals.DealMention> closing = List.of();
    try {
      closing = deals.closingBetween(ownerId, today, sunday);
    } catch (RuntimeException e) {
      LOG.warn("closing deals not read: {}", e.getClass().getSimpleName());
    }
    return Optional.of(
        new Day(
            today,
            zone,
            meetingsOn(agenda.get(), today, zone),
            dueToday,
            overdue,
            arrivals,
            closing,
            topLead(ownerId)));
  }

  /** Records that the listener heard the briefing now; a failure only loses the mark. */
  public void briefed(String listener) {
    try {
      agendas.markBriefed(listener, clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("briefing mark not stored: {}", e.getClass().getSimpleName());
    }
  }

  /** Whether the listener heard a briefing before (a returning user); false when unknown. */
  public boolean heardBefore(String listener) {
    if (listener == null) {
      return false;
    }
    try {
      return agendas.lastBriefing(listener).isPresent();
    } catch (RuntimeException e) {
      LOG.warn("briefing mark not read: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  /** The first meeting starting after now, within the agenda's window; empty when none. */
  public Optional<Optional<CalendarEvent>> nextMeeting(String ownerId) {
    Instant now = clock.instant();
    return agenda(ownerId)
        .map(a -> a.events().stream().filter(e -> e.start().isAfter(now)).findFirst());
  }

  /** Open tasks due today or before, in {@code zone}, earliest due first. */
  public Optional<List<OpenTask>> tasksDue(String ownerId, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    return agenda(ownerId)
        .map(a -> a.tasks().stream().filter(t -> !t.dueDate().isAfter(today)).toList());
  }

  /**
   * The owner's open tasks (due by the end of the window) whose subject or who contains every word
   * the user said ("the proposal task" finds "Send the proposal"); small words and "task" are
   * ignored.
   */
  public Optional<List<OpenTask>> findTasks(String ownerId, String spoken) {
    List<String> words = words(spoken);
    return agenda(ownerId)
        .map(
            a ->
                a.tasks().stream()
                    .filter(
                        t -> {
                          String text =
                              ((t.subject() == null ? "" : t.subject())
                                      + " "
                                      + (t.whoName() == null ? "" : t.whoName()))
                                  .toLowerCase(Locale.ROOT);
                          return !words.isEmpty() && words.stream().allMatch(text::contains);
                        })
                    .toList());
  }

  private static final List<String> IGNORED =
      List.of(
          "the", "a", "an", "my", "task", "to", "do", "for", "with", "die", "der", "das", "den",
          "aufgabe", "meine", "mein", "zu", "für", "mit");

  static List<String> words(String spoken) {
    if (spoken == null) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (String w : spoken.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isBlank() && !IGNORED.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }

  private static List<CalendarEvent> meetingsOn(Agenda agenda, LocalDate day, ZoneId zone) {
    return agenda.events().stream()
        .filter(
            e ->
                LocalDate.ofInstant(e.start(), e.allDay() ? java.time.ZoneOffset.UTC : zone)
                    .equals(day))
        .toList();
  }

  private Lead topLead(String ownerId) {
    try {
      return leads.topLeads(ownerId, 1) instanceof LeadCache.Snapshot.Known known
              && !known.leads().isEmpty()
          ? known.leads().get(0)
          : null;
    } catch (RuntimeException e) {
      LOG.warn("top lead not read: {}", e.getClass().getSimpleName());
      return null;
    }
  }

  /** The owner's agenda from the cache, else from the CRM inside the budget (and stored). */
  Optional<Agenda> agenda(String ownerId) {
    try {
      if (agendas.agenda(ownerId) instanceof AgendaCache.Snapshot.Known known) {
        return Optional.of(known.agenda());
      }
    } catch (RuntimeException e) {
      LOG.warn("agenda cache not read: {}", e.getClass().getSimpleName());
    }
    CompletableFuture<Agenda> live = CompletableFuture.supplyAsync(() -> live(ownerId), executor);
    try {
      Agenda agenda = live.get(budget.toMillis(), TimeUnit.MILLISECONDS);
      try {
        agendas.replaceAgenda(agenda, clock.instant());
      } catch (RuntimeException e) {
        LOG.warn("agenda not stored after a live read: {}", e.getClass().getSimpleName());
      }
      return Optional.of(agenda);
    } catch (TimeoutException e) {
      live.cancel(true);
      LOG.warn("agenda live read outcome=timeout budgetMs={}", budget.toMillis());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CrmNotConfiguredException notConfigured) {
        throw notConfigured;
      }
      LOG.warn("agenda live read outcome=failed error={}", e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  private Agenda live(String ownerId) {
    AgendaWindow window = AgendaWindow.at(clock.instant());
    List<String> owner = List.of(ownerId);
    return new Agenda(
        ownerId,
        calendar.eventsOf(owner, window.eventsFrom(), window.eventsTo()).get(ownerId),
        calendar.openTasksOf(owner, window.tasksDueBy()).get(ownerId),
        calendar.leadsCreatedSinceOf(owner, window.leadsSince()).get(ownerId));
  }
}
