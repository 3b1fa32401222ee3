package com.crmvoice.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CalendarGateway.CompleteTaskRequest;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events, EventRelations, Tasks and new leads against the fake Salesforce, over HTTP. */
class SalesforceCalendarGatewayIT {

  private static final String OWNER = "005000000000777AAA";
  private static final String OTHER = "005000000000778AAA";

  private FakeSalesforce sf;
  private SalesforceCrmGateway crm;
  private CalendarGateway calendar;
  private final Instant now = Instant.now();

  @BeforeEach
  void start() {
    sf = FakeSalesforce.start();
    crm =
        new SalesforceCrmGateway(
            new SalesforceConfig(
                sf.baseUrl(),
                "62.0",
                SalesforceConfig.AuthFlow.CLIENT_CREDENTIALS,
                FakeSalesforce.CLIENT_ID,
                FakeSalesforce.CLIENT_SECRET,
                null,
                null,
                FakeSalesforce.EXTERNAL_ID_FIELD,
                List.copyOf(FakeSalesforce.CLOSED_STATUSES),
                Duration.ofSeconds(2)),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            Clock.systemUTC());
    calendar = crm.calendar();
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private String lead(String owner, String first, String last) {
    return sf.insertLead(
        Map.of(
            "OwnerId",
            owner,
            "FirstName",
            first,
            "LastName",
            last,
            "Company",
            "Northwind",
            "Status",
            "Open - Not Contacted"));
  }

  @Test
  void eventsComeWithTheirWhoAndInviteesInStartOrder() {
    String maria = lead(OWNER, "Maria", "Garcia");
    String jonas = sf.addContact("Jonas O'Brien");
    Instant nine = now.plus(Duration.ofHours(1));
    sf.insertEvent(OWNER, "Demo", nine.plusSeconds(3600), null, maria, List.of(jonas));
    sf.insertEvent(OWNER, "Call", nine, nine.plusSeconds(1800), null, List.of());
    sf.insertEvent(OTHER, "Not mine", nine, null, null, List.of());
    sf.insertEvent(OWNER, "Too late", now.plus(Duration.ofDays(10)), null, null, List.of());

    Map<String, List<CalendarEvent>> mine =
        calendar.eventsOf(List.of(OWNER), now, now.plus(Duration.ofDays(2)));

    assertThat(mine.get(OWNER)).extracting(CalendarEvent::subject).containsExactly("Call", "Demo");
    assertThat(mine.get(OWNER).get(0).with()).isEmpty();
    assertThat(mine.get(OWNER).get(1).with()).containsExactly("Maria Garcia", "Jonas O'Brien");
    try (Stream<CalendarEvent> all = calendar.events(now, now.plus(Duration.ofDays(2)))) {
      assertThat(all.map(CalendarEvent::ownerId)).containsExactly(OWNER, OWNER, OTHER);
    }
  }

  @Test
  void openTasksDueByADayIncludeOverdueOnesAndLeaveOutClosedAndLaterOnes() {
    String maria = lead(OWNER, "Maria", "Garcia");
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    sf.insertTask(OWNER, maria, "Send the proposal", today);
    sf.insertTask(OWNER, null, "Forecast", today.minusDays(2));
    sf.insertTask(OWNER, null, "Next week", today.plusDays(7));
    String done = sf.insertTask(OWNER, null, "Done already", today);
    calendar.completeTasks(List.of(new CompleteTaskRequest(done, null)));

    List<OpenTask> tasks = calendar.openTasksOf(List.of(OWNER, OTHER), today).get(OWNER);

    assertThat(tasks)
        .extracting(OpenTask::subject)
        .containsExactly("Forecast", "Send the proposal");
    assertThat(tasks.get(1).whoName()).isEqualTo("Maria Garcia");
    assertThat(tasks.get(1).modifiedAt()).isNotNull();
    assertThat(calendar.openTasksOf(List.of(OTHER), today).get(OTHER)).isEmpty();
  }

  @Test
  void newLeadsSinceAnInstantNewestFirstWithoutClosedOnes() {
    Instant before = Instant.now().minusSeconds(1);
    lead(OWNER, "Lena", "Vogel");
    String closed = lead(OWNER, "Olu", "Adeyemi");
    sf.updateLead(closed, Map.of("Status", "Closed - Not Converted"));

    List<LeadArrival> leads = calendar.leadsCreatedSinceOf(List.of(OWNER), before).get(OWNER);

    assertThat(leads).extracting(LeadArrival::name).containsExactly("Lena Vogel");
  }

  @Test
  void changesNameTheOwnersOfChangedAndDeletedRecords() {
    Instant since = Instant.now().minusSeconds(1);
    String event = sf.insertEvent(OWNER, "Demo", now.plusSeconds(600), null, null, List.of());
    sf.insertTask(OTHER, null, "Call back", LocalDate.now());

    CalendarGateway.Changes first = calendar.changedSince(since);
    assertThat(first.owners()).containsExactlyInAnyOrder(OWNER, OTHER);
    assertThat(first.newest()).isNotNull();

    sf.deleteEvent(event);
    // SOQL datetimes have whole seconds: the query reads the same second again, the delete too.
    CalendarGateway.Changes second = calendar.changedSince(first.newest().plusMillis(1));
    assertThat(second.owners()).contains(OWNER);
    assertThat(second.newest()).isAfter(first.newest());
    assertThat(calendar.eventsOf(List.of(OWNER), now, now.plusSeconds(3600)).get(OWNER)).isEmpty();
  }

  @Test
  void completingIsOnceAndOnlyForTheVersionHeard() {
    LocalDate today = LocalDate.now();
    String open = sf.insertTask(OWNER, null, "Send the proposal", today);
    String changed = sf.insertTask(OWNER, null, "Changed meanwhile", today);
    Instant heard =
        calendar.openTasksOf(List.of(OWNER), today).get(OWNER).stream()
            .filter(t -> t.id().equals(changed))
            .findFirst()
            .orElseThrow()
            .modifiedAt();

    List<UpdateResult> results =
        calendar.completeTasks(
            List.of(
                new CompleteTaskRequest(open, null),
                new CompleteTaskRequest(changed, heard.minusSeconds(60)),
                new CompleteTaskRequest("00T000000009999AAA", null)));

    assertThat(results.get(0)).isInstanceOf(UpdateResult.Updated.class);
    assertThat(((UpdateResult.Updated) results.get(0)).changed()).isTrue();
    assertThat(results.get(1))
        .isEqualTo(
            new UpdateResult.Rejected(
                CalendarGateway.TASK_CHANGED, "the task changed since the user heard it"));
    assertThat(((UpdateResult.Rejected) results.get(2)).errorCode())
        .isEqualTo(CalendarGateway.TASK_NOT_FOUND);
    assertThat(sf.tasks())
        .filteredOn(t -> t.get("Id").equals(open))
        .extracting(t -> t.get("Status"))
        .containsExactly("Completed");

    int patches = sf.calls("composite-update");
    UpdateResult again =
        calendar.completeTasks(List.of(new CompleteTaskRequest(open, null))).get(0);
    assertThat(again).isInstanceOf(UpdateResult.Updated.class);
    assertThat(((UpdateResult.Updated) again).changed()).isFalse();
    assertThat(sf.calls("composite-update")).isEqualTo(patches);
  }
}
