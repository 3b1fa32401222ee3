package com.crmvoice.intent.progressive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Progressive Response API on java.net.http: {@code POST {apiEndpoint}/v1/directives} with the
 * request's apiAccessToken as a bearer token and a {@code VoicePlayer.Speak} directive naming the
 * request id
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/progressive-response-api-reference.html).
 * The speech is SSML inside {@code <speak>}, as the reference's example sends it. Sent
 * asynchronously; {@link Delivery#await()} waits for Alexa's answer at most {@code wait}. Failures
 * are logged, never thrown. The HTTP client may be given as a supplier: {@link #create()} builds it
 * on the first progressive response (a cache hit never sends one), not at init (docs/skill.md,
 * "Cold start").
 */
public final class HttpProgressiveResponses implements ProgressiveResponses {

  private static final Logger LOG = LoggerFactory.getLogger(HttpProgressiveResponses.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long the skill waits for a progressive response by default, before it answers. */
  public static final Duration DEFAULT_WAIT = Duration.ofMillis(300);

  private final Supplier<HttpClient> http;
  private final Duration timeout;
  private final Duration wait;

  public HttpProgressiveResponses(HttpClient http, Duration timeout) {
    this(http, timeout, DEFAULT_WAIT);
  }

  public HttpProgressiveResponses(HttpClient http, Duration timeout, Duration wait) {
    this(() -> http, timeout, wait);
  }

  /**
   * @param timeout of the HTTP request
   * @param wait how long {@link Delivery#await()} waits for Alexa's answer
   */
  public HttpProgressiveResponses(Supplier<HttpClient> http, Duration timeout, Duration wait) {
    this.http = http;
    this.timeout = timeout;
    this.wait = wait;
  }

  /** A client of its own: HTTP/1.1, short connect timeout, no redirects. */
  public static HttpProgressiveResponses create() {
    return create(DEFAULT_WAIT);
  }

  /** As {@link #create()}, waiting at most {@code wait} for a delivery before the answer. */
  public static HttpProgressiveResponses create(Duration wait) {
    Duration timeout = Duration.ofSeconds(2);
    return new HttpProgressiveResponses(
        new OnFirstUse<>(
            () ->
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()),
        timeout,
        wait);
  }

  /**
   * The request body: {"header":{"requestId":…},"directive":{"type":"VoicePlayer.Speak",…}}, the
   * speech wrapped in {@code <speak>} unless it already is.
   */
  public static String body(String requestId, String speech) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("header").put("requestId", requestId);
    root.putObject("directive").put("type", "VoicePlayer.Speak").put("speech", ssml(speech));
    return root.toString();
  }

  static String ssml(String speech) {
    String trimmed = speech.strip();
    return trimmed.startsWith("<speak>") && trimmed.endsWith("</speak>")
        ? trimmed
        : "<speak>" + trimmed + "</speak>";
  }

  @Override
  public Delivery send(String apiEndpoint, String apiAccessToken, String requestId, String speech) {
    CompletableFuture<Boolean> sent = sendAsync(apiEndpoint, apiAccessToken, requestId, speech);
    return () -> await(sent);
  }

  private boolean await(CompletableFuture<Boolean> sent) {
    try {
      return sent.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("progressive response not answered within {} ms; answering anyway", wait.toMillis());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return false;
    }
  }

  /** As {@link #send}, with the outcome: true when Alexa accepted the directive. */
  public CompletableFuture<Boolean> sendAsync(
      String apiEndpoint, String apiAccessToken, String requestId, String speech) {
    if (apiEndpoint == null || apiAccessToken == null || requestId == null) {
      LOG.debug("no API endpoint or token in the request: no progressive response");
      return CompletableFuture.completedFuture(false);
    }
    HttpRequest request;
    try {
      String base =
          apiEndpoint.endsWith("/")
              ? apiEndpoint.substring(0, apiEndpoint.length() - 1)
              : apiEndpoint;
      request =
          HttpRequest.newBuilder(URI.create(base + "/v1/directives"))
              .timeout(timeout)
              .header("Authorization", "Bearer " + apiAccessToken)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body(requestId, speech)))
              .build();
    } catch (IllegalArgumentException e) {
      LOG.warn("progressive response not sent: bad API endpoint");
      return CompletableFuture.completedFuture(false);
    }
    return http.get()
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                LOG.warn("progressive response failed: {}", failure.toString());
                return false;
              }
              if (response.statusCode() / 100 != 2) {
                LOG.warn("progressive response refused: HTTP {}", response.statusCode());
                return false;
              }
              return true;
            });
  }

  /** A value built once, on the first {@link #get()}. */
  static final class OnFirstUse<T> implements Supplier<T> {
    private final Supplier<T> build;
    private volatile T value;

    OnFirstUse(Supplier<T> build) {
      this.build = build;
    }

    @Override
    public T get() {
      T built = value;
      if (built == null) {
        synchronized (this) {
          if (value == null) {
            value = build.get();
          }
          built = value;
        }
      }
      return built;
    }
  }
}
