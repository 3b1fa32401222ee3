package com.crmvoice.testkit.alexa;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Login with Amazon's token endpoint ({@code POST /auth/o2/token}) on loopback, for the client
 * credentials grant a skill uses to send Proactive Events: a form-encoded body with {@code
 * grant_type=client_credentials}, the skill's {@code client_id} and {@code client_secret}, and
 * {@code scope=alexa::proactive_events}. Answers 200 with {@code access_token}, {@code expires_in}
 * (3600), {@code scope} and {@code token_type} (bearer); a wrong client id or secret is 401 {@code
 * invalid_client}, another scope 400 {@code invalid_scope}, another grant 400 {@code
 * unsupported_grant_type}, a missing parameter 400 {@code invalid_request}. As documented in
 * https://developer.amazon.com/en-US/docs/alexa/smapi/proactive-events-api.html and
 * https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html (error codes).
 *
 * <p>More lenient than the real endpoint: it does not accept HTTP Basic client authentication (the
 * code under test sends the credentials in the body), and it rates nothing.
 */
public final class FakeLwaTokenEndpoint implements AutoCloseable {

  public static final String PATH = "/auth/o2/token";
  public static final String SCOPE = "alexa::proactive_events";
  static final Duration LIFETIME = Duration.ofHours(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final LoopbackHttpServer http;
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();
  private final AtomicInteger grants = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  private FakeLwaTokenEndpoint(String clientId, String clientSecret, Clock clock) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
    this.http = LoopbackHttpServer.start(0, 16, 2, "fake-lwa", "/", this::handle);
  }

  /** Accepts exactly this client id and secret. */
  public static FakeLwaTokenEndpoint start(String clientId, String clientSecret, Clock clock) {
    return new FakeLwaTokenEndpoint(clientId, clientSecret, clock);
  }

  /** The token URL: http://127.0.0.1:PORT/auth/o2/token. */
  public URI tokenUrl() {
    return URI.create("http://127.0.0.1:" + http.port() + PATH);
  }

  /** Whether {@code token} was issued here and has not expired or been revoked. */
  public boolean isValid(String token) {
    Instant expires = token == null ? null : issued.get(token);
    return expires != null && clock.instant().isBefore(expires);
  }

  /** Revokes every token issued so far (the next API call with one of them is a 401). */
  public void revokeAll() {
    issued.clear();
  }

  /** How many tokens were granted. */
  public int grants() {
    return grants.get();
  }

  /** How many requests arrived, granted or not. */
  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!exchange.getRequestMethod().equals("POST")
          || !exchange.getRequestURI().getPath().equals(PATH)) {
        answer(exchange, 404, Map.of("error", "not_found"));
        return;
      }
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
        answer(exchange, 400, error("invalid_request", "form-encoded body required"));
        return;
      }
      Map<String, String> form = form(body);
      for (String name : new String[] {"grant_type", "client_id", "client_secret", "scope"}) {
        if (form.get(name) == null || form.get(name).isBlank()) {
          answer(exchange, 400, error("invalid_request", name + " is missing"));
          return;
        }
      }
      if (!form.get("grant_type").equals("client_credentials")) {
        answer(exchange, 400, error("unsupported_grant_type", "client_credentials only"));
        return;
      }
      if (!form.get("client_id").equals(clientId)
          || !form.get("client_secret").equals(clientSecret)) {
        answer(exchange, 401, error("invalid_client", "Client authentication failed"));
        return;
      }
      if (!form.get("scope").equals(SCOPE)) {
        answer(exchange, 400, error("invalid_scope", "An unknown scope was requested"));
        return;
      }
      String token = "Atc|" + UUID.randomUUID();
      issued.put(token, clock.instant().plus(LIFETIME));
      grants.incrementAndGet();
      Map<String, Object> ok = new HashMap<>();
      ok.put("access_token", token);
      ok.put("expires_in", LIFETIME.toSeconds());
      ok.put("scope", SCOPE);
      ok.put("token_type", "bearer");
      answer(exchange, 200, ok);
    }
  }

  private static Map<String, Object> error(String code, String description) {
    return Map.of("error", code, "error_description", description);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> values = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void answer(HttpExchange exchange, int status, Map<String, ?> body)
      throws IOException {
    LoopbackHttpServer.respond(
        exchange, status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
  }

  @Override
  public void close() {
    http.close();
  }
}
