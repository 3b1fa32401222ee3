package com.crmvoice.adapters.alexa;

import com.crmvoice.core.config.NotificationConfig;
import com.crmvoice.core.port.NotifierRejectedException;
import com.crmvoice.core.port.NotifierUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skill's Login with Amazon access token for the Proactive Events API: the client credentials
 * grant with scope {@code alexa::proactive_events}, cached until a minute before it expires ({@code
 * expires_in}), and fetched anew when the API refuses it with 401. Concurrent callers share one
 * fetch. https://developer.amazon.com/en-US/docs/alexa/smapi/proactive-events-api.html (section
 * "Get the access token").
 */
public final class LwaTokens {

  private static final Logger LOG = LoggerFactory.getLogger(LwaTokens.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final String SCOPE = "alexa::proactive_events";

  /** A token this close to its expiry is not used any more. */
  static final Duration EARLY = Duration.ofSeconds(60);

  private record Token(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[expiresAt=" + expiresAt + "]";
    }
  }

  private final NotificationConfig config;
  private final HttpClient http;
  private final Clock clock;
  private Token token;

  public LwaTokens(NotificationConfig config, HttpClient http, Clock clock) {
    this.config = config;
    this.http = http;
    this.clock = clock;
  }

  /** A valid access token, from the cache when it has one. */
  public synchronized String token() {
    if (token == null || !clock.instant().isBefore(token.expiresAt().minus(EARLY))) {
      token = fetch();
    }
    return token.value();
  }

  /**
   * The API refused {@code stale}: fetch a new token, unless another caller already replaced it.
   */
  public synchronized String refresh(String stale) {
    if (token == null || token.value().equals(stale)) {
      LOG.info("proactive events token refused (401); fetching a new one");
      token = fetch();
    }
    return token.value();
  }

  private Token fetch() {
    String form =
        Stream.of(
                new String[] {"grant_type", "client_credentials"},
                new String[] {"client_id", config.clientId()},
                new String[] {"client_secret", config.clientSecret()},
                new String[] {"scope", SCOPE})
            .map(
                p ->
                    URLEncoder.encode(p[0], StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(config.tokenUrl())
            .timeout(config.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NotifierUnavailableException(
          "token endpoint unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotifierUnavailableException("token request interrupted", e);
    }
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      throw new NotifierUnavailableException("token endpoint answered HTTP " + status);
    }
    JsonNode json = parse(response.body());
    if (status != 200 || json == null || !json.hasNonNull("access_token")) {
      String error = json == null ? "invalid_response" : json.path("error").asText("unknown");
      // invalid_client, invalid_scope: the skill's credentials or manifest are wrong. Every later
      // notice would be refused the same way, so it is not retried.
      throw new NotifierRejectedException(status, "token refused: " + error);
    }
    long seconds = json.path("expires_in").asLong(3600);
    LOG.info("proactive events token obtained expiresIn={}s", seconds);
    return new Token(json.get("access_token").asText(), clock.instant().plusSeconds(seconds));
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
