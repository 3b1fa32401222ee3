package com.crmvoice.adapters.salesforce;

import com.crmvoice.adapters.salesforce.SalesforceCrmGateway.ApiUsage;
import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST transport the Salesforce adapters share: authenticated requests on java.net.http with
 * the session refreshed once on 401 INVALID_SESSION_ID, Salesforce's error array mapped to
 * retryable and permanent failures, SOQL queries paged through {@code nextRecordsUrl} as the caller
 * consumes them, and API usage read from {@code Sforce-Limit-Info}.
 */
final class SalesforceHttp {

  private static final Logger LOG = LoggerFactory.getLogger(SalesforceHttp.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

  /** Per-record and per-request codes that may succeed when tried again. */
  static final Set<String> RETRYABLE_CODES =
      Set.of(
          "REQUEST_LIMIT_EXCEEDED",
          "UNABLE_TO_LOCK_ROW",
          "SERVER_UNAVAILABLE",
          "QUERY_TIMEOUT",
          "REQUEST_RUNNING_TOO_LONG",
          "TXN_SECURITY_END_A_SESSION",
          "UNKNOWN_EXCEPTION");

  /**
   * Codes that say the org or the integration user is set up so that the call cannot work until an
   * admin changes something: permanent whatever the HTTP status, never retried as an outage.
   * API_CURRENTLY_DISABLED is "API is disabled for this User" (the profile lacks API Enabled),
   * API_DISABLED_FOR_ORG an edition without API access; the others are missing permissions or
   * features. Codes from Salesforce's ExceptionCode list
   * (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#exceptioncode)
   * and StatusCode list
   * (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#statuscode).
   */
  static final Set<String> PERMANENT_ORG_CODES =
      Set.of(
          "API_CURRENTLY_DISABLED",
          "API_DISABLED_FOR_ORG",
          "FUNCTIONALITY_NOT_ENABLED",
          "INSUFFICIENT_ACCESS",
          "INSUFFICIENT_ACCESS_OR_READONLY",
          "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
          "INSUFFICIENT_PRIVILEGES");

  private final SalesforceConfig config;
  private final HttpClient http;
  private final SalesforceAuth auth;
  private final AtomicLong sentRequests = new AtomicLong();
  private volatile ApiUsage lastApiUsage;

  SalesforceHttp(SalesforceConfig config, HttpClient http, Clock clock) {
    this.config = config;
    this.http = http;
    this.auth = new SalesforceAuth(config, http, clock);
  }

  /** API usage from the last response's Sforce-Limit-Info header, or null before any call. */
  ApiUsage lastApiUsage() {
    return lastApiUsage;
  }

  /** Requests sent to the REST and userinfo endpoints so far (not the token endpoint). */
  long requestCount() {
    return sentRequests.get();
  }

  <T> Stream<T> query(String soql, Function<JsonNode, T> mapper) {
    return query("/query", soql, mapper);
  }

  /** A lazily paged query: page n+1 is fetched only when the consumer reaches its first record. */
  <T> Stream<T> query(String resource, String soql, Function<JsonNode, T> mapper) {
    String firstPath = dataPath(resource + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    Iterator<T> pages =
        new Iterator<>() {
          private String nextPath = firstPath;
          private Iterator<JsonNode> page = java.util.Collections.emptyIterator();

          @Override
          public boolean hasNext() {
            while (!page.hasNext() && nextPath != null) {
              JsonNode body = send("GET", nextPath, null);
              nextPath =
                  body.path("done").asBoolean(true)
                      ? null
                      : body.path("nextRecordsUrl").asText(null);
              page = body.path("records").elements();
            }
            return page.hasNext();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return mapper.apply(page.next());
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  String dataPath(String rest) {
    return "/services/data/v" + config.apiVersion() + rest;
  }

  JsonNode send(String method, String pathAndQuery, JsonNode body) {
    return send(method, pathAndQuery, body, Map.of());
  }

  /** Sends an authenticated request, refreshing the session once on 401, and maps failures. */
  JsonNode send(String method, String pathAndQuery, JsonNode body, Map<String, String> headers) {
    Answer answer = sendConditional(method, pathAndQuery, body, headers);
    int status = answer.status();
    JsonNode json = answer.json();
    if (status >= 200 && status < 300) {
      if (json == null) {
        throw new CrmUnavailableException(
            "UNEXPECTED_RESPONSE", "HTTP " + status + " without a JSON body");
      }
      return json;
    }
    throw failure(answer);
  }

  /** A response's status and JSON body (null when empty), before any mapping. */
  record Answer(int status, JsonNode json) {}

  /**
   * Sends an authenticated request with extra headers (a conditional request's {@code
   * If-Unmodified-Since}), refreshing the session once on 401, and answers what came back: the
   * caller reads statuses the common mapping does not cover (204 No Content, 412 Precondition
   * Failed) and hands the rest to {@link #failure}.
   */
  Answer sendConditional(
      String method, String pathAndQuery, JsonNode body, Map<String, String> headers) {
    SalesforceAuth.Session session = auth.session();
    HttpResponse<String> response = exchange(request(session, method, pathAndQuery, body, headers));
    if (response.statusCode() == 401) {
      session = auth.refresh(session);
      response = exchange(request(session, method, pathAndQuery, body, headers));
      if (response.statusCode() == 401) {
        throw new CrmRejectedException("INVALID_SESSION_ID", "Salesforce refused a fresh session");
      }
    }
    readLimitInfo(response);
    return new Answer(response.statusCode(), parse(response.body()));
  }

  /** The exception for a failed response: retryable for 5xx and retryable codes. */
  RuntimeException failure(Answer answer) {
    int status = answer.status();
    JsonNode json = answer.json();
    String code = errorCode(json, status);
    String message = errorMessage(json);
    if (!PERMANENT_ORG_CODES.contains(code) && (status >= 500 || RETRYABLE_CODES.contains(code))) {
      return new CrmUnavailableException(
          code, "Salesforce answered HTTP " + status + " " + code + ": " + message);
    }
    return new CrmRejectedException(
        code, "Salesforce answered HTTP " + status + " " + code + ": " + message);
  }

  private HttpRequest request(
      SalesforceAuth.Session session,
      String method,
      String pathAndQuery,
      JsonNode body,
      Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create(session.instanceUrl().toString().replaceAll("/$", "") + pathAndQuery))
            .timeout(config.timeout())
            .header("Authorization", "Bearer " + session.accessToken())
            .header("Accept", "application/json");
    headers.forEach(builder::header);
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json");
      builder.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return builder.build();
  }

  HttpResponse<String> exchange(HttpRequest request) {
    sentRequests.incrementAndGet();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new CrmUnavailableException(
          "TIMEOUT", "Salesforce did not answer within " + config.timeout().toMillis() + " ms", e);
    } catch (IOException e) {
      throw new CrmUnavailableException(
          "CONNECTION_FAILED", "Salesforce connection failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrmUnavailableException("INTERRUPTED", "interrupted while calling Salesforce", e);
    }
  }

  private void readLimitInfo(HttpResponse<String> response) {
    response
        .headers()
        .firstValue("Sforce-Limit-Info")
        .ifPresent(
            value -> {
              Matcher m = API_USAGE.matcher(value);
              if (m.find()) {
                ApiUsage usage =
                    new ApiUsage(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                lastApiUsage = usage;
                if (usage.fraction() >= 0.8) {
                  LOG.warn("salesforce api usage high: used={} max={}", usage.used(), usage.max());
                } else {
                  LOG.debug("salesforce api usage: used={} max={}", usage.used(), usage.max());
                }
              }
            });
  }

  private static String errorCode(JsonNode json, int status) {
    if (json != null && json.isArray() && json.size() > 0 && json.get(0).hasNonNull("errorCode")) {
      return json.get(0).get("errorCode").asText();
    }
    return "HTTP_" + status;
  }

  private static String errorMessage(JsonNode json) {
    if (json != null && json.isArray() && json.size() > 0) {
      return json.get(0).path("message").asText("");
    }
    return "";
  }

  static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
