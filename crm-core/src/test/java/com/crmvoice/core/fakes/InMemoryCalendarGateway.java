package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmUnavailableException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The CRM's calendar in memory: events, open tasks and new leads, each with a modification stamp
 * for {@link #changedSince}, a call count, and injectable outages. Completing a task closes it (it
 * leaves the open tasks) and counts as a change.
 */
public final class InMemoryCalendarGateway implements CalendarGateway {

  private record Stamped<T>(T value, Instant modifiedAt) {}

  private final Map<String, Stamped<CalendarEvent>> events = new LinkedHashMap<>();
  private final Map<String, Stamped<OpenTask>> tasks = new LinkedHashMap<>();
  private final Map<String, Stamped<LeadArrival>> leads = new LinkedHashMap<>();
  private final Map<String, Stamped<String>> closedTasks = new LinkedHashMap<>();
  private final List<List<CompleteTaskRequest>> completeCalls = new ArrayList<>();
  private int calls;
  private int failNext;

  public synchronized void put(CalendarEvent event, Instant modifiedAt) {
    events.put(event.id(), new Stamped<>(event, modifiedAt));
  }

  public synchronized void put(OpenTask task, Instant modifiedAt) {
    tasks.put(task.id(), new Stamped<>(task, modifiedAt));
  }

  public synchronized void put(LeadArrival lead, Instant modifiedAt) {
    leads.put(lead.id(), new Stamped<>(lead, modifiedAt));
  }

  /** Deletes an event (a change its owner's agenda must follow). */
  public synchronized void deleteEvent(String id, Instant at) {
    Stamped<CalendarEvent> gone = events.remove(id);
    if (gone != null) {
      closedTasks.put("event:" + id, new Stamped<>(gone.value().ownerId(), at));
    }
  }

  /** The next {@code n} calls throw {@link CrmUnavailableException}. */
  public synchronized void failNext(int n) {
    failNext = n;
  }

  public synchronized int calls() {
    return calls;
  }

  /** Every completeTasks call, as the requests it carried. */
  public synchronized List<List<CompleteTaskRequest>> completeCalls() {
    return List.copyOf(completeCalls);
  }

  public synchronized boolean isOpen(String taskId) {
    return tasks.containsKey(taskId);
  }

  private void call() {
    calls++;
    if (failNext > 0) {
      failNext--;
      throw new CrmUnavailableException("UNAVAILABLE", "injected outage");
    }
  }

  @Override
  public synchronized Stream<CalendarEvent> events(Instant from, Instant to) {
    call();
    return select(events, e -> !e.start().isBefore(from) && e.start().isBefore(to)).stream();
  }

  @Override
  public synchronized Map<String, List<CalendarEvent>> eventsOf(
      Collection<String> ownerIds, Instant from, Instant to) {
    call();
    return byOwner(
        ownerIds,
        select(events, e -> !e.start().isBefore(from) && e.start().isBefore(to)),
        CalendarEvent::ownerId);
  }

  @Override
  public synchronized Stream<OpenTask> openTasksDueBy(LocalDate lastDay) {
    call();
    return select(tasks, t -> !t.dueDate().isAfter(lastDay)).stream();
  }

  @Override
  public synchronized Map<String, List<OpenTask>> openTasksOf(
      Collection<String> ownerIds, LocalDate lastDay) {
    call();
    return byOwner(ownerIds, select(tasks, t -> !t.dueDate().isAfter(lastDay)), OpenTask::ownerId);
  }

  @Override
  public synchronized Stream<LeadArrival> leadsCreatedSince(Instant since) {
    call();
    return select(leads, l -> !l.createdAt().isBefore(since)).stream();
  }

  @Override
  public synchronized Map<String, List<LeadArrival>> leadsCreatedSinceOf(
      Collection<String> ownerIds, Instant since) {
    call();
    return byOwner(
        ownerIds, select(leads, l -> !l.createdAt().isBefore(since)), LeadArrival::ownerId);
  }

  @Override
  public synchronized Changes changedSince(Instant since) {
    call();
    Set<String> owners = new HashSet<>();
    int[] records = {0};
    Instant[] newest = {null};
    Function<Stamped<?>, Boolean> changed =
        s -> {
          if (s.modifiedAt().isBefore(since)) {
            return false;
          }
          records[0]++;
          if (newest[0] == null || s.modifiedAt().isAfter(newest[0])) {
            newest[0] = s.modifiedAt();
          }
          return true;
        };
    events
        .values()
        .forEach(
            s -> {
              if (changed.apply(s)) {
                owners.add(s.value().ownerId());
              }
            });
    tasks
        .values()
        .forEach(
            s -> {
              if (changed.apply(s)) {
                owners.add(s.value().ownerId());
              }
            });
    leads
        .values()
        .forEach(
            s -> {
              if (changed.apply(s)) {
                owners.add(s.value().ownerId());
              }
            });
    closedTasks
        .values()
        .forEach(
            s -> {
              if (changed.apply(s)) {
                owners.add(s.value());
              }
            });
    return new Changes(owners, records[0], newest[0]);
  }

  @Override
  public synchronized List<UpdateResult> completeTasks(List<CompleteTaskRequest> requests) {
    call();
    completeCalls.add(List.copyOf(requests));
    List<UpdateResult> results = new ArrayList<>();
    for (CompleteTaskRequest request : requests) {
      Stamped<OpenTask> open = tasks.get(request.taskId());
      if (open == null) {
        results.add(
            closedTasks.containsKey(request.taskId())
                ? new UpdateResult.Updated(false, closedTasks.get(request.taskId()).modifiedAt())
                : new UpdateResult.Rejected(TASK_NOT_FOUND, "no such task"));
      } else if (request.heardModifiedAt() != null
          && open.value().modifiedAt() != null
          && !request.heardModifiedAt().equals(open.value().modifiedAt())) {
        results.add(new UpdateResult.Rejected(TASK_CHANGED, "the task changed"));
      } else {
        Instant now = Instant.now();
        tasks.remove(request.taskId());
        closedTasks.put(request.taskId(), new Stamped<>(open.value().ownerId(), now));
        results.add(new UpdateResult.Updated(true, now));
      }
    }
    return results;
  }

  private static <T> List<T> select(Map<String, Stamped<T>> records, Predicate<T> keep) {
    return records.values().stream().map(Stamped::value).filter(keep).toList();
  }

  private static <T> Map<String, List<T>> byOwner(
      Collection<String> ownerIds, List<T> rows, Function<T, String> owner) {
    Map<String, List<T>> answer = new LinkedHashMap<>();
    ownerIds.forEach(o -> answer.put(o, new ArrayList<>()));
    for (T row : rows) {
      List<T> list = answer.get(owner.apply(row));
      if (list != null) {
        list.add(row);
      }
    }
    return answer;
  }
}
