package com.crmvoice.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CalendarGateway.CompleteTaskRequest;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calendar port's contract, one suite for every adapter: meetings with whom they are with, open
 * tasks by due day, new leads, changes, and the exactly-once, conditional task completion give the
 * same domain answers on each CRM's fake; failures fall into the same classes.
 */
abstract class CalendarPortContract {

  static final Instant NOON = Instant.parse("2026-05-10T12:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

  CrmFixture crm;
  CalendarGateway calendar;

  abstract CrmFixture fixture();

  @BeforeEach
  void start() {
    crm = fixture();
    calendar = crm.calendar();
  }

  @AfterEach
  void stop() {
    crm.close();
  }

  private static Instant at(int hours) {
    return NOON.plus(Duration.ofHours(hours));
  }

  @Test
  void meetingsInTheWindowNameWhoTheyAreWith() {
    String owner = crm.newOwner();
    String other = crm.newOwner();
    String none = crm.newOwner();
    String maria = crm.openLead(owner, "Maria", "Garcia", "Northwind", NOON.minusSeconds(86400));
    String jonas = crm.contact("Jonas", "Weber");
    String demo = crm.meeting(owner, "Product demo", at(2), at(3), maria, List.of(jonas));
    String call = crm.meeting(owner, "Discovery call", at(-1), at(0), maria, List.of());
    String alone = crm.meeting(owner, "Focus time", at(4), at(5), null, List.of());
    crm.meeting(owner, "Next week", at(24 * 7), at(24 * 7 + 1), null, List.of());
    crm.meeting(other, "Not mine", at(1), at(2), null, List.of());

    List<CalendarEvent> all;
    try (Stream<CalendarEvent> events = calendar.events(at(-6), at(12))) {
      all = events.filter(e -> e.ownerId().equalsIgnoreCase(owner)).toList();
    }
    Map<String, List<CalendarEvent>> byOwner =
        calendar.eventsOf(List.of(owner, none), at(-6), at(12));

    assertThat(all).extracting(CalendarEvent::id).containsExactly(call, demo, alone);
    CalendarEvent product = all.get(1);
    assertThat(product.subject()).isEqualTo("Product demo");
    assertThat(product.start()).isEqualTo(at(2));
    assertThat(product.end()).isEqualTo(at(3));
    assertThat(product.allDay()).isFalse();
    assertThat(product.with()).containsExactly("Maria Garcia", "Jonas Weber");
    assertThat(all.get(0).with()).containsExactly("Maria Garcia");
    assertThat(all.get(2).with()).isEmpty();
    assertThat(byOwner.keySet()).containsExactly(owner, none);
    assertThat(byOwner.get(owner)).extracting(CalendarEvent::id).containsExactly(call, demo, alone);
    assertThat(byOwner.get(none)).isEmpty();
  }

  @Test
  void openTasksAreThoseDueByTheDayOverdueIncluded() {
    String owner = crm.newOwner();
    String other = crm.newOwner();
    String lead = crm.openLead(owner, "Wei", "Chen", "Contoso", NOON.minusSeconds(86400));
    String today = crm.openTask(owner, lead, "Send the proposal", TODAY);
    String overdue = crm.openTask(owner, null, "Prepare the forecast", TODAY.minusDays(3));
    crm.openTask(owner, lead, "Next week", TODAY.plusDays(7));
    crm.completeTask(crm.openTask(owner, lead, "Done already", TODAY));
    crm.openTask(other, null, "Not mine", TODAY);

    List<OpenTask> mine;
    try (Stream<OpenTask> tasks = calendar.openTasksDueBy(TODAY)) {
      mine = tasks.filter(t -> t.ownerId().equalsIgnoreCase(owner)).toList();
    }
    Map<String, List<OpenTask>> byOwner = calendar.openTasksOf(List.of(owner), TODAY);

    assertThat(mine).extracting(OpenTask::id).containsExactly(overdue, today);
    assertThat(mine.get(1).subject()).isEqualTo("Send the proposal");
    assertThat(mine.get(1).dueDate()).isEqualTo(TODAY);
    assertThat(mine.get(1).whoName()).isEqualTo("Wei Chen");
    assertThat(mine.get(0).whoName()).isNull();
    assertThat(mine.get(0).modifiedAt()).isNotNull();
    assertThat(byOwner.get(owner)).extracting(OpenTask::id).containsExactly(overdue, today);
  }

  @Test
  void newLeadsAreTheOpenOnesCreatedSince() {
    String owner = crm.newOwner();
    Instant since = NOON.minus(Duration.ofDays(2));
    String fresh = crm.openLead(owner, "Sam", "Taylor", "Tailspin", NOON.minusSeconds(3600));
    crm.openLead(owner, "Old", "Lead", "Co", NOON.minus(Duration.ofDays(30)));
    crm.closeLead(crm.openLead(owner, "Closed", "Lead", "Co", NOON.minusSeconds(7200)));

    List<LeadArrival> arrivals;
    try (Stream<LeadArrival> leads = calendar.leadsCreatedSince(since)) {
      arrivals = leads.filter(l -> l.ownerId().equalsIgnoreCase(owner)).toList();
    }

    assertThat(arrivals).extracting(LeadArrival::id).containsExactly(fresh);
    assertThat(arrivals.get(0).name()).isEqualTo("Sam Taylor");
    assertThat(arrivals.get(0).company()).isEqualTo("Tailspin");
    assertThat(arrivals.get(0).createdAt()).isEqualTo(NOON.minusSeconds(3600));
    assertThat(calendar.leadsCreatedSinceOf(List.of(owner), since).get(owner))
        .extracting(LeadArrival::id)
        .containsExactly(fresh);
  }

  @Test
  void changesNameTheOwnersTouched() {
    Instant since = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    String a = crm.newOwner();
    String b = crm.newOwner();
    crm.meeting(a, "Meeting", at(1), at(2), null, List.of());
    crm.openTask(b, null, "Task", TODAY);

    CalendarGateway.Changes changes = calendar.changedSince(since);

    assertThat(changes.owners()).anyMatch(o -> o.equalsIgnoreCase(a));
    assertThat(changes.owners()).anyMatch(o -> o.equalsIgnoreCase(b));
    assertThat(changes.records()).isGreaterThanOrEqualTo(2);
    assertThat(changes.newest()).isAfterOrEqualTo(since);
    CalendarGateway.Changes none = calendar.changedSince(Instant.now().plusSeconds(60));
    assertThat(none.records()).isZero();
    assertThat(none.newest()).isNull();
  }

  @Test
  void aTaskIsCompletedOnceAndOnlyAsHeard() {
    String owner = crm.newOwner();
    String heard = crm.openTask(owner, null, "Send the proposal", TODAY);
    String changed = crm.openTask(owner, null, "Call back", TODAY);
    String doneBehind = crm.openTask(owner, null, "Done in the CRM", TODAY);
    Map<String, OpenTask> tasks = new java.util.HashMap<>();
    calendar.openTasksOf(List.of(owner), TODAY).get(owner).forEach(t -> tasks.put(t.id(), t));
    crm.touchTask(changed);
    crm.completeTask(doneBehind);

    List<UpdateResult> results =
        calendar.completeTasks(
            List.of(
                new CompleteTaskRequest(heard, tasks.get(heard).modifiedAt()),
                new CompleteTaskRequest(changed, tasks.get(changed).modifiedAt()),
                new CompleteTaskRequest(doneBehind, tasks.get(doneBehind).modifiedAt()),
                new CompleteTaskRequest(crm.unknownTaskId(), null),
                new CompleteTaskRequest("' or 1 eq 1", null)));

    assertThat(results.get(0))
        .isInstanceOfSatisfying(UpdateResult.Updated.class, u -> assertThat(u.changed()).isTrue());
    assertThat(crm.taskCompleted(heard)).isTrue();
    assertThat(code(results.get(1))).isEqualTo(CalendarGateway.TASK_CHANGED);
    assertThat(crm.taskCompleted(changed)).isFalse();
    assertThat(results.get(2))
        .isInstanceOfSatisfying(UpdateResult.Updated.class, u -> assertThat(u.changed()).isFalse());
    assertThat(code(results.get(3))).isEqualTo(CalendarGateway.TASK_NOT_FOUND);
    assertThat(code(results.get(4))).isEqualTo(CalendarGateway.TASK_NOT_FOUND);
    List<UpdateResult> redelivered =
        calendar.completeTasks(
            List.of(new CompleteTaskRequest(heard, tasks.get(heard).modifiedAt())));
    assertThat(redelivered.get(0))
        .isInstanceOfSatisfying(UpdateResult.Updated.class, u -> assertThat(u.changed()).isFalse());
    assertThat(calendar.openTasksOf(List.of(owner), TODAY).get(owner))
        .extracting(OpenTask::id)
        .containsExactly(changed);
  }

  @Test
  void hostileOwnerIdsAreValuesAndAnOutageIsRetryable() {
    String owner = crm.newOwner();
    crm.openTask(owner, null, "Mine", TODAY);
    for (String hostile : List.of("' or 1 eq 1 or _ownerid_value ne '", "x' OR OwnerId != 'x")) {
      Throwable thrown =
          catchThrowable(
              () ->
                  assertThat(calendar.openTasksOf(List.of(hostile), TODAY).get(hostile)).isEmpty());
      assertThat(thrown)
          .satisfiesAnyOf(
              t -> assertThat(t).isNull(),
              t -> assertThat(t).isInstanceOf(com.crmvoice.core.port.CrmRejectedException.class));
    }
    crm.failNext(1, 503);
    assertThat(catchThrowable(() -> calendar.openTasksOf(List.of(owner), TODAY)))
        .isInstanceOf(CrmUnavailableException.class);
    assertThat(calendar.openTasksOf(List.of(owner), TODAY).get(owner)).hasSize(1);
  }

  private static String code(UpdateResult result) {
    assertThat(result).isInstanceOf(UpdateResult.Rejected.class);
    return ((UpdateResult.Rejected) result).errorCode();
  }
}
