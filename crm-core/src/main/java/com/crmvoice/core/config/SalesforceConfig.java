package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvNames.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to reach and sign in to Salesforce.
 *
 * @param loginUrl the OAuth host: https://login.salesforce.com, https://test.salesforce.com or a My
 *     Domain URL
 * @param apiVersion the REST API version without the "v", for example "62.0"
 * @param authFlow JWT bearer or client credentials
 * @param clientId the connected app's consumer key
 * @param clientSecret the consumer secret (client credentials flow only)
 * @param username the integration user (JWT bearer flow only)
 * @param privateKeyPem the PKCS#8 PEM key whose certificate the connected app holds (JWT only)
 * @param externalIdField an external id field on Lead for idempotent upserts, or null
 * @param closedStatuses lead statuses that count as closed
 * @param timeout per HTTP request
 */
public record SalesforceConfig(
    URI loginUrl,
    String apiVersion,
    AuthFlow authFlow,
    String clientId,
    String clientSecret,
    String username,
    String privateKeyPem,
    String externalIdField,
    List<String> closedStatuses,
    Duration timeout) {

  /** The OAuth 2.0 server-to-server flows the adapter speaks. */
  public enum AuthFlow {
    JWT_BEARER("jwt-bearer"),
    CLIENT_CREDENTIALS("client-credentials");

    private final String configName;

    AuthFlow(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    static AuthFlow parse(String value) {
      for (AuthFlow flow : values()) {
        if (flow.configName.equalsIgnoreCase(value)) {
          return flow;
        }
      }
      throw new ConfigException(
          SALESFORCE_AUTH_FLOW + " must be jwt-bearer or client-credentials, got '" + value + "'");
    }
  }

  public static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
  public static final String DEFAULT_API_VERSION = "62.0";
  public static final String DEFAULT_CLOSED_STATUSES = "Closed - Converted,Closed - Not Converted";

  private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

  public SalesforceConfig {
    if (!API_VERSION.matcher(apiVersion).matches()) {
      throw new ConfigException(
          SALESFORCE_API_VERSION + " must look like 62.0, got '" + apiVersion + "'");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new ConfigException(SALESFORCE_CLIENT_ID + " is required but not set");
    }
    if (authFlow == AuthFlow.JWT_BEARER && (username == null || privateKeyPem == null)) {
      throw new ConfigException(
          "the jwt-bearer flow needs " + SALESFORCE_USERNAME + " and " + SALESFORCE_PRIVATE_KEY);
    }
    if (authFlow == AuthFlow.CLIENT_CREDENTIALS && clientSecret == null) {
      throw new ConfigException("the client-credentials flow needs " + SALESFORCE_CLIENT_SECRET);
    }
    // The field name goes into a URL path and SOQL: only an API name is acceptable.
    if (externalIdField != null && !FIELD_NAME.matcher(externalIdField).matches()) {
      throw new ConfigException(
          SALESFORCE_EXTERNAL_ID_FIELD
              + " must be a field API name, got '"
              + externalIdField
              + "'");
    }
    closedStatuses = List.copyOf(closedStatuses);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new ConfigException(SALESFORCE_TIMEOUT_MS + " must be positive");
    }
  }

  public static SalesforceConfig fromEnv(Env env) {
    return new SalesforceConfig(
        env.uri(SALESFORCE_LOGIN_URL, DEFAULT_LOGIN_URL),
        env.optional(SALESFORCE_API_VERSION, DEFAULT_API_VERSION),
        AuthFlow.parse(env.optional(SALESFORCE_AUTH_FLOW, "jwt-bearer")),
        env.optional(SALESFORCE_CLIENT_ID),
        env.optional(SALESFORCE_CLIENT_SECRET),
        env.optional(SALESFORCE_USERNAME),
        env.optional(SALESFORCE_PRIVATE_KEY),
        env.optional(SALESFORCE_EXTERNAL_ID_FIELD),
        env.list(SALESFORCE_CLOSED_STATUSES, DEFAULT_CLOSED_STATUSES),
        Duration.ofMillis(env.intValue(SALESFORCE_TIMEOUT_MS, 5000, 100, 120_000)));
  }

  /** Never prints the secret or the key. */
  @Override
  public String toString() {
    return "SalesforceConfig[loginUrl="
        + loginUrl
        + ", apiVersion="
        + apiVersion
        + ", authFlow="
        + authFlow
        + ", externalIdField="
        + externalIdField
        + ", closedStatuses="
        + closedStatuses
        + ", timeout="
        + timeout
        + "]";
  }
}
