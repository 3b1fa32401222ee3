package com.crmvoice.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.LocalStackAws;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The cold-start read of the Salesforce secret from Secrets Manager, which the embedded engines do
 * not offer: LocalStack only (profile localstack; skipped without Docker).
 */
@Testcontainers(disabledWithoutDocker = true)
class SalesforceSettingsLocalStackIT {

  private final AwsTestEnvironment aws = LocalStackAws.shared();
  private final AwsClients clients = LocalAws.clients(aws);

  @Test
  void theSecretIsLaidOverThePlainEnvironment() {
    String arn =
        clients
            .secretsManager()
            .createSecret(
                r ->
                    r.name(aws.freshName("salesforce"))
                        .secretString(
                            "{\"SALESFORCE_AUTH_FLOW\":\"client-credentials\","
                                + "\"SALESFORCE_CLIENT_ID\":\"cid\","
                                + "\"SALESFORCE_CLIENT_SECRET\":\"from-the-secret\"}"))
            .arn();
    Map<String, String> env = new HashMap<>(aws.env());
    env.put("SALESFORCE_SECRET_ARN", arn);
    env.put("SALESFORCE_API_VERSION", "61.0");

    SalesforceConfig config = SalesforceSettings.load(EnvironmentReader.of(env), clients);

    assertThat(config.authFlow()).isEqualTo(SalesforceConfig.AuthFlow.CLIENT_CREDENTIALS);
    assertThat(config.clientId()).isEqualTo("cid");
    assertThat(config.clientSecret()).isEqualTo("from-the-secret");
    assertThat(config.apiVersion()).isEqualTo("61.0");
  }
}
