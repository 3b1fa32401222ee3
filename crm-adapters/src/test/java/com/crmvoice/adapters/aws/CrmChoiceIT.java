package com.crmvoice.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.adapters.dataverse.DataverseCrmGateway;
import com.crmvoice.adapters.salesforce.SalesforceCrmGateway;
import com.crmvoice.core.config.ConfigException;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CRM setting chooses the adapter; Dynamics settings come from the same place. */
class CrmChoiceIT {

  @Test
  void crmDynamicsWiresTheDataverseAdapterFromItsSettings() {
    try (FakeDataverse dv = FakeDataverse.start()) {
      dv.seedDemo();
      LazySalesforceGateway crm =
          LazySalesforceGateway.forCrm(EnvironmentReader.of(dv.env()), null, c -> c, c -> c);

      assertThat(crm.tryNow()).isTrue();
      assertThat(crm.gateway()).isInstanceOf(DataverseCrmGateway.class);
      assertThat(crm.topOpenLeads(FakeDataverse.DEMO_USER_ID, 5)).hasSize(3);
      assertThat(crm.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void theDealsAndTheCalendarOfTheLazyGatewayAreDynamicsToo() {
    try (FakeDataverse dv = FakeDataverse.start()) {
      dv.seedDemo();
      dv.seedDemoDay(java.time.ZoneOffset.UTC);
      LazySalesforceGateway crm =
          LazySalesforceGateway.forCrm(EnvironmentReader.of(dv.env()), null, c -> c, c -> c);

      assertThat(crm.deals().openDealsOf(FakeDataverse.DEMO_USER_ID))
          .extracting(com.crmvoice.core.domain.deal.Deal::name)
          .containsExactly(
              "Acme expansion",
              "Northwind renewal",
              "Tailspin Toys upgrade",
              "Contoso pilot",
              "Fabrikam rollout");
      assertThat(
              crm.calendar()
                  .openTasksOf(
                      java.util.List.of(FakeDataverse.DEMO_USER_ID),
                      java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                  .get(FakeDataverse.DEMO_USER_ID))
          .extracting(com.crmvoice.core.domain.OpenTask::subject)
          .containsExactly(
              "Prepare the quarterly forecast", "Call back about pricing", "Send the proposal");
    }
  }

  @Test
  void incompleteDynamicsSettingsAreNotConfiguredYetAndAnUnknownCrmFailsTheStart() {
    Map<String, String> env =
        new HashMap<>(Map.of("CRM", "dynamics", "DYNAMICS_URL", "https://org.crm.dynamics.com"));
    LazySalesforceGateway crm =
        LazySalesforceGateway.forCrm(EnvironmentReader.of(env), null, c -> c, c -> c);
    assertThat(crm.tryNow()).isFalse();
    assertThatThrownBy(() -> crm.topOpenLeads("x", 1))
        .isInstanceOf(CrmNotConfiguredException.class)
        .hasMessageContaining("DYNAMICS_TENANT_ID");

    assertThatThrownBy(
            () ->
                LazySalesforceGateway.forCrm(
                    EnvironmentReader.of(Map.of("CRM", "hubspot")), null, c -> c, c -> c))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void withoutTheSettingItIsSalesforce() {
    LazySalesforceGateway crm =
        LazySalesforceGateway.forCrm(
            EnvironmentReader.of(
                Map.of(
                    "SALESFORCE_AUTH_FLOW", "client-credentials",
                    "SALESFORCE_LOGIN_URL", "http://127.0.0.1:9",
                    "SALESFORCE_CLIENT_ID", "cid",
                    "SALESFORCE_CLIENT_SECRET", "s")),
            null,
            c -> c,
            c -> c);
    assertThat(crm.gateway()).isInstanceOf(SalesforceCrmGateway.class);
  }

  @Test
  void theSecretCarriesTheDynamicsKeysToo() {
    assertThat(SalesforceSettings.parseSecret("{\"DYNAMICS_CLIENT_SECRET\":\"x\",\"OTHER\":\"y\"}"))
        .containsExactly(Map.entry("DYNAMICS_CLIENT_SECRET", "x"));
  }
}
