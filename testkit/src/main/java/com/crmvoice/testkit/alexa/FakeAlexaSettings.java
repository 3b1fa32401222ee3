package com.crmvoice.testkit.alexa;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Alexa settings API's time zone, {@code GET /v2/devices/{deviceId}/settings/System.timeZone},
 * as part of {@link FakeAlexaApi}. As strict as the Device Settings API reference on what the skill
 * relies on
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/device-settings-api-reference.html):
 * GET only (405 otherwise), {@code Authorization: Bearer <the request's apiAccessToken>} (401 when
 * missing or malformed, 403 for a token this device was not given), {@code Accept:
 * application/json} (400 without it, as the reference lists it among the request headers); the
 * answer is a JSON string such as {@code "Europe/Berlin"} with {@code application/json}. A device
 * nobody set a zone for answers 204 No Content. Still more lenient than Alexa: it does not expire
 * tokens and does not limit the request rate (429).
 */
final class FakeAlexaSettings {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TIME_ZONE =
      Pattern.compile("/v2/devices/([^/]+)/settings/System\\.timeZone");

  private record Device(String zone, String apiAccessToken) {}

  private final Map<String, Device> devices = new ConcurrentHashMap<>();

  /** Whether this resource answers {@code path}. */
  static boolean serves(String path) {
    return TIME_ZONE.matcher(path).matches();
  }

  void timeZone(String deviceId, String zone, String apiAccessToken) {
    devices.put(deviceId, new Device(zone, apiAccessToken));
  }

  void handle(HttpExchange exchange) throws IOException {
    Matcher path = TIME_ZONE.matcher(exchange.getRequestURI().getPath());
    if (!path.matches()) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      exchange.sendResponseHeaders(405, -1);
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null
        || !authorization.startsWith("Bearer ")
        || authorization.substring(7).isBlank()) {
      error(exchange, 401, "The authentication token is malformed or invalid.");
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    if (accept == null || !accept.contains("application/json")) {
      error(exchange, 400, "The request must accept application/json.");
      return;
    }
    Device device = devices.get(path.group(1));
    if (device == null) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    if (!device.apiAccessToken().equals(authorization.substring(7))) {
      error(exchange, 403, "The authentication token does not have access to the resource.");
      return;
    }
    LoopbackHttpServer.respond(
        exchange,
        200,
        "application/json",
        JSON.writeValueAsString(device.zone()).getBytes(StandardCharsets.UTF_8));
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    LoopbackHttpServer.respond(
        exchange,
        status,
        "application/json",
        JSON.createObjectNode()
            .put("type", status == 403 ? "FORBIDDEN" : "INVALID_REQUEST")
            .put("message", message)
            .toString()
            .getBytes(StandardCharsets.UTF_8));
  }
}
