package com.crmvoice.adapters.contract;

import com.crmvoice.adapters.dataverse.DataverseCrmGateway;
import com.crmvoice.core.config.DataverseConfig;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The contract's Dynamics 365 side: {@link DataverseCrmGateway} against {@link FakeDataverse}. */
final class DataverseFixture implements CrmFixture {

  final FakeDataverse dv = FakeDataverse.start();
  private int owners;

  DataverseConfig config(String secret) {
    return new DataverseConfig(
        dv.baseUrl(),
        "9.2",
        FakeDataverse.TENANT_ID,
        FakeDataverse.CLIENT_ID,
        secret,
        dv.baseUrl(),
        FakeDataverse.COMMAND_ID_COLUMN,
        Duration.ofSeconds(2));
  }

  private static DataverseCrmGateway gateway(DataverseConfig config) {
    return new DataverseCrmGateway(
        config,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        Clock.systemUTC());
  }

  @Override
  public CrmGateway gateway() {
    return gateway(config(FakeDataverse.CLIENT_SECRET));
  }

  @Override
  public CrmGateway gatewayWithWrongSecret() {
    return gateway(config("not-the-secret"));
  }

  @Override
  public String newOwner() {
    String id = String.format("0000aaaa-0000-4000-8000-%012d", ++owners);
    dv.addUser(id, "Owner " + owners);
    return id;
  }

  @Override
  public String unknownLeadId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public String openLead(
      String owner, String first, String last, String company, Instant createdAt) {
    return dv.insertLead(
        Map.of(
            "_ownerid_value", owner,
            "firstname", first,
            "lastname", last,
            "companyname", company,
            "createdon", createdAt));
  }

  @Override
  public void closeLead(String leadId) {
    dv.updateLead(leadId, Map.of("statecode", 2, "statuscode", FakeDataverse.statusCode("Lost")));
  }

  @Override
  public void convertLead(String leadId) {
    dv.updateLead(
        leadId, Map.of("statecode", 1, "statuscode", FakeDataverse.statusCode("Qualified")));
  }

  @Override
  public void touchLead(String leadId) {
    dv.advanceClock(Duration.ofSeconds(1)); // modifiedon has whole seconds
    dv.updateLead(leadId, Map.of("firstname", "Changed"));
  }

  @Override
  public List<String> openStatuses() {
    return dv.openStatusLabels();
  }

  @Override
  public String notInterestedStatus() {
    return "No Longer Interested";
  }

  @Override
  public String statusOf(String leadId) {
    int code = ((Number) dv.lead(leadId).get("statuscode")).intValue();
    return List.of(
            "",
            "New",
            "Contacted",
            "Qualified",
            "Lost",
            "Cannot Contact",
            "No Longer Interested",
            "Canceled")
        .get(code);
  }

  @Override
  public int leadCount() {
    return dv.leadCount();
  }

  @Override
  public List<String> activitiesOn(String leadId) {
    List<String> found = new ArrayList<>();
    dv.phonecalls().stream()
        .filter(r -> leadId.equals(r.get("_regardingobjectid_value")))
        .forEach(
            r ->
                found.add(
                    r.get("subject") + " call=" + (((Number) r.get("statecode")).intValue() == 1)));
    dv.tasks().stream()
        .filter(r -> leadId.equals(r.get("_regardingobjectid_value")))
        .forEach(r -> found.add(r.get("subject") + " call=false"));
    return found;
  }

  @Override
  public String userToken(String owner) {
    return dv.issueUserToken(owner);
  }

  @Override
  public void failNext(int n, int httpStatus) {
    dv.faults().failNext(n, httpStatus);
  }

  @Override
  public void limitNext(int n) {
    dv.faults().throttle(n, 7);
  }

  @Override
  public void expireTokens() {
    dv.faults().expireTokens();
  }

  @Override
  public void dropConnections(int n) {
    dv.faults().dropConnections(n);
  }

  @Override
  public int apiCalls() {
    return dv.apiCalls();
  }

  private final DataverseCrmGateway wired = (DataverseCrmGateway) gateway();

  @Override
  public com.crmvoice.core.port.DealGateway deals() {
    return wired.dealGateway();
  }

  @Override
  public com.crmvoice.core.port.CalendarGateway calendar() {
    return wired.calendar();
  }

  @Override
  public List<String> openStages() {
    return List.of("Qualify", "Develop", "Propose", "Close");
  }

  @Override
  public String wonStage() {
    return "Won";
  }

  @Override
  public String openDeal(
      String owner,
      String name,
      String account,
      int stage,
      int probability,
      String amount,
      java.time.LocalDate close) {
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("_ownerid_value", owner);
    row.put("name", name);
    if (account != null) {
      row.put("_customerid_value", dv.sales().insertAccount(account));
    }
    row.put("salesstage", stage);
    row.put("closeprobability", probability);
    row.put("estimatedvalue", new java.math.BigDecimal(amount));
    row.put("estimatedclosedate", close);
    return dv.sales().insertOpportunity(row);
  }

  @Override
  public void winDeal(String dealId, java.time.LocalDate day) {
    dv.sales().win(dealId, day);
  }

  @Override
  public void touchDeal(String dealId) {
    dv.advanceClock(Duration.ofSeconds(1)); // modifiedon has whole seconds
    dv.sales().updateOpportunity(dealId, Map.of("name", "Changed"));
  }

  @Override
  public void reassignDeal(String dealId, String owner) {
    dv.advanceClock(Duration.ofSeconds(1));
    dv.sales().updateOpportunity(dealId, Map.of("_ownerid_value", owner.toLowerCase()));
  }

  @Override
  public String unknownDealId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public void fiscalYearStartMonth(int month) {
    dv.sales().fiscalCalendarStart(java.time.LocalDate.of(2020, month, 1));
  }

  @Override
  public String contact(String firstName, String lastName) {
    return dv.calendar().addContact(firstName, lastName);
  }

  @Override
  public String meeting(
      String owner,
      String subject,
      Instant start,
      Instant end,
      String whoId,
      List<String> inviteeIds) {
    return dv.calendar().insertAppointment(owner, subject, start, end, whoId, inviteeIds);
  }

  @Override
  public String openTask(String owner, String leadId, String subject, java.time.LocalDate due) {
    return dv.calendar().insertTask(owner, leadId, subject, due);
  }

  @Override
  public void completeTask(String taskId) {
    dv.advanceClock(Duration.ofSeconds(1));
    dv.calendar().updateTask(taskId, Map.of("statecode", 1, "statuscode", 5));
  }

  @Override
  public void touchTask(String taskId) {
    dv.advanceClock(Duration.ofSeconds(1));
    dv.calendar().updateTask(taskId, Map.of("subject", "Changed"));
  }

  @Override
  public boolean taskCompleted(String taskId) {
    Map<String, Object> task = dv.calendar().task(taskId);
    return task != null
        && ((Number) task.get("statecode")).intValue() == 1
        && ((Number) task.get("statuscode")).intValue() == 5;
  }

  @Override
  public String unknownTaskId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public void close() {
    dv.close();
  }
}
