package com.crmvoice.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.ConfigException;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.SalesforceConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The secret's format as README.md (Deploying) and template.yaml describe it. */
class SalesforceSettingsTest {

  @Test
  void theSecretKeepsOnlyItsSalesforceKeys() {
    Map<String, String> values =
        SalesforceSettings.parseSecret(
            """
            {"SALESFORCE_CLIENT_ID":"cid","SALESFORCE_USERNAME":"int@example.com",
             "SALESFORCE_PRIVATE_KEY":"-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----\\n",
             "note":"ignored","SALESFORCE_NESTED":{"a":1}}
            """);

    assertThat(values)
        .containsOnlyKeys("SALESFORCE_CLIENT_ID", "SALESFORCE_USERNAME", "SALESFORCE_PRIVATE_KEY");
    assertThat(values.get("SALESFORCE_PRIVATE_KEY")).contains("\nabc\n");
  }

  @Test
  void theTemplatesBlankSecretFailsTheColdStartNamingWhatToFillIn() {
    Map<String, String> blank =
        SalesforceSettings.parseSecret(
            "{\"SALESFORCE_CLIENT_ID\":\"\",\"SALESFORCE_USERNAME\":\"\",\"SALESFORCE_PRIVATE_KEY\":\"\"}");

    assertThatThrownBy(() -> SalesforceConfig.fromEnv(EnvironmentReader.of(Map.of()).with(blank)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SALESFORCE_CLIENT_ID is required but not set");
  }

  @Test
  void aSecretThatIsNotAJsonObjectIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> SalesforceSettings.parseSecret("hunter2"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the Salesforce secret is not a JSON object");
  }
}
