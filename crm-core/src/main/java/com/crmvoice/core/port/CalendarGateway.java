package com.crmvoice.core.port;

import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A CRM user's day as the CRM holds it: meetings, open tasks, new leads, and the one write on them
 * (completing a task). Salesforce is the first implementation (Events with their WhoId and
 * EventRelation invitees, Tasks, Leads). Failures are {@link CrmUnavailableException} (retry later)
 * or {@link CrmRejectedException} (the CRM said no), as for {@link CrmGateway}.
 *
 * <p>Each read comes for every owner (a full pass: one paged query, ordered by owner) or for given
 * owners (an incremental pass: as few queries as the adapter can make). In the per-owner answers,
 * every given owner is a key, mapped to an empty list when it has nothing.
 */
public interface CalendarGateway {

  /** The most tasks one call completes; callers batch up to this. */
  int MAX_COMPLETE_BATCH = 200;

  /** Error code of a completion refused because the task changed since the user heard it. */
  String TASK_CHANGED = "TASK_CHANGED";

  /** Error code of a completion of a task the CRM does not hold (deleted, never visible). */
  String TASK_NOT_FOUND = "TASK_NOT_FOUND";

  /** Every owner's events starting at or after {@code from} and before {@code to}. Close it. */
  Stream<CalendarEvent> events(Instant from, Instant to);

  /** The owners' events starting at or after {@code from} and before {@code to}. */
  Map<String, List<CalendarEvent>> eventsOf(Collection<String> ownerIds, Instant from, Instant to);

  /** Every owner's open tasks due on or before {@code lastDay} (overdue ones too). Close it. */
  Stream<OpenTask> openTasksDueBy(LocalDate lastDay);

  /** The owners' open tasks due on or before {@code lastDay}. */
  Map<String, List<OpenTask>> openTasksOf(Collection<String> ownerIds, LocalDate lastDay);

  /** Every owner's leads created at or after {@code since}. Close it. */
  Stream<LeadArrival> leadsCreatedSince(Instant since);

  /** The owners' leads created at or after {@code since}. */
  Map<String, List<LeadArrival>> leadsCreatedSinceOf(Collection<String> ownerIds, Instant since);

  /**
   * What changed at or after {@code since} in what an agenda holds (events, tasks and leads,
   * deleted ones too): the owners it concerns, as far as the CRM can tell (a record reassigned
   * since names only its new owner; the full pass repairs the old one).
   */
  Changes changedSince(Instant since);

  /**
   * The owners touched by changes, how many changed records were read, and the newest modification
   * stamp among them (null when nothing changed).
   */
  record Changes(Set<String> owners, int records, Instant newest) {
    public Changes {
      owners = Set.copyOf(owners);
    }
  }

  /**
   * Completes tasks (Status Completed), each only if it is still the version the user heard: a task
   * whose {@link CompleteTaskRequest#heardModifiedAt()} no longer matches is {@link
   * UpdateResult.Rejected} with {@link #TASK_CHANGED}, one the CRM does not hold with {@link
   * #TASK_NOT_FOUND}; a task already completed is {@link UpdateResult.Updated} without a write (a
   * redelivered command). Batched where the CRM allows it; one result per request, in order.
   *
   * @throws CrmUnavailableException when the whole call failed and may be tried again
   */
  List<UpdateResult> completeTasks(List<CompleteTaskRequest> requests);

  /**
   * One task to complete.
   *
   * @param heardModifiedAt the task's version the user heard; null when unknown (then any open
   *     version is completed)
   */
  record CompleteTaskRequest(String taskId, Instant heardModifiedAt) {}
}
