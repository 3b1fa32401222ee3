package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to reach and sign in to Microsoft Dynamics 365 Sales (the Dataverse Web API) as an
 * application user, with the Microsoft identity platform's OAuth 2.0 client credentials flow.
 *
 * @param orgUrl the environment's URL, https://{org}.crm.dynamics.com (or a regional host); the
 *     token's scope is this URL followed by {@code /.default}
 * @param apiVersion the Web API version, "9.2"
 * @param tenantId the Microsoft Entra tenant (a GUID or a verified domain)
 * @param clientId the app registration's application (client) id
 * @param clientSecret the app registration's client secret
 * @param authorityUrl the identity platform host, https://login.microsoftonline.com
 * @param commandIdColumn the lead, phone call and task column holding the command id: an alternate
 *     key on lead, so a redelivered command finds its lead instead of creating a second
 * @param timeout per HTTP request
 */
public record DataverseConfig(
    URI orgUrl,
    String apiVersion,
    String tenantId,
    String clientId,
    String clientSecret,
    URI authorityUrl,
    String commandIdColumn,
    Duration timeout) {

  public static final String DEFAULT_API_VERSION = "9.2";
  public static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
  public static final String DEFAULT_COMMAND_ID_COLUMN = "crmvoice_commandid";

  /**
   * The lead status reasons that are not open in a Sales org: Qualified (statecode 1) and the
   * Disqualified state's (statecode 2) Lost, Cannot Contact, No Longer Interested, Canceled.
   */
  public static final java.util.List<String> CLOSED_LEAD_STATUSES =
      java.util.List.of("Qualified", "Lost", "Cannot Contact", "No Longer Interested", "Canceled");

  private static final Pattern API_VERSION = Pattern.compile("9\\.[0-9]");

  /**
   * A custom column's logical name: a publisher prefix, an underscore, lowercase letters, digits
   * and underscores, at most 50 characters. It goes into URLs, so nothing else passes.
   */
  private static final Pattern LOGICAL_NAME = Pattern.compile("[a-z][a-z0-9]{1,7}_[a-z0-9_]{1,41}");

  /** A tenant id: a GUID or a domain name; it goes into the token URL's path. */
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");

  public DataverseConfig {
    if (orgUrl == null || orgUrl.getScheme() == null || orgUrl.getHost() == null) {
      throw new ConfigException(
          DYNAMICS_URL + " must be an absolute URL such as https://org.crm.dynamics.com");
    }
    if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
      throw new ConfigException(
          DYNAMICS_API_VERSION + " must look like 9.2, got '" + apiVersion + "'");
    }
    if (tenantId == null || !TENANT.matcher(tenantId).matches()) {
      throw new ConfigException(DYNAMICS_TENANT_ID + " is required: the Entra tenant id or domain");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new ConfigException(DYNAMICS_CLIENT_ID + " is required but not set");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new ConfigException(DYNAMICS_CLIENT_SECRET + " is required but not set");
    }
    if (authorityUrl == null
        || authorityUrl.getScheme() == null
        || authorityUrl.getHost() == null) {
      throw new ConfigException(DYNAMICS_AUTHORITY_URL + " must be an absolute URL");
    }
    if (commandIdColumn == null || !LOGICAL_NAME.matcher(commandIdColumn).matches()) {
      throw new ConfigException(
          DYNAMICS_COMMAND_ID_COLUMN
              + " must be a custom column's logical name (such as crmvoice_commandid), got '"
              + commandIdColumn
              + "'");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new ConfigException(DYNAMICS_TIMEOUT_MS + " must be positive");
    }
    String url = orgUrl.toString();
    if (url.endsWith("/")) {
      orgUrl = URI.create(url.substring(0, url.length() - 1));
    }
  }

  /** The OAuth scope of the client credentials flow: the environment's URL and /.default. */
  public String scope() {
    return orgUrl + "/.default";
  }

  /** The v2.0 token endpoint of the tenant. */
  public URI tokenUrl() {
    String base = authorityUrl.toString().replaceAll("/$", "");
    return URI.create(base + "/" + tenantId + "/oauth2/v2.0/token");
  }

  /** The Web API's root, https://{org}.crm.dynamics.com/api/data/v9.2. */
  public String apiRoot() {
    return orgUrl + "/api/data/v" + apiVersion;
  }

  /** This configuration with another per-request timeout. */
  public DataverseConfig withTimeout(Duration timeout) {
    return new DataverseConfig(
        orgUrl,
        apiVersion,
        tenantId,
        clientId,
        clientSecret,
        authorityUrl,
        commandIdColumn,
        timeout);
  }

  public static DataverseConfig fromEnv(EnvironmentReader env) {
    String url = env.optional(DYNAMICS_URL);
    if (url == null) {
      throw new ConfigException(DYNAMICS_URL + " is required but not set");
    }
    return new DataverseConfig(
        env.uri(DYNAMICS_URL, null),
        env.optional(DYNAMICS_API_VERSION, DEFAULT_API_VERSION),
        env.optional(DYNAMICS_TENANT_ID),
        env.optional(DYNAMICS_CLIENT_ID),
        env.optional(DYNAMICS_CLIENT_SECRET),
        env.uri(DYNAMICS_AUTHORITY_URL, DEFAULT_AUTHORITY),
        env.optional(DYNAMICS_COMMAND_ID_COLUMN, DEFAULT_COMMAND_ID_COLUMN),
        Duration.ofMillis(env.intValue(DYNAMICS_TIMEOUT_MS, 5000, 100, 120_000)));
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "DataverseConfig[orgUrl="
        + orgUrl
        + ", apiVersion="
        + apiVersion
        + ", tenantId="
        + tenantId
        + ", authorityUrl="
        + authorityUrl
        + ", commandIdColumn="
        + commandIdColumn
        + ", timeout="
        + timeout
        + "]";
  }
}
