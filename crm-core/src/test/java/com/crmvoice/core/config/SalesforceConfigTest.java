package com.crmvoice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceConfigTest {

  private static Map<String, String> jwtEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("SALESFORCE_CLIENT_ID", "cid");
    env.put("SALESFORCE_USERNAME", "int@example.com");
    env.put("SALESFORCE_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----");
    return env;
  }

  private static SalesforceConfig config(Map<String, String> overrides) {
    Map<String, String> env = jwtEnv();
    env.putAll(overrides);
    return SalesforceConfig.fromEnv(EnvironmentReader.of(env));
  }

  // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm: aud is
  // login.salesforce.com or test.salesforce.com (or an Experience Cloud site), not the My Domain.
  @ParameterizedTest
  @CsvSource({
    "https://login.salesforce.com, https://login.salesforce.com",
    "https://test.salesforce.com, https://test.salesforce.com",
    "https://test.salesforce.com/, https://test.salesforce.com",
    "https://acme.my.salesforce.com, https://login.salesforce.com",
    "https://acme.develop.my.salesforce.com, https://login.salesforce.com",
    "https://acme--uat.sandbox.my.salesforce.com, https://test.salesforce.com",
    "https://ACME--UAT.SANDBOX.MY.SALESFORCE.COM, https://test.salesforce.com",
    "https://acme--uat.my.salesforce.com, https://test.salesforce.com",
    "https://acme--uat.cs42.my.salesforce.com, https://test.salesforce.com",
    "https://speed-dream-1234.scratch.my.salesforce.com, https://test.salesforce.com",
    "http://127.0.0.1:8399, https://login.salesforce.com"
  })
  void theJwtAudienceIsDerivedFromTheLoginUrl_neverTheMyDomainHostItself(
      String loginUrl, String audience) {
    SalesforceConfig config = config(Map.of("SALESFORCE_LOGIN_URL", loginUrl));

    assertThat(config.jwtAudience()).isEqualTo(URI.create(audience));
  }

  @Test
  void anExplicitJwtAudienceWins_forAnExperienceCloudSite() {
    SalesforceConfig config =
        config(
            Map.of(
                "SALESFORCE_LOGIN_URL", "https://acme.my.salesforce.com",
                "SALESFORCE_JWT_AUDIENCE", "https://acme.my.site.com/partners"));

    assertThat(config.jwtAudience()).isEqualTo(URI.create("https://acme.my.site.com/partners"));
    assertThatThrownBy(() -> config(Map.of("SALESFORCE_JWT_AUDIENCE", "login.salesforce.com")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SALESFORCE_JWT_AUDIENCE");
  }

  @Test
  void leadWritesKeepTheOwnerAndAllowAlertDuplicatesByDefault() {
    SalesforceConfig config = config(Map.of());

    assertThat(config.autoAssign()).isEqualTo("FALSE");
    assertThat(config.duplicateAllowSave()).isTrue();
    assertThat(config.toString()).contains("autoAssign=FALSE").contains("duplicateAllowSave=true");
  }

  @Test
  void autoAssignTakesTrueFalseOrAnAssignmentRuleId() {
    assertThat(config(Map.of("SALESFORCE_AUTO_ASSIGN", "true")).autoAssign()).isEqualTo("TRUE");
    assertThat(config(Map.of("SALESFORCE_AUTO_ASSIGN", "01Q5e000000abcD")).autoAssign())
        .isEqualTo("01Q5e000000abcD");
    assertThatThrownBy(() -> config(Map.of("SALESFORCE_AUTO_ASSIGN", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SALESFORCE_AUTO_ASSIGN");
    assertThatThrownBy(() -> config(Map.of("SALESFORCE_AUTO_ASSIGN", "FALSE\r\nX-Evil: 1")))
        .hasMessageContaining("SALESFORCE_AUTO_ASSIGN");
    assertThat(config(Map.of("SALESFORCE_DUPLICATE_ALLOW_SAVE", "FALSE")).duplicateAllowSave())
        .isFalse();
    assertThatThrownBy(() -> config(Map.of("SALESFORCE_DUPLICATE_ALLOW_SAVE", "maybe")))
        .hasMessageContaining("SALESFORCE_DUPLICATE_ALLOW_SAVE");
  }

  // sObject Collections upsert is "available in API version 46 and later":
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_upsert.htm
  @ParameterizedTest
  @ValueSource(strings = {"45.0", "29.0", "10.0"})
  void anApiVersionBelow46IsRefusedAtStart(String version) {
    assertThatThrownBy(
            () ->
                config(
                    Map.of(
                        "SALESFORCE_API_VERSION",
                        version,
                        "SALESFORCE_DUPLICATE_ALLOW_SAVE",
                        "false")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SALESFORCE_API_VERSION")
        .hasMessageContaining("46.0");
  }

  // The Duplicate Rule header "is available in API version 52.0 and later":
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm
  @Test
  void allowSaveNeedsApi52_andVersion46WorksWithoutIt() {
    assertThatThrownBy(() -> config(Map.of("SALESFORCE_API_VERSION", "51.0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SALESFORCE_DUPLICATE_ALLOW_SAVE");
    assertThat(
            config(
                    Map.of(
                        "SALESFORCE_API_VERSION", "46.0",
                        "SALESFORCE_DUPLICATE_ALLOW_SAVE", "false"))
                .apiVersion())
        .isEqualTo("46.0");
    assertThat(config(Map.of("SALESFORCE_API_VERSION", "52.0")).apiVersion()).isEqualTo("52.0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CrmVoice_Command_Id__c",
        "A__c",
        // 40 characters of field name, the longest Salesforce allows, plus __c: 43
        "Command_Idempotency_Key_From_CrmVoice_Ab__c",
        // a 15-character namespace prefix as well: 60
        "crmvoicepackage__Command_Idempotency_Key_From_CrmVoice_Ab__c"
      })
  void anyCustomFieldApiNameUpToTheRealMaximumIsAnExternalIdField(String field) {
    assertThat(config(Map.of("SALESFORCE_EXTERNAL_ID_FIELD", field)).externalIdField())
        .isEqualTo(field);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Command_Idempotency_Key_From_CrmVoice_Abc__c", // 41 characters before __c
        "crmvoicepackage1__Command_Id__c", // a 16-character namespace
        "Email", // a standard field cannot be an External ID field
        "Three__Part__Name__c",
        "Trailing___c",
        "1Field__c",
        "Field__c/../../sobjects",
        "Id' OR x"
      })
  void anythingElseIsRefused(String field) {
    assertThatThrownBy(() -> config(Map.of("SALESFORCE_EXTERNAL_ID_FIELD", field)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SALESFORCE_EXTERNAL_ID_FIELD");
  }

  @Test
  void withTimeoutKeepsEveryOtherSetting() {
    SalesforceConfig config =
        config(
            Map.of(
                "SALESFORCE_JWT_AUDIENCE", "https://test.salesforce.com",
                "SALESFORCE_AUTO_ASSIGN", "TRUE",
                "SALESFORCE_DUPLICATE_ALLOW_SAVE", "false"));

    SalesforceConfig shorter = config.withTimeout(Duration.ofMillis(900));

    assertThat(shorter.timeout()).isEqualTo(Duration.ofMillis(900));
    assertThat(shorter.jwtAudience()).isEqualTo(config.jwtAudience());
    assertThat(shorter.autoAssign()).isEqualTo("TRUE");
    assertThat(shorter.duplicateAllowSave()).isFalse();
  }
}
