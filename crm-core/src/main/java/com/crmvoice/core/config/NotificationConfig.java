package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How notifications reach Alexa: the skill's client credentials for Login with Amazon, the token
 * endpoint, the Proactive Events API host per region, the stage (development while the skill is in
 * development, live once it is certified), and how long a notification stays on the device.
 *
 * <p>Hosts and token endpoint as Amazon documents them:
 * https://developer.amazon.com/en-US/docs/alexa/smapi/proactive-events-api.html
 *
 * @param apiEndpoints the API host per region (NA, EU, FE); one override ({@link
 *     EnvironmentVariables#ALEXA_API_ENDPOINT}) replaces all three, for local runs against a fake
 * @param expiry how long after its timestamp the event expires: Amazon allows 5 minutes to 24 hours
 * @param maxReceiveCount the notification queue's redrive maxReceiveCount
 */
public record NotificationConfig(
    String clientId,
    String clientSecret,
    URI tokenUrl,
    Map<String, URI> apiEndpoints,
    Stage stage,
    Duration expiry,
    Duration timeout,
    int maxReceiveCount) {

  /** The Proactive Events API's two stages. */
  public enum Stage {
    DEVELOPMENT("/v1/proactiveEvents/stages/development"),
    LIVE("/v1/proactiveEvents");

    private final String path;

    Stage(String path) {
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  public static final URI DEFAULT_TOKEN_URL = URI.create("https://api.amazon.com/auth/o2/token");

  public static final Map<String, URI> DEFAULT_API_ENDPOINTS =
      Map.of(
          "NA", URI.create("https://api.amazonalexa.com"),
          "EU", URI.create("https://api.eu.amazonalexa.com"),
          "FE", URI.create("https://api.fe.amazonalexa.com"));

  public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;

  public NotificationConfig {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    apiEndpoints = Map.copyOf(apiEndpoints);
    if (expiry.compareTo(Duration.ofMinutes(5)) < 0 || expiry.compareTo(Duration.ofHours(24)) > 0) {
      throw new ConfigException(NOTIFICATION_EXPIRY_MINUTES + " must be between 5 and 1440");
    }
  }

  /** The API host for a region; unknown regions go to NA. */
  public URI endpointFor(String region) {
    URI uri = apiEndpoints.get(region);
    return uri == null ? apiEndpoints.get("NA") : uri;
  }

  /**
   * @throws ConfigException when the client id or secret is missing, or a value is out of range
   */
  public static NotificationConfig fromEnv(EnvironmentReader env) {
    URI override =
        env.optional(ALEXA_API_ENDPOINT) == null ? null : env.uri(ALEXA_API_ENDPOINT, null);
    Map<String, URI> endpoints =
        override == null
            ? DEFAULT_API_ENDPOINTS
            : Map.of("NA", override, "EU", override, "FE", override);
    String stage = env.optional(PROACTIVE_EVENTS_STAGE, "development").toUpperCase(Locale.ROOT);
    Stage parsed;
    try {
      parsed = Stage.valueOf(stage);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(PROACTIVE_EVENTS_STAGE + " must be development or live");
    }
    return new NotificationConfig(
        env.required(ALEXA_CLIENT_ID),
        env.required(ALEXA_CLIENT_SECRET),
        env.uri(ALEXA_LWA_TOKEN_URL, DEFAULT_TOKEN_URL.toString()),
        endpoints,
        parsed,
        Duration.ofMinutes(env.intValue(NOTIFICATION_EXPIRY_MINUTES, 12 * 60, 5, 24 * 60)),
        Duration.ofSeconds(10),
        env.intValue(NOTIFICATION_MAX_RECEIVE_COUNT, DEFAULT_MAX_RECEIVE_COUNT, 1, 1000));
  }

  @Override
  public String toString() {
    return "NotificationConfig[tokenUrl="
        + tokenUrl
        + ", apiEndpoints="
        + apiEndpoints
        + ", stage="
        + stage
        + ", expiry="
        + expiry
        + "]";
  }
}
