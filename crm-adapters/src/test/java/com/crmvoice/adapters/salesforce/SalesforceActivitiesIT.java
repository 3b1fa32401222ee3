package com.crmvoice.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmGateway.CreateTaskRequest;
import com.crmvoice.core.port.CrmGateway.PicklistValue;
import com.crmvoice.core.port.CrmGateway.StatusUpdateRequest;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status updates, tasks and the status picklist against the fake Salesforce, over HTTP. */
class SalesforceActivitiesIT {

  private static final String OWNER = "005000000000777AAA";

  private FakeSalesforce sf;
  private SalesforceCrmGateway gateway;

  @BeforeEach
  void start() {
    sf = FakeSalesforce.start();
    gateway =
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
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private String lead(String last) {
    return sf.insertLead(
        Map.of("OwnerId", OWNER, "FirstName", "Maria", "LastName", last, "Company", "Northwind"));
  }

  private Lead heard(String id) {
    return gateway.topOpenLeads(OWNER, 10).stream()
        .filter(l -> l.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsEachLeadsVersion_theLastModifiedDate() {
    String id = lead("Garcia");

    assertThat(heard(id).lastModifiedAt()).isEqualTo(sf.lead(id).get("LastModifiedDate"));
  }

  @Test
  void setsTheStatusOfTheVersionTheUserHeard_andARepeatIsDoneWithoutAWrite() {
    String id = lead("Garcia");
    Lead heard = heard(id);
    StatusUpdateRequest request =
        new StatusUpdateRequest(id, heard.status(), "Working - Contacted", heard.lastModifiedAt());

    assertThat(gateway.updateLeadStatuses(List.of(request)))
        .singleElement()
        .isInstanceOfSatisfying(UpdateResult.Updated.class, u -> assertThat(u.changed()).isTrue());
    Object afterFirst = sf.lead(id).get("LastModifiedDate");
    assertThat(sf.lead(id).get("Status")).isEqualTo("Working - Contacted");

    assertThat(gateway.updateLeadStatuses(List.of(request)))
        .singleElement()
        .isInstanceOfSatisfying(UpdateResult.Updated.class, u -> assertThat(u.changed()).isFalse());
    assertThat(sf.lead(id).get("LastModifiedDate")).isEqualTo(afterFirst);
    assertThat(sf.calls("sobject-update")).isEqualTo(1);
  }

  @Test
  void doesNotOverwriteALeadChangedInSalesforceSinceTheUserHeardIt() {
    String id = lead("Garcia");
    Lead heard = heard(id);
    sf.updateLead(id, Map.of("Phone", "+1 206 555 0100")); // someone else edits the lead

    List<UpdateResult> results =
        gateway.updateLeadStatuses(
            List.of(
                new StatusUpdateRequest(
                    id, heard.status(), "Working - Contacted", heard.lastModifiedAt())));

    assertThat(results)
        .singleElement()
        .isInstanceOfSatisfying(
            UpdateResult.Rejected.class,
            r -> assertThat(r.errorCode()).isEqualTo(CrmGateway.LEAD_CHANGED));
    assertThat(sf.lead(id).get("Status")).isEqualTo("Open - Not Contacted");
    assertThat(sf.calls("sobject-update")).isZero();
  }

  @Test
  void withoutAKnownVersion_theHeardStatusIsTheVersion() {
    String changed = lead("Garcia");
    sf.updateLead(changed, Map.of("Status", "Working - Contacted"));
    String unchanged = lead("Gomez");

    List<UpdateResult> results =
        gateway.updateLeadStatuses(
            List.of(
                new StatusUpdateRequest(
                    changed, "Open - Not Contacted", "Closed - Not Converted", null),
                new StatusUpdateRequest(
                    unchanged, "Open - Not Contacted", "Closed - Not Converted", null)));

    assertThat(results.get(0)).isInstanceOf(UpdateResult.Rejected.class);
    assertThat(results.get(1)).isInstanceOf(UpdateResult.Updated.class);
    assertThat(sf.lead(changed).get("Status")).isEqualTo("Working - Contacted");
    assertThat(sf.lead(unchanged).get("Status")).isEqualTo("Closed - Not Converted");
  }

  @Test
  void refusesAStatusThePicklistDoesNotHave_andALeadSalesforceDoesNotHold() {
    String id = lead("Garcia");
    Lead heard = heard(id);

    List<UpdateResult> results =
        gateway.updateLeadStatuses(
            List.of(
                new StatusUpdateRequest(id, heard.status(), "Hot", heard.lastModifiedAt()),
                new StatusUpdateRequest(
                    "00Q000000000999AAA", "Open - Not Contacted", "Working - Contacted", null)));

    assertThat(results.get(0))
        .isInstanceOfSatisfying(
            UpdateResult.Rejected.class,
            r -> assertThat(r.errorCode()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
    assertThat(results.get(1))
        .isInstanceOfSatisfying(
            UpdateResult.Rejected.class,
            r -> assertThat(r.errorCode()).isEqualTo(CrmGateway.LEAD_NOT_FOUND));
  }

  @Test
  void createsACompletedCallAndAnOpenFollowUp_onceEach_inOneCollectionsCall() {
    String id = lead("Garcia");
    List<CreateTaskRequest> requests =
        List.of(
            new CreateTaskRequest(
                "cmd-call-1",
                OWNER,
                id,
                "Call with Maria Garcia",
                "She wants a demo next week.",
                LocalDate.of(2026, 3, 2),
                true),
            new CreateTaskRequest(
                "cmd-task-1",
                OWNER,
                id,
                "Send the proposal",
                null,
                LocalDate.of(2026, 3, 6),
                false));

    List<CreateResult> first = gateway.createTasks(requests);
    List<CreateResult> again = gateway.createTasks(requests);

    assertThat(first)
        .allSatisfy(
            r ->
                assertThat(r)
                    .isInstanceOfSatisfying(
                        CreateResult.Created.class, c -> assertThat(c.created()).isTrue()));
    assertThat(again)
        .allSatisfy(
            r ->
                assertThat(r)
                    .isInstanceOfSatisfying(
                        CreateResult.Created.class, c -> assertThat(c.created()).isFalse()));
    assertThat(sf.tasks()).hasSize(2);
    assertThat(sf.tasks().get(0))
        .containsEntry("TaskSubtype", "Call")
        .containsEntry("Status", "Completed")
        .containsEntry("WhoId", id)
        .containsEntry("ActivityDate", "2026-03-02")
        .containsEntry("Description", "She wants a demo next week.");
    assertThat(sf.tasks().get(1))
        .containsEntry("Status", "Not Started")
        .containsEntry("ActivityDate", "2026-03-06");
    assertThat(sf.calls("composite-upsert-task")).isEqualTo(2);
  }

  @Test
  void aTaskOnALeadSalesforceDoesNotHoldIsRejected() {
    List<CreateResult> results =
        gateway.createTasks(
            List.of(
                new CreateTaskRequest(
                    "cmd-x", OWNER, "00Q000000000999AAA", "Call", "n", LocalDate.now(), true)));

    assertThat(results)
        .singleElement()
        .isInstanceOfSatisfying(
            CreateResult.Rejected.class,
            r -> assertThat(r.errorCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY"));
  }

  @Test
  void readsTheLeadStatusPicklistWithDescribe() {
    sf.leadStatusValues(List.of("New", "Contacted", "Nurturing", "Qualified", "Unqualified"));

    assertThat(gateway.leadStatuses())
        .extracting(PicklistValue::value)
        .containsExactly("New", "Contacted", "Nurturing", "Qualified", "Unqualified");
    assertThat(gateway.leadStatuses().get(0).defaultValue()).isTrue();
    assertThat(sf.calls("describe-lead")).isEqualTo(2);
  }

  @Test
  void theFakeAnswers412ToAnUpdateOfALeadModifiedAfterIfUnmodifiedSince() throws Exception {
    String id = lead("Garcia");
    Instant modified = (Instant) sf.lead(id).get("LastModifiedDate");
    String token = sf.issueUserToken(OWNER);
    HttpClient http = HttpClient.newHttpClient();

    java.net.http.HttpResponse<String> stale =
        http.send(
            patch(id, token, SalesforceActivities.HTTP_DATE.format(modified.minusSeconds(5))),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    java.net.http.HttpResponse<String> fresh =
        http.send(
            patch(id, token, SalesforceActivities.HTTP_DATE.format(modified.plusSeconds(1))),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    java.net.http.HttpResponse<String> garbled =
        http.send(
            patch(id, token, "yesterday"), java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(fresh.statusCode()).isEqualTo(204);
    assertThat(garbled.statusCode()).isEqualTo(400);
    assertThat(sf.lead(id).get("Status")).isEqualTo("Working - Contacted");
  }

  private java.net.http.HttpRequest patch(String id, String token, String since) {
    return java.net.http.HttpRequest.newBuilder(
            sf.baseUrl().resolve("/services/data/v62.0/sobjects/Lead/" + id))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("If-Unmodified-Since", since)
        .method(
            "PATCH",
            java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"Status\":\"Working - Contacted\"}"))
        .build();
  }
}
