package com.crmvoice.adapters.aws;

import com.crmvoice.core.config.ConfigException;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.SalesforceConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Salesforce settings, read at a function's cold start and, while they are incomplete, again on
 * first use ({@link LazySalesforceGateway}): credentials come from the Secrets Manager secret named
 * by SALESFORCE_SECRET_ARN (a JSON object whose keys are the SALESFORCE_* names), laid over the
 * plain environment; without that variable (local runs), from the environment alone.
 */
public final class SalesforceSettings {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SalesforceSettings() {}

  public static SalesforceConfig load(EnvironmentReader env, AwsClients clients) {
    String arn = env.optional(EnvironmentVariables.SALESFORCE_SECRET_ARN);
    if (arn == null) {
      return SalesforceConfig.fromEnv(env);
    }
    String secret;
    try {
      secret = clients.secretsManager().getSecretValue(r -> r.secretId(arn)).secretString();
    } catch (SdkException e) {
      throw new ConfigException(
          "could not read the Salesforce secret named by "
              + EnvironmentVariables.SALESFORCE_SECRET_ARN
              + ": "
              + e.getClass().getSimpleName());
    }
    return SalesforceConfig.fromEnv(env.with(parseSecret(secret)));
  }

  /**
   * Dynamics 365 settings, from the same secret (its DYNAMICS_* keys) laid over the environment.
   */
  public static com.crmvoice.core.config.DataverseConfig loadDataverse(
      EnvironmentReader env, AwsClients clients) {
    String arn = env.optional(EnvironmentVariables.SALESFORCE_SECRET_ARN);
    if (arn == null) {
      return com.crmvoice.core.config.DataverseConfig.fromEnv(env);
    }
    String secret;
    try {
      secret = clients.secretsManager().getSecretValue(r -> r.secretId(arn)).secretString();
    } catch (SdkException e) {
      throw new ConfigException(
          "could not read the CRM secret named by "
              + EnvironmentVariables.SALESFORCE_SECRET_ARN
              + ": "
              + e.getClass().getSimpleName());
    }
    return com.crmvoice.core.config.DataverseConfig.fromEnv(env.with(parseSecret(secret)));
  }

  /**
   * The secret's SALESFORCE_* and DYNAMICS_* keys; anything else in it is ignored. Values are never
   * logged.
   */
  static Map<String, String> parseSecret(String secret) {
    JsonNode node;
    try {
      node = JSON.readTree(secret);
    } catch (Exception e) {
      throw new ConfigException("the Salesforce secret is not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new ConfigException("the Salesforce secret is not a JSON object");
    }
    Map<String, String> values = new HashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if ((e.getKey().startsWith("SALESFORCE_") || e.getKey().startsWith("DYNAMICS_"))
                  && e.getValue().isValueNode()) {
                values.put(e.getKey(), e.getValue().asText());
              }
            });
    return values;
  }
}
