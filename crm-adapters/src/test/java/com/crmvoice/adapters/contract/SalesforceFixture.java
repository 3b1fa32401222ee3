package com.crmvoice.adapters.contract;

import com.crmvoice.adapters.salesforce.SalesforceCrmGateway;
import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The contract's Salesforce side: {@link SalesforceCrmGateway} against {@link FakeSalesforce}. */
final class SalesforceFixture implements CrmFixture {

  final FakeSalesforce sf = FakeSalesforce.start();
  private int owners;

  private SalesforceConfig config(String secret) {
    return new SalesforceConfig(
        sf.baseUrl(),
        "62.0",
        SalesforceConfig.AuthFlow.CLIENT_CREDENTIALS,
        FakeSalesforce.CLIENT_ID,
        secret,
        null,
        null,
        FakeSalesforce.EXTERNAL_ID_FIELD,
        List.copyOf(FakeSalesforce.CLOSED_STATUSES),
        Duration.ofSeconds(2));
  }

  private static SalesforceCrmGateway gateway(SalesforceConfig config) {
    return new SalesforceCrmGateway(
        config,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        Clock.systemUTC());
  }

  @Override
  public CrmGateway gateway() {
    return gateway(config(FakeSalesforce.CLIENT_SECRET));
  }

  @Override
  public CrmGateway gatewayWithWrongSecret() {
    return gateway(config("not-the-secret"));
  }

  @Override
  public String newOwner() {
    return String.format("005%012dAAA", 700 + ++owners);
  }

  @Override
  public String unknownLeadId() {
    return "00Q999999999999AAA";
  }

  @Override
  public String openLead(
      String owner, String first, String last, String company, Instant createdAt) {
    return sf.insertLead(
        Map.of(
            "OwnerId", owner,
            "FirstName", first,
            "LastName", last,
            "Company", company,
            "Status", "Open - Not Contacted",
            "CreatedDate", createdAt));
  }

  @Override
  public void closeLead(String leadId) {
    sf.updateLead(leadId, Map.of("Status", "Closed - Not Converted"));
  }

  @Override
  public void convertLead(String leadId) {
    sf.updateLead(leadId, Map.of("IsConverted", true));
  }

  @Override
  public void touchLead(String leadId) {
    sf.updateLead(leadId, Map.of("FirstName", "Changed"));
  }

  @Override
  public List<String> openStatuses() {
    return List.of("Open - Not Contacted", "Working - Contacted");
  }

  @Override
  public String notInterestedStatus() {
    return "Closed - Not Converted";
  }

  @Override
  public String statusOf(String leadId) {
    return (String) sf.lead(leadId).get("Status");
  }

  @Override
  public int leadCount() {
    return sf.leadCount();
  }

  @Override
  public List<String> activitiesOn(String leadId) {
    return sf.tasks().stream()
        .filter(t -> leadId.equals(t.get("WhoId")))
        .map(t -> t.get("Subject") + " call=" + "Call".equals(t.get("TaskSubtype")))
        .toList();
  }

  @Override
  public String userToken(String owner) {
    return sf.issueUserToken(owner);
  }

  @Override
  public void failNext(int n, int httpStatus) {
    sf.faults().failNext(n, httpStatus);
  }

  @Override
  public void limitNext(int n) {
    sf.faults().requestLimit(n);
  }

  @Override
  public void expireTokens() {
    sf.faults().expireTokens();
  }

  @Override
  public void dropConnections(int n) {
    sf.faults().dropConnections(n);
  }

  @Override
  public int apiCalls() {
    return sf.calls().entrySet().stream()
        .filter(e -> !e.getKey().equals("token"))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  private final SalesforceCrmGateway wired = (SalesforceCrmGateway) gateway();

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
    return List.of(
        "Prospecting",
        "Qualification",
        "Needs Analysis",
        "Value Proposition",
        "Id. Decision Makers",
        "Perception Analysis",
        "Proposal/Price Quote",
        "Negotiation/Review");
  }

  @Override
  public String wonStage() {
    return "Closed Won";
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
    Map<String, Object> f = new java.util.HashMap<>();
    f.put("OwnerId", owner);
    f.put("Name", name);
    if (account != null) {
      f.put("AccountId", sf.opportunities().insertAccount(account, owner));
    }
    f.put("StageName", openStages().get(stage));
    f.put("Probability", probability);
    f.put("Amount", new java.math.BigDecimal(amount));
    f.put("CloseDate", close);
    return sf.opportunities().insert(f);
  }

  @Override
  public void winDeal(String dealId, java.time.LocalDate day) {
    sf.opportunities().update(dealId, Map.of("StageName", "Closed Won", "CloseDate", day));
  }

  @Override
  public void touchDeal(String dealId) {
    sf.opportunities().update(dealId, Map.of("Name", "Changed"));
  }

  @Override
  public void reassignDeal(String dealId, String owner) {
    sf.opportunities().update(dealId, Map.of("OwnerId", owner));
  }

  @Override
  public String unknownDealId() {
    return "006999999999999AAA";
  }

  @Override
  public void fiscalYearStartMonth(int month) {
    sf.opportunities().fiscalYearStartMonth(month);
  }

  @Override
  public String contact(String firstName, String lastName) {
    return sf.addContact(firstName + " " + lastName);
  }

  @Override
  public String meeting(
      String owner,
      String subject,
      Instant start,
      Instant end,
      String whoId,
      List<String> inviteeIds) {
    return sf.insertEvent(owner, subject, start, end, whoId, inviteeIds);
  }

  @Override
  public String openTask(String owner, String leadId, String subject, java.time.LocalDate due) {
    return sf.insertTask(owner, leadId, subject, due);
  }

  @Override
  public void completeTask(String taskId) {
    sf.updateTask(taskId, Map.of("Status", "Completed"));
  }

  @Override
  public void touchTask(String taskId) {
    sf.updateTask(taskId, Map.of("Subject", "Changed"));
  }

  @Override
  public boolean taskCompleted(String taskId) {
    return sf.tasks().stream()
        .anyMatch(t -> taskId.equals(t.get("Id")) && "Completed".equals(t.get("Status")));
  }

  @Override
  public String unknownTaskId() {
    return "00T999999999999AAA";
  }

  @Override
  public void close() {
    sf.close();
  }
}
