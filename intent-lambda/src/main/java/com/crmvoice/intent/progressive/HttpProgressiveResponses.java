package com.crmvoice.intent.progressive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Progressive Response API on java.net.http: {@code POST {apiEndpoint}/v1/directives} with the
 * request's apiAccessToken as a bearer token and a {@code VoicePlayer.Speak} directive naming the
 * request id
 * (https://developer.amazon.com/docs/custom-skills/progressive-response-api-reference.html). Sent
 * asynchronously; failures are logged, never thrown.
 */
public final class HttpProgressiveResponses implements ProgressiveResponses {

  private static final Logger LOG = LoggerFactory.getLogger(HttpProgressiveResponses.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;

  public HttpProgressiveResponses(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** A client of its own: HTTP/1.1, short connect timeout, no redirects. */
  public static HttpProgressiveResponses create() {
    Duration timeout = Duration.ofSeconds(2);
    return new HttpProgressiveResponses(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        timeout);
  }

  /** The request body: {"header":{"requestId":…},"directive":{"type":"VoicePlayer.Speak",…}}. */
  public static String body(String requestId, String speech) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("header").put("requestId", requestId);
    root.putObject("directive").put("type", "VoicePlayer.Speak").put("speech", speech);
    return root.toString();
  }

  @Override
  public void send(String apiEndpoint, String apiAccessToken, String requestId, String speech) {
    sendAsync(apiEndpoint, apiAccessToken, requestId, speech);
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
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
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
}
