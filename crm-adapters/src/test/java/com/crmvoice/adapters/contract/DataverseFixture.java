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

  @Override
  public void close() {
    dv.close();
  }
}
