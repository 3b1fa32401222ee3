package com.crmvoice.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CrmGateway.CreateLeadRequest;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code findLeadByExternalId} against the fake over loopback HTTP: how the worker learns what
 * became of a create Salesforce committed but never answered.
 */
class SalesforceLeadLookupIT {

  private static final String OWNER = "005000000000777AAA";

  private FakeSalesforce sf;

  @BeforeEach
  void start() {
    sf = FakeSalesforce.start();
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private SalesforceCrmGateway gateway(String externalIdField) {
    Map<String, String> env = new HashMap<>(sf.clientCredentialsEnv());
    env.put("SALESFORCE_TIMEOUT_MS", "1500");
    if (externalIdField != null) {
      env.put("SALESFORCE_EXTERNAL_ID_FIELD", externalIdField);
    }
    return SalesforceCrmGateway.create(SalesforceConfig.fromEnv(EnvironmentReader.of(env)));
  }

  private static CreateLeadRequest request(String externalId) {
    return new CreateLeadRequest(
        externalId, OWNER, new NewLead("Ada", "Stalled", "Analytical", null, null));
  }

  @Test
  void aCreateThatCommitsAndStallsPastTheTimeoutIsFoundByItsExternalId() {
    SalesforceCrmGateway crm = gateway(FakeSalesforce.EXTERNAL_ID_FIELD);
    assertThat(crm.findLeadByExternalId("cmd-stalled")).isEmpty(); // signed in, warmed up
    sf.faults().commitThenStall(1, Duration.ofMillis(2500));

    assertThatThrownBy(() -> crm.createLeads(List.of(request("cmd-stalled"))))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("TIMEOUT");
              assertThat(e.outcomeUnknown()).isTrue();
            });

    assertThat(sf.leadCount()).isEqualTo(1);
    assertThat(crm.findLeadByExternalId("cmd-stalled"))
        .hasValue(sf.leads().get(0).get("Id").toString());
    assertThat(crm.findLeadByExternalId("cmd-never-sent")).isEmpty();
  }

  @Test
  void hostileExternalIdsAreBoundNotPasted() {
    SalesforceCrmGateway crm = gateway(FakeSalesforce.EXTERNAL_ID_FIELD);
    crm.createLeads(List.of(request("cmd-1")));

    for (String value : InjectionCorpus.VALUES) {
      assertThat(crm.findLeadByExternalId(value)).as(value).isEmpty();
    }
    assertThat(crm.findLeadByExternalId("cmd-1")).isPresent();
  }

  @Test
  void withoutAnExternalIdFieldTheLookupIsRefused() {
    SalesforceCrmGateway crm = gateway(null);

    assertThatThrownBy(() -> crm.findLeadByExternalId("cmd-1"))
        .isInstanceOfSatisfying(
            CrmRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo("EXTERNAL_ID_NOT_CONFIGURED"));
    assertThat(sf.calls("query")).isZero();
  }
}
