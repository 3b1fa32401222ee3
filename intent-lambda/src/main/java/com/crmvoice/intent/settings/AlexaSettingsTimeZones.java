package com.crmvoice.intent.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's time zone from the Alexa settings API: {@code GET
 * {apiEndpoint}/v2/devices/{deviceId}/settings/System.timeZone} with the request's apiAccessToken
 * as a bearer token and {@code Accept: application/json}; the answer is a JSON string such as
 * {@code "Europe/Berlin"} (<a
 * href="https://developer.amazon.com/en-US/docs/alexa/custom-skills/device-settings-api-reference.html">Device
 * Settings API reference</a>). Waits at most the configured timeout; anything but a 200 with a zone
 * (no token, a 204, 4xx, 5xx, a timeout, a zone Java does not know) is the default.
 *
 * <p>Kept per device per container: a zone an hour, a failure a minute, so a user's first turn pays
 * for the call and the next ones do not. The cache holds at most {@link #MAX_DEVICES}.
 */
public final class AlexaSettingsTimeZones implements TimeZones {

  private static final Logger LOG = LoggerFactory.getLogger(AlexaSettingsTimeZones.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final int MAX_DEVICES = 1000;
  static final Duration ZONE_KEPT = Duration.ofHours(1);
  static final Duration FAILURE_KEPT = Duration.ofMinutes(1);

  /** Device ids are amzn1.ask.device.…: nothing that needs escaping in a path segment. */
  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,512}");

  private record Kept(ZoneId zone, Instant until) {}

  private final HttpClient http;
  private final Duration timeout;
  private final ZoneId fallback;
  private final Clock clock;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  public AlexaSettingsTimeZones(HttpClient http, Duration timeout, ZoneId fallback, Clock clock) {
    this.http = http;
    this.timeout = timeout;
    this.fallback = fallback;
    this.clock = clock;
  }

  /** A client of its own: HTTP/1.1, connect timeout as the call's, no redirects. */
  public static AlexaSettingsTimeZones create(Duration timeout, ZoneId fallback) {
    return new AlexaSettingsTimeZones(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        timeout,
        fallback,
        Clock.systemUTC());
  }

  @Override
  public ZoneId zone(String apiEndpoint, String apiAccessToken, String deviceId) {
    if (apiEndpoint == null
        || apiAccessToken == null
        || deviceId == null
        || !DEVICE_ID.matcher(deviceId).matches()) {
      return fallback;
    }
    Instant now = clock.instant();
    Kept known = kept.get(deviceId);
    if (known != null && now.isBefore(known.until())) {
      return known.zone();
    }
    ZoneId asked = ask(apiEndpoint, apiAccessToken, deviceId);
    if (kept.size() >= MAX_DEVICES) {
      kept.clear();
    }
    kept.put(
        deviceId,
        asked == null
            ? new Kept(fallback, now.plus(FAILURE_KEPT))
            : new Kept(asked, now.plus(ZONE_KEPT)));
    return asked == null ? fallback : asked;
  }

  private ZoneId ask(String apiEndpoint, String apiAccessToken, String deviceId) {
    String base =
        apiEndpoint.endsWith("/")
            ? apiEndpoint.substring(0, apiEndpoint.length() - 1)
            : apiEndpoint;
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(
                  URI.create(base + "/v2/devices/" + deviceId + "/settings/System.timeZone"))
              .timeout(timeout)
              .header("Authorization", "Bearer " + apiAccessToken)
              .header("Accept", "application/json")
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      LOG.warn("time zone not asked: bad API endpoint; using {}", fallback);
      return null;
    }
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      LOG.warn("time zone not answered ({}); using {}", e.getClass().getSimpleName(), fallback);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (response.statusCode() != 200) {
      LOG.warn("time zone refused: HTTP {}; using {}", response.statusCode(), fallback);
      return null;
    }
    try {
      JsonNode zone = JSON.readTree(response.body());
      if (zone == null || !zone.isTextual()) {
        LOG.warn("time zone answer is not a JSON string; using {}", fallback);
        return null;
      }
      return ZoneId.of(zone.asText());
    } catch (IOException | DateTimeException e) {
      LOG.warn("time zone answer not understood; using {}", fallback);
      return null;
    }
  }
}
