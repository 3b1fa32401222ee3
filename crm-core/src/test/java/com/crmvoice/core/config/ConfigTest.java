package com.crmvoice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void salesforceDefaultsToJwtBearerOnLoginHostAndCurrentApiVersion() {
    SalesforceConfig config =
        SalesforceConfig.fromEnv(
            EnvironmentReader.of(
                Map.of(
                    "SALESFORCE_CLIENT_ID", "cid",
                    "SALESFORCE_USERNAME", "int@example.com",
                    "SALESFORCE_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----")));

    assertThat(config.loginUrl().toString()).isEqualTo("https://login.salesforce.com");
    assertThat(config.apiVersion()).isEqualTo("62.0");
    assertThat(config.authFlow()).isEqualTo(SalesforceConfig.AuthFlow.JWT_BEARER);
    assertThat(config.closedStatuses())
        .containsExactly("Closed - Converted", "Closed - Not Converted");
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.toString()).doesNotContain("BEGIN PRIVATE KEY");
  }

  @Test
  void failsColdStartWithTheVariableName() {
    assertThatThrownBy(
            () ->
                SalesforceConfig.fromEnv(EnvironmentReader.of(Map.of("SALESFORCE_CLIENT_ID", "c"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SALESFORCE_USERNAME");
    assertThatThrownBy(
            () ->
                SalesforceConfig.fromEnv(
                    EnvironmentReader.of(
                        Map.of(
                            "SALESFORCE_CLIENT_ID", "c",
                            "SALESFORCE_AUTH_FLOW", "client-credentials",
                            "SALESFORCE_CLIENT_SECRET", "s",
                            "SALESFORCE_EXTERNAL_ID_FIELD", "Id' OR x"))))
        .hasMessageContaining("SALESFORCE_EXTERNAL_ID_FIELD");
    assertThatThrownBy(
            () -> CacheConfig.fromEnv(EnvironmentReader.of(Map.of("LEAD_CACHE_TOP_N", "many"))))
        .hasMessageContaining("LEAD_CACHE_TOP_N");
    // One owner's write must stay one DynamoDB transaction (LeadCache.MAX_LEADS_PER_OWNER).
    assertThat(CacheConfig.fromEnv(EnvironmentReader.of(Map.of("LEAD_CACHE_TOP_N", "49"))).topN())
        .isEqualTo(49);
    assertThatThrownBy(
            () -> CacheConfig.fromEnv(EnvironmentReader.of(Map.of("LEAD_CACHE_TOP_N", "50"))))
        .hasMessageContaining("LEAD_CACHE_TOP_N must be between 1 and 49");
    assertThatThrownBy(
            () -> StorageConfig.fromEnv(EnvironmentReader.of(Map.of())).requireLeadsTable())
        .hasMessageContaining("LEADS_TABLE");
  }

  @Test
  void theWorkersMaxReceiveCountDefaultsToTheQueuesAndIsBoundedAsSqsBoundsIt() {
    assertThat(WorkerConfig.fromEnv(EnvironmentReader.of(Map.of())).maxReceiveCount())
        .isEqualTo(WorkerConfig.DEFAULT_MAX_RECEIVE_COUNT)
        .isEqualTo(5);
    assertThat(
            WorkerConfig.fromEnv(EnvironmentReader.of(Map.of("COMMAND_MAX_RECEIVE_COUNT", "12")))
                .maxReceiveCount())
        .isEqualTo(12);
    assertThatThrownBy(
            () ->
                WorkerConfig.fromEnv(
                    EnvironmentReader.of(Map.of("COMMAND_MAX_RECEIVE_COUNT", "0"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("COMMAND_MAX_RECEIVE_COUNT");
    assertThatThrownBy(
            () ->
                WorkerConfig.fromEnv(
                    EnvironmentReader.of(Map.of("COMMAND_MAX_RECEIVE_COUNT", "1001"))))
        .hasMessageContaining("COMMAND_MAX_RECEIVE_COUNT");
  }
}
