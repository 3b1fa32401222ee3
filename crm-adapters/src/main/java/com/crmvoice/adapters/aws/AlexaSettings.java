package com.crmvoice.adapters.aws;

import com.crmvoice.core.config.ConfigException;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.NotificationConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Notification settings for a function's cold start: the skill's client id and secret (from the
 * Alexa developer console, Build → Permissions → Alexa Skill Messaging) come from the Secrets
 * Manager secret named by ALEXA_SECRET_ARN (a JSON object with the keys ALEXA_CLIENT_ID and
 * ALEXA_CLIENT_SECRET), laid over the plain environment; without that variable (local runs), from
 * the environment alone.
 */
public final class AlexaSettings {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AlexaSettings() {}

  public static NotificationConfig load(EnvironmentReader env, AwsClients clients) {
    String arn = env.optional(EnvironmentVariables.ALEXA_SECRET_ARN);
    if (arn == null) {
      return NotificationConfig.fromEnv(env);
    }
    String secret;
    try {
      secret = clients.secretsManager().getSecretValue(r -> r.secretId(arn)).secretString();
    } catch (SdkException e) {
      throw new ConfigException(
          "could not read the Alexa secret named by "
              + EnvironmentVariables.ALEXA_SECRET_ARN
              + ": "
              + e.getClass().getSimpleName());
    }
    return NotificationConfig.fromEnv(env.with(parseSecret(secret)));
  }

  /** The secret's ALEXA_* keys; anything else in it is ignored. Values are never logged. */
  static Map<String, String> parseSecret(String secret) {
    JsonNode node;
    try {
      node = JSON.readTree(secret);
    } catch (Exception e) {
      throw new ConfigException("the Alexa secret is not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new ConfigException("the Alexa secret is not a JSON object");
    }
    Map<String, String> values = new HashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("ALEXA_") && e.getValue().isValueNode()) {
                values.put(e.getKey(), e.getValue().asText());
              }
            });
    return values;
  }
}
