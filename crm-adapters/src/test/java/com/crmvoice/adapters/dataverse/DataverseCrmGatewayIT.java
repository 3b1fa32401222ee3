package com.crmvoice.adapters.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.DataverseConfig;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CrmGateway.CreateLeadRequest;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is Dataverse's own in the adapter: token caching, $batch, Retry-After, error bodies. */
class DataverseCrmGatewayIT {

  private static final String OWNER = FakeDataverse.DEMO_USER_ID;
  private FakeDataverse dv;

  @BeforeEach
  void start() {
    dv = FakeDataverse.start();
  }

  @AfterEach
  void stop() {
    dv.close();
  }

  private DataverseConfig config(String tenant, URI orgUrl) {
    return new DataverseConfig(
        orgUrl,
        "9.2",
        tenant,
        FakeDataverse.CLIENT_ID,
        FakeDataverse.CLIENT_SECRET,
        dv.baseUrl(),
        FakeDataverse.COMMAND_ID_COLUMN,
        Duration.ofSeconds(2));
  }

  private DataverseCrmGateway gateway(DataverseConfig config) {
    return new DataverseCrmGateway(
        config,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        Clock.systemUTC());
  }

  private DataverseCrmGateway gateway() {
    return gateway(config(FakeDataverse.TENANT_ID, dv.baseUrl()));
  }

  private static List<CreateLeadRequest> requests(int n) {
    List<CreateLeadRequest> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(
          new CreateLeadRequest("cmd-" + i, OWNER, new NewLead("A", "Lead" + i, "Co", null, null)));
    }
    return requests;
  }

  @Test
  void theTokenIsFetchedOnceAndReplacedOnceWhenRefused() {
    DataverseCrmGateway gateway = gateway();
    for (int i = 0; i < 5; i++) {
      gateway.topOpenLeads(OWNER, 1);
    }
    assertThat(dv.calls("token")).isEqualTo(1);

    dv.faults().expireTokens();
    gateway.topOpenLeads(OWNER, 1);
    gateway.topOpenLeads(OWNER, 1);

    assertThat(dv.calls("token")).isEqualTo(2);
    assertThat(gateway.signIns()).isEqualTo(2);
  }

  @Test
  void twoHundredCreatesAreOneBatchRequest() {
    DataverseCrmGateway gateway = gateway();
    gateway.topOpenLeads(OWNER, 1);
    dv.resetCalls();

    List<CreateResult> results = gateway.createLeads(requests(201));

    assertThat(results)
        .hasSize(201)
        .allSatisfy(r -> assertThat(r).isInstanceOf(CreateResult.Created.class));
    assertThat(dv.calls()).containsExactlyEntriesOf(Map.of("batch", 2));
    assertThat(dv.leadCount()).isEqualTo(201);
    Map<String, Object> lead = dv.leads().get(0);
    assertThat(lead).containsEntry("_ownerid_value", OWNER).containsEntry("subject", "A Lead0, Co");
  }

  @Test
  void aThrottledRequestCarriesRetryAfter() {
    DataverseCrmGateway gateway = gateway();
    dv.faults().throttle(1, 42);

    assertThatThrownBy(() -> gateway.createLeads(requests(3)))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("0x80072322");
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
            });
    assertThat(dv.leadCount()).isZero();
  }

  @Test
  void aValueDataverseRefusesIsRejectedForThatRecordWithItsErrorCode() {
    String longName = "L".repeat(51); // lead.lastname holds 50; CRM Voice allows 80 (Salesforce's)
    List<CreateResult> results =
        gateway()
            .createLeads(
                List.of(
                    new CreateLeadRequest(
                        "cmd-long", OWNER, new NewLead(null, longName, "Co", null, null)),
                    new CreateLeadRequest(
                        "cmd-ok", OWNER, new NewLead(null, "Fine", "Co", null, null))));

    assertThat(results.get(0))
        .isInstanceOfSatisfying(
            CreateResult.Rejected.class, r -> assertThat(r.errorCode()).isEqualTo("0x80044331"));
    assertThat(results.get(1)).isInstanceOf(CreateResult.Created.class);
  }

  @Test
  void theTokenRequestNamesTenantAndScopeAndAWrongOneIsPermanent() {
    assertThatThrownBy(
            () -> gateway(config("other-tenant.example", dv.baseUrl())).topOpenLeads(OWNER, 1))
        .isInstanceOfSatisfying(
            CrmRejectedException.class, e -> assertThat(e.getMessage()).contains("AADSTS90002"));
    assertThatThrownBy(
            () ->
                gateway(config(FakeDataverse.TENANT_ID, URI.create("http://127.0.0.1:1")))
                    .topOpenLeads(OWNER, 1))
        .isInstanceOfSatisfying(
            CrmRejectedException.class, e -> assertThat(e.getMessage()).contains("invalid_scope"));
  }

  @Test
  void leadsAreReadBackWithTheirStatusLabelAndVersion() {
    String id =
        dv.insertLead(
            Map.of(
                "_ownerid_value",
                OWNER,
                "lastname",
                "Garcia",
                "statuscode",
                2,
                "createdon",
                Instant.parse("2026-01-01T00:00:00Z")));

    var lead = gateway().topOpenLeads(OWNER, 1).get(0);

    assertThat(lead.id()).isEqualTo(id);
    assertThat(lead.status()).isEqualTo("Contacted");
    assertThat(lead.lastModifiedAt()).isEqualTo(((Instant) dv.lead(id).get("modifiedon")));
  }
}
