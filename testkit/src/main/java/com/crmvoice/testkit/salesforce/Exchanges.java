package com.crmvoice.testkit.salesforce;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the fake reads requests and writes answers: JSON bodies, Salesforce's error arrays, OAuth
 * errors and the {@code Sforce-Limit-Info} header, which reports the API usage counted here.
 */
final class Exchanges {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SF_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private final AtomicInteger apiUsage = new AtomicInteger();

  /** Counts one data request against the org's daily API limit. */
  void countApiRequest() {
    apiUsage.incrementAndGet();
  }

  void sendJson(HttpExchange exchange, int status, JsonNode body, boolean limitInfo)
      throws IOException {
    if (limitInfo) {
      exchange
          .getResponseHeaders()
          .set("Sforce-Limit-Info", "api-usage=" + apiUsage.get() + "/" + FakeSalesforce.API_LIMIT);
    }
    LoopbackHttpServer.respond(
        exchange, status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
  }

  void sendOAuthError(HttpExchange exchange, int status, String error, String description)
      throws IOException {
    sendJson(
        exchange,
        status,
        JSON.createObjectNode().put("error", error).put("error_description", description),
        false);
  }

  /** Answers 400 with a JSON_PARSER_ERROR carrying {@code message}. */
  void sendParserError(HttpExchange exchange, String message) throws IOException {
    sendJson(exchange, 400, errors("JSON_PARSER_ERROR", message), true);
  }

  /**
   * The body of an sObject Collections request: a JSON object with a {@code records} array of at
   * most 200; else null, after answering 400 as Salesforce does.
   */
  JsonNode collectionsBody(HttpExchange exchange) throws IOException {
    JsonNode body = readJson(exchange);
    if (body == null || !body.path("records").isArray()) {
      sendParserError(exchange, "The request body must contain a records array");
      return null;
    }
    if (body.get("records").size() > 200) {
      sendJson(
          exchange,
          400,
          errors(
              "EXCEEDED_ID_LIMIT",
              "record limit reached. cannot submit more than 200 records into this call"),
          true);
      return null;
    }
    return body;
  }

  /**
   * Answers 400 INVALID_FIELD, as Salesforce does when an sObject Collections upsert names a field
   * that is not an External ID of {@code sObject}.
   */
  void sendNotAnExternalId(HttpExchange exchange, String field, String sObject) throws IOException {
    sendJson(
        exchange,
        400,
        errors(
            "INVALID_FIELD",
            "Field name provided, "
                + field
                + " is not an External ID or indexed field for "
                + sObject),
        true);
  }

  /** The REST API's error body: an array of {@code {message, errorCode}}. */
  static ArrayNode errors(String code, String message) {
    ArrayNode errors = JSON.createArrayNode();
    errors.addObject().put("message", message).put("errorCode", code);
    return errors;
  }

  /** One record's error in an sObject Collections result: {@code {statusCode, message, fields}}. */
  static ArrayNode recordErrors(String statusCode, String message) {
    ArrayNode errors = JSON.createArrayNode();
    errors.addObject().put("statusCode", statusCode).put("message", message).putArray("fields");
    return errors;
  }

  static void putValue(ObjectNode node, String field, Object value) {
    if (value == null) {
      node.putNull(field);
    } else if (value instanceof Instant instant) {
      node.put(field, SF_DATETIME.format(instant));
    } else if (value instanceof Boolean b) {
      node.put(field, b);
    } else if (value instanceof java.math.BigDecimal number) {
      // Salesforce answers number, currency and percent fields as JSON numbers.
      node.put(field, number);
    } else {
      node.put(field, value.toString());
    }
  }

  static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The request body as JSON, or null when it is not JSON. */
  static JsonNode readJson(HttpExchange exchange) throws IOException {
    try {
      return JSON.readTree(readBody(exchange));
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(key, value);
    }
    return form;
  }

  static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    return parseForm(rawQuery).get(name);
  }

  /** The user and password of an {@code Authorization: Basic} header, or null. */
  static String[] basicAuth(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded =
        new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    return colon < 0
        ? null
        : new String[] {
          URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
        };
  }

  static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Thrown to close the exchange without a response: the client sees the connection drop. */
  static final class DropConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
