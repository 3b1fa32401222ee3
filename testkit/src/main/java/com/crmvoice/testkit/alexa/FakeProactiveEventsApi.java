package com.crmvoice.testkit.alexa;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Alexa Proactive Events API on loopback: {@code POST /v1/proactiveEvents/stages/development}
 * and {@code POST /v1/proactiveEvents} (live). Checks each request as Amazon documents it
 * (https://developer.amazon.com/en-US/docs/alexa/smapi/proactive-events-api.html and
 * https://developer.amazon.com/en-US/docs/alexa/smapi/schemas-for-proactive-events.html):
 *
 * <ul>
 *   <li>{@code Authorization: Bearer} with a token the {@link FakeLwaTokenEndpoint} issued and that
 *       has not expired, else 401;
 *   <li>a JSON body with {@code timestamp} and {@code expiryTime} in ISO 8601, the expiry at least
 *       5 minutes and at most 24 hours after the timestamp; a non-blank {@code referenceId} of at
 *       most 100 characters; {@code event.name} one of the documented schemas, and for {@code
 *       AMAZON.MessageAlert.Activated} its payload ({@code state.status} UNREAD or FLAGGED, {@code
 *       state.freshness} NEW or OVERDUE when set, {@code messageGroup.creator.name}, {@code
 *       messageGroup.count} of at least 1, {@code urgency} URGENT when set); a non-empty {@code
 *       localizedAttributes} array whose entries each name a {@code locale}; {@code
 *       relevantAudience.type} Unicast (with {@code payload.user} an {@code amzn1.ask.account.} id)
 *       or Multicast (with an empty payload). Any violation is 400 {@code INVALID_REQUEST};
 *   <li>accepted: 202, the event recorded and passed to the listener.
 * </ul>
 *
 * A test may queue answers ({@link #failNext}) such as 429, 500 or 403.
 *
 * <p>More lenient than the real API: it does not check that the user enabled notifications for the
 * skill or that the skill's manifest publishes the schema (the skill-package tests do), checks the
 * payload of MessageAlert only, and does not throttle on its own.
 */
public final class FakeProactiveEventsApi implements AutoCloseable {

  public static final String DEVELOPMENT_PATH = "/v1/proactiveEvents/stages/development";
  public static final String LIVE_PATH = "/v1/proactiveEvents";

  static final Set<String> SCHEMAS =
      Set.of(
          "AMAZON.WeatherAlert.Activated",
          "AMAZON.SportsEvent.Updated",
          "AMAZON.MessageAlert.Activated",
          "AMAZON.OrderStatus.Updated",
          "AMAZON.Occasion.Updated",
          "AMAZON.TrashCollectionAlert.Activated",
          "AMAZON.MediaContent.Available",
          "AMAZON.SocialGameInvite.Available");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One accepted event. */
  public record Event(
      String stage, String referenceId, String user, String locale, String name, JsonNode body) {

    /** The MessageAlert creator's name: what Alexa reads out. */
    public String creatorName() {
      return body.path("event")
          .path("payload")
          .path("messageGroup")
          .path("creator")
          .path("name")
          .asText();
    }
  }

  private final FakeLwaTokenEndpoint tokens;
  private final LoopbackHttpServer http;
  private final List<Event> accepted = new ArrayList<>();
  private final Deque<Integer> scripted = new ArrayDeque<>();
  private int rejected;
  private volatile Consumer<Event> listener = e -> {};

  private FakeProactiveEventsApi(FakeLwaTokenEndpoint tokens) {
    this.tokens = tokens;
    this.http = LoopbackHttpServer.start(0, 16, 2, "fake-proactive-events", "/", this::handle);
  }

  /** Accepts bearer tokens that {@code tokens} issued. */
  public static FakeProactiveEventsApi start(FakeLwaTokenEndpoint tokens) {
    return new FakeProactiveEventsApi(tokens);
  }

  /** http://127.0.0.1:PORT: the API host, for every region. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  /** Calls {@code listener} with each accepted event (the simulator prints them). */
  public void onEvent(Consumer<Event> listener) {
    this.listener = listener;
  }

  /** The next {@code times} valid requests are answered {@code status} instead of 202. */
  public synchronized void failNext(int status, int times) {
    for (int i = 0; i < times; i++) {
      scripted.add(status);
    }
  }

  public synchronized List<Event> accepted() {
    return List.copyOf(accepted);
  }

  /** How many requests were refused (invalid, unauthorised or scripted). */
  public synchronized int rejected() {
    return rejected;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("POST")
          || !(path.equals(DEVELOPMENT_PATH) || path.equals(LIVE_PATH))) {
        answer(exchange, 404, "NOT_FOUND", "no such resource");
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null
          || !auth.startsWith("Bearer ")
          || !tokens.isValid(auth.substring("Bearer ".length()))) {
        answer(exchange, 401, "INVALID_ACCESS_TOKEN", "The access token is invalid or expired");
        return;
      }
      JsonNode json;
      try {
        json = JSON.readTree(body);
      } catch (IOException e) {
        answer(exchange, 400, "INVALID_REQUEST", "body is not JSON");
        return;
      }
      String problem = json == null ? "empty body" : problem(json);
      if (problem != null) {
        answer(exchange, 400, "INVALID_REQUEST", problem);
        return;
      }
      Integer status;
      synchronized (this) {
        status = scripted.poll();
      }
      if (status != null) {
        answer(exchange, status, status == 429 ? "TOO_MANY_REQUESTS" : "SCRIPTED", "scripted");
        return;
      }
      Event event =
          new Event(
              path.equals(LIVE_PATH) ? "live" : "development",
              json.get("referenceId").asText(),
              json.path("relevantAudience").path("payload").path("user").asText(null),
              json.get("localizedAttributes").get(0).get("locale").asText(),
              json.path("event").path("name").asText(),
              json);
      synchronized (this) {
        accepted.add(event);
      }
      listener.accept(event);
      exchange.sendResponseHeaders(202, -1);
    }
  }

  static String problem(JsonNode json) {
    Instant timestamp = instant(json, "timestamp");
    Instant expiry = instant(json, "expiryTime");
    if (timestamp == null) {
      return "timestamp must be an ISO 8601 date-time";
    }
    if (expiry == null) {
      return "expiryTime must be an ISO 8601 date-time";
    }
    Duration lifetime = Duration.between(timestamp, expiry);
    if (lifetime.compareTo(Duration.ofMinutes(5)) < 0
        || lifetime.compareTo(Duration.ofHours(24)) > 0) {
      return "expiryTime must be between 5 minutes and 24 hours after timestamp";
    }
    String reference = json.path("referenceId").asText("");
    if (reference.isBlank() || reference.length() > 100) {
      return "referenceId must be 1 to 100 characters";
    }
    String name = json.path("event").path("name").asText("");
    if (!SCHEMAS.contains(name)) {
      return "event.name is not a known schema: " + name;
    }
    if (name.equals("AMAZON.MessageAlert.Activated")) {
      String payload = messageAlertProblem(json.path("event").path("payload"));
      if (payload != null) {
        return payload;
      }
    }
    JsonNode attributes = json.path("localizedAttributes");
    if (!attributes.isArray() || attributes.isEmpty()) {
      return "localizedAttributes must be a non-empty array";
    }
    for (JsonNode entry : attributes) {
      if (entry.path("locale").asText("").isBlank()) {
        return "each localizedAttributes entry needs a locale";
      }
    }
    JsonNode audience = json.path("relevantAudience");
    String type = audience.path("type").asText("");
    if (type.equals("Unicast")) {
      if (!audience.path("payload").path("user").asText("").startsWith("amzn1.ask.account.")) {
        return "a Unicast audience needs payload.user, an amzn1.ask.account. id";
      }
    } else if (type.equals("Multicast")) {
      if (!audience.path("payload").isObject() || !audience.path("payload").isEmpty()) {
        return "a Multicast audience has an empty payload";
      }
    } else {
      return "relevantAudience.type must be Unicast or Multicast";
    }
    return null;
  }

  private static String messageAlertProblem(JsonNode payload) {
    String status = payload.path("state").path("status").asText("");
    if (!Set.of("UNREAD", "FLAGGED").contains(status)) {
      return "state.status must be UNREAD or FLAGGED";
    }
    JsonNode freshness = payload.path("state").path("freshness");
    if (!freshness.isMissingNode() && !Set.of("NEW", "OVERDUE").contains(freshness.asText())) {
      return "state.freshness must be NEW or OVERDUE";
    }
    JsonNode group = payload.path("messageGroup");
    if (group.path("creator").path("name").asText("").isBlank()) {
      return "messageGroup.creator.name is required";
    }
    if (!group.path("count").isInt() || group.path("count").asInt() < 1) {
      return "messageGroup.count must be a whole number of at least 1";
    }
    JsonNode urgency = group.path("urgency");
    if (!urgency.isMissingNode() && !urgency.asText().equals("URGENT")) {
      return "messageGroup.urgency must be URGENT when set";
    }
    return null;
  }

  private static Instant instant(JsonNode json, String field) {
    String value = json.path(field).asText(null);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private void answer(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    synchronized (this) {
      rejected++;
    }
    LoopbackHttpServer.respond(
        exchange,
        status,
        "application/json",
        JSON.writeValueAsBytes(Map.of("code", code, "message", message)));
  }

  @Override
  public void close() {
    http.close();
  }
}
