package com.crmvoice.adapters.dataverse;

import com.crmvoice.core.config.DataverseConfig;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The Web API transport the Dataverse adapter's parts share: requests on java.net.http with the
 * OData headers, the bearer token replaced once on 401, queries paged through {@code
 * @odata.nextLink} with {@code Prefer: odata.maxpagesize} as the caller consumes them, {@code
 * $batch} requests ({@link Batch}), and Dataverse's error body ({@code {"error":{"code":"0x…",
 * "message":…}}}) mapped onto retryable and permanent failures, a 429's {@code Retry-After}
 * carried along.
 */
final class DataverseHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Rows per page of a query (Dataverse allows at most 5,000). */
  static final int PAGE_SIZE = 5000;

  /** The annotations a read asks for: the statuscode's label. */
  static final String FORMATTED_VALUES =
      "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"";

  /**
   * Error codes that may succeed when tried again: the three service protection limits (number of
   * requests, execution time, concurrent requests;
   * https://learn.microsoft.com/power-apps/developer/data-platform/api-limits), and the generic
   * "unexpected" and SQL timeout codes.
   */
  static final Set<String> RETRYABLE_CODES =
      Set.of("0x80072322", "0x80072321", "0x80072326", "0x80040216", "0x80044151");

  /** A response: status, headers that matter, JSON body (null when empty or not JSON). */
  record Answer(int status, Map<String, String> headers, JsonNode json, String raw) {
    Answer(int status, Map<String, String> headers, JsonNode json) {
      this(status, headers, json, null);
    }

    String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return null;
    }
  }

  private final DataverseConfig config;
  private final HttpClient http;
  private final DataverseAuth auth;
  private final AtomicLong sentRequests = new AtomicLong();

  DataverseHttp(DataverseConfig config, HttpClient http, Clock clock) {
    this.config = config;
    this.http = http;
    this.auth = new DataverseAuth(config, http, clock);
  }

  DataverseConfig config() {
    return config;
  }

  /** Web API requests sent so far (a $batch counts once; token requests are not counted). */
  long requestCount() {
    return sentRequests.get();
  }

  int signIns() {
    return auth.signIns();
  }

  /** {@code path} (entity set and options, no leading slash) under the Web API root. */
  String url(String path) {
    return config.apiRoot() + "/" + path;
  }

  /** Sends an authenticated request; answers what came back, unmapped. */
  Answer exchange(String method, String url, String body, Map<String, String> headers) {
    DataverseAuth.Token token = auth.token();
    HttpResponse<String> response = exchange(request(token, method, url, body, headers));
    if (response.statusCode() == 401) {
      token = auth.refresh(token);
      response = exchange(request(token, method, url, body, headers));
      if (response.statusCode() == 401) {
        throw new CrmRejectedException("INVALID_TOKEN", "Dataverse refused a fresh access token");
      }
    }
    return answer(response);
  }

  /** A JSON request whose answer must be 2xx: the JSON (or null for 204), or the failure. */
  JsonNode send(String method, String path, JsonNode body, Map<String, String> headers) {
    Answer answer = exchange(method, url(path), body == null ? null : body.toString(), headers);
    if (answer.status() >= 200 && answer.status() < 300) {
      return answer.json();
    }
    throw failure(answer);
  }

  /** A lazily paged query: page n+1 is fetched only when the consumer reaches its first row. */
  <T> Stream<T> query(String path, Function<JsonNode, T> mapper) {
    return pages(url(path), Collections.emptyIterator(), mapper);
  }

  /** The Prefer header of a query: the page size and the FormattedValue annotations. */
  static String queryPreference() {
    return "odata.maxpagesize=" + PAGE_SIZE + "," + FORMATTED_VALUES;
  }

  /**
   * The rows of a first page already answered (a GET inside a $batch), then its further pages
   * through {@code @odata.nextLink}, fetched as the consumer reaches them.
   */
  <T> Stream<T> continued(JsonNode firstPage, Function<JsonNode, T> mapper) {
    String next =
        firstPage.hasNonNull("@odata.nextLink") ? firstPage.get("@odata.nextLink").asText() : null;
    return pages(next, firstPage.path("value").elements(), mapper);
  }

  private <T> Stream<T> pages(
      String first, Iterator<JsonNode> firstRows, Function<JsonNode, T> mapper) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Prefer", queryPreference());
    Iterator<T> rows =
        new Iterator<>() {
          private String next = first;
          private Iterator<JsonNode> page = firstRows;

          @Override
          public boolean hasNext() {
            while (!page.hasNext() && next != null) {
              Answer answer = exchange("GET", next, null, headers);
              if (answer.status() != 200 || answer.json() == null) {
                throw failure(answer);
              }
              JsonNode body = answer.json();
              next =
                  body.hasNonNull("@odata.nextLink") ? body.get("@odata.nextLink").asText() : null;
              page = body.path("value").elements();
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
        Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * One $batch request of independent operations ({@code Prefer: odata.continue-on-error}, so one
   * failing operation does not stop the others): one answer per operation, in order.
   */
  List<Answer> batch(List<Batch.Operation> operations) {
    Batch batch = Batch.of(config.apiRoot(), operations);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", batch.contentType());
    headers.put("Prefer", "odata.continue-on-error");
    Answer answer = exchange("POST", url("$batch"), batch.body(), headers);
    if (answer.status() != 200) {
      throw failure(answer);
    }
    List<Answer> answers = Batch.parse(answer.header("Content-Type"), answer.raw());
    if (answers.size() != operations.size()) {
      throw new CrmUnavailableException(
          "UNEXPECTED_RESPONSE",
          "$batch answered " + answers.size() + " responses for " + operations.size());
    }
    return answers;
  }

  /**
   * One $batch of groups ({@link Batch#ofGroups}: independent operations and change sets) with
   * {@code Prefer: odata.continue-on-error}: per group its answers, or one answer when a change set
   * failed as a whole.
   */
  List<List<Answer>> batchGroups(List<List<Batch.Operation>> groups) {
    Batch batch = Batch.ofGroups(config.apiRoot(), groups);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", batch.contentType());
    headers.put("Prefer", "odata.continue-on-error");
    Answer answer = exchange("POST", url("$batch"), batch.body(), headers);
    if (answer.status() != 200) {
      throw failure(answer);
    }
    List<List<Answer>> answers = Batch.parseGroups(answer.header("Content-Type"), answer.raw());
    if (answers.size() != groups.size()) {
      throw new CrmUnavailableException(
          "UNEXPECTED_RESPONSE",
          "$batch answered " + answers.size() + " parts for " + groups.size());
    }
    for (int i = 0; i < groups.size(); i++) {
      int got = answers.get(i).size();
      if (got != groups.get(i).size() && got != 1) {
        throw new CrmUnavailableException(
            "UNEXPECTED_RESPONSE", "a change set answered " + got + " responses");
      }
    }
    return answers;
  }

  /** The exception for a failed answer: retryable for 5xx, 429 and the retryable codes. */
  static RuntimeException failure(Answer answer) {
    int status = answer.status();
    String code = errorCode(answer.json(), status);
    String message =
        "Dataverse answered HTTP " + status + " " + code + ": " + errorMessage(answer.json());
    if (status >= 500 || status == 429 || status == 408 || RETRYABLE_CODES.contains(code)) {
      return new CrmUnavailableException(
          code, message, null, retryAfter(answer.header("Retry-After")));
    }
    return new CrmRejectedException(code, message);
  }

  /** The error body's code ("0x80040217"), or HTTP_nnn when it has none. */
  static String errorCode(JsonNode json, int status) {
    String code = json == null ? "" : json.path("error").path("code").asText("");
    return code.isBlank() ? "HTTP_" + status : code;
  }

  static String errorMessage(JsonNode json) {
    return json == null ? "" : json.path("error").path("message").asText("");
  }

  /** Retry-After in seconds (the only form Dataverse sends), or null. */
  static Duration retryAfter(String value) {
    if (value == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.strip());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Duration retryAfter(HttpResponse<String> response) {
    return retryAfter(response.headers().firstValue("Retry-After").orElse(null));
  }

  private HttpRequest request(
      DataverseAuth.Token token,
      String method,
      String url,
      String body,
      Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(config.timeout())
            .header("Authorization", "Bearer " + token.accessToken())
            .header("Accept", "application/json")
            .header("OData-MaxVersion", "4.0")
            .header("OData-Version", "4.0");
    boolean contentType = headers.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase);
    headers.forEach(builder::header);
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      if (!contentType) {
        builder.header("Content-Type", "application/json");
      }
      builder.method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return builder.build();
  }

  HttpResponse<String> exchange(HttpRequest request) {
    sentRequests.incrementAndGet();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new CrmUnavailableException(
          "TIMEOUT", "Dataverse did not answer within " + config.timeout().toMillis() + " ms", e);
    } catch (IOException e) {
      throw new CrmUnavailableException(
          "CONNECTION_FAILED", "Dataverse connection failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrmUnavailableException("INTERRUPTED", "interrupted while calling Dataverse", e);
    }
  }

  private static Answer answer(HttpResponse<String> response) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : List.of("Content-Type", "Retry-After", "OData-EntityId", "ETag")) {
      response.headers().firstValue(name).ifPresent(v -> headers.put(name, v));
    }
    String contentType = headers.getOrDefault("Content-Type", "");
    if (contentType.startsWith("multipart/")) {
      return new Answer(response.statusCode(), headers, null, response.body());
    }
    return new Answer(response.statusCode(), headers, parse(response.body()), response.body());
  }

  static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
