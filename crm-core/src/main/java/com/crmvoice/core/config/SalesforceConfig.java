package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 * @param jwtAudience the JWT bearer assertion's {@code aud}: https://login.salesforce.com or
 *     https://test.salesforce.com (or an Experience Cloud site URL), never the My Domain host
 *     ({@link #defaultJwtAudience})
 * @param autoAssign the {@code Sforce-Auto-Assign} header sent on lead creates and upserts: FALSE
 *     (the lead keeps the owner CRM Voice gives it), TRUE (active lead assignment rules run) or an
 *     AssignmentRule id
 * @param duplicateAllowSave whether lead creates and upserts send {@code
 *     Sforce-Duplicate-Rule-Header: allowSave=true}, so an Alert-type duplicate rule lets the save
 *     through (Block-type rules still block)
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
    Duration timeout,
    URI jwtAudience,
    String autoAssign,
    boolean duplicateAllowSave) {

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

  /** The JWT bearer audience of production orgs and of sandboxes (and scratch orgs). */
  public static final URI PRODUCTION_AUDIENCE = URI.create("https://login.salesforce.com");

  public static final URI SANDBOX_AUDIENCE = URI.create("https://test.salesforce.com");

  /**
   * sObject Collections upsert ({@code PATCH /composite/sobjects/Lead/<field>}) exists from API
   * 46.0 on:
   * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_upsert.htm
   */
  public static final int MIN_API_VERSION = 46;

  /**
   * The Duplicate Rule header exists from API 52.0 on:
   * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm
   */
  public static final int MIN_API_VERSION_DUPLICATE_HEADER = 52;

  private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");

  /**
   * A custom field's API name: an optional namespace prefix (up to 15 characters and "__"), the
   * field name (up to 40 characters, a letter first, no "__", not ending in "_") and "__c": at most
   * 60 characters (Salesforce Help, knowledge article 000381913). Only a custom field can be an
   * External ID field, and the name goes into a URL path and into records: nothing else passes.
   */
  private static final Pattern CUSTOM_FIELD =
      Pattern.compile("(?:([A-Za-z](?:_?[A-Za-z0-9])*)__)?([A-Za-z](?:_?[A-Za-z0-9])*)__c");

  private static final int MAX_NAMESPACE = 15;
  private static final int MAX_FIELD_NAME = 40;

  /** TRUE, FALSE (any case), or an AssignmentRule id (key prefix 01Q, 15 or 18 characters). */
  private static final Pattern AUTO_ASSIGN =
      Pattern.compile("(?i:true|false)|01Q[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?");

  /**
   * The settings before this record knew the JWT audience, the assignment and the duplicate header:
   * the audience derived from the login URL, assignment rules off, allowSave on.
   */
  public SalesforceConfig(
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
    this(
        loginUrl,
        apiVersion,
        authFlow,
        clientId,
        clientSecret,
        username,
        privateKeyPem,
        externalIdField,
        closedStatuses,
        timeout,
        defaultJwtAudience(loginUrl),
        "FALSE",
        true);
  }

  public SalesforceConfig {
    if (!API_VERSION.matcher(apiVersion).matches()) {
      throw new ConfigException(
          SALESFORCE_API_VERSION + " must look like 62.0, got '" + apiVersion + "'");
    }
    if (majorVersion(apiVersion) < MIN_API_VERSION) {
      throw new ConfigException(
          SALESFORCE_API_VERSION
              + " must be "
              + MIN_API_VERSION
              + ".0 or later (sObject Collections upsert), got '"
              + apiVersion
              + "'");
    }
    if (duplicateAllowSave && majorVersion(apiVersion) < MIN_API_VERSION_DUPLICATE_HEADER) {
      throw new ConfigException(
          SALESFORCE_DUPLICATE_ALLOW_SAVE
              + "=true needs "
              + SALESFORCE_API_VERSION
              + " "
              + MIN_API_VERSION_DUPLICATE_HEADER
              + ".0 or later (the Duplicate Rule header), got '"
              + apiVersion
              + "'; raise the version or set "
              + SALESFORCE_DUPLICATE_ALLOW_SAVE
              + "=false");
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
    if (externalIdField != null && !isCustomFieldName(externalIdField)) {
      throw new ConfigException(
          SALESFORCE_EXTERNAL_ID_FIELD
              + " must be a custom field's API name (such as CrmVoice_Command_Id__c), got '"
              + externalIdField
              + "'");
    }
    closedStatuses = List.copyOf(closedStatuses);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new ConfigException(SALESFORCE_TIMEOUT_MS + " must be positive");
    }
    if (jwtAudience == null || jwtAudience.getScheme() == null || jwtAudience.getHost() == null) {
      throw new ConfigException(SALESFORCE_JWT_AUDIENCE + " must be an absolute URL");
    }
    if (autoAssign == null || !AUTO_ASSIGN.matcher(autoAssign).matches()) {
      throw new ConfigException(
          SALESFORCE_AUTO_ASSIGN
              + " must be FALSE, TRUE or an assignment rule id (01Q...), got '"
              + autoAssign
              + "'");
    }
    if (autoAssign.equalsIgnoreCase("true") || autoAssign.equalsIgnoreCase("false")) {
      autoAssign = autoAssign.toUpperCase(Locale.ROOT);
    }
  }

  /**
   * The JWT bearer {@code aud} for a login URL. Salesforce accepts only
   * https://login.salesforce.com (production), https://test.salesforce.com (sandboxes and scratch
   * orgs) or an Experience Cloud site URL, whichever host the token request goes to; a My Domain
   * host is refused with "invalid_grant: audience is invalid"
   * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm). A sandbox is
   * recognised by test.salesforce.com, a {@code .sandbox.my.salesforce.com} or {@code
   * .scratch.my.salesforce.com} host, or a My Domain name with "--" (MyDomain--SandboxName, the
   * format before enhanced domains); everything else is production. An Experience Cloud site needs
   * {@code SALESFORCE_JWT_AUDIENCE}.
   */
  public static URI defaultJwtAudience(URI loginUrl) {
    String host = loginUrl.getHost() == null ? "" : loginUrl.getHost().toLowerCase(Locale.ROOT);
    boolean sandbox =
        host.equals("test.salesforce.com")
            || host.endsWith(".sandbox.my.salesforce.com")
            || host.endsWith(".scratch.my.salesforce.com")
            || (host.endsWith(".my.salesforce.com")
                && host.substring(0, host.indexOf('.')).contains("--"));
    return sandbox ? SANDBOX_AUDIENCE : PRODUCTION_AUDIENCE;
  }

  /** This configuration with another per-request timeout. */
  public SalesforceConfig withTimeout(Duration timeout) {
    return new SalesforceConfig(
        loginUrl,
        apiVersion,
        authFlow,
        clientId,
        clientSecret,
        username,
        privateKeyPem,
        externalIdField,
        closedStatuses,
        timeout,
        jwtAudience,
        autoAssign,
        duplicateAllowSave);
  }

  private static boolean isCustomFieldName(String name) {
    var m = CUSTOM_FIELD.matcher(name);
    return m.matches()
        && (m.group(1) == null || m.group(1).length() <= MAX_NAMESPACE)
        && m.group(2).length() <= MAX_FIELD_NAME;
  }

  private static int majorVersion(String apiVersion) {
    return Integer.parseInt(apiVersion.substring(0, apiVersion.indexOf('.')));
  }

  public static SalesforceConfig fromEnv(EnvironmentReader env) {
    URI loginUrl = env.uri(SALESFORCE_LOGIN_URL, DEFAULT_LOGIN_URL);
    return new SalesforceConfig(
        loginUrl,
        env.optional(SALESFORCE_API_VERSION, DEFAULT_API_VERSION),
        AuthFlow.parse(env.optional(SALESFORCE_AUTH_FLOW, "jwt-bearer")),
        env.optional(SALESFORCE_CLIENT_ID),
        env.optional(SALESFORCE_CLIENT_SECRET),
        env.optional(SALESFORCE_USERNAME),
        env.optional(SALESFORCE_PRIVATE_KEY),
        env.optional(SALESFORCE_EXTERNAL_ID_FIELD),
        env.list(SALESFORCE_CLOSED_STATUSES, DEFAULT_CLOSED_STATUSES),
        Duration.ofMillis(env.intValue(SALESFORCE_TIMEOUT_MS, 5000, 100, 120_000)),
        env.optional(SALESFORCE_JWT_AUDIENCE) == null
            ? defaultJwtAudience(loginUrl)
            : env.uri(SALESFORCE_JWT_AUDIENCE, null),
        env.optional(SALESFORCE_AUTO_ASSIGN, "FALSE"),
        env.bool(SALESFORCE_DUPLICATE_ALLOW_SAVE, true));
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
        + ", jwtAudience="
        + jwtAudience
        + ", autoAssign="
        + autoAssign
        + ", duplicateAllowSave="
        + duplicateAllowSave
        + "]";
  }
}
