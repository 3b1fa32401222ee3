package com.crmvoice.testkit.alexa;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The Alexa API on loopback: the Progressive Response endpoint ({@code POST /v1/directives}) and
 * the settings API's time zone ({@link FakeAlexaSettings}). Records every call (authorization
 * header and body); a progressive response is answered 204 as Alexa does, or a status the test
 * chooses. Point a request's {@code context.System.apiEndpoint} at {@link #endpoint()}.
 *
 * <p>As strict as the API reference on what the skill relies on
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/progressive-response-api-reference.html):
 * the body is {@code
 * {"header":{"requestId":…},"directive":{"type":"VoicePlayer.Speak","speech":…}}} and the speech is
 * SSML, a document whose root element is {@code <speak>}, as in the reference's example; anything
 * else is answered 400. Still more lenient than Alexa: it checks neither the bearer token nor that
 * the request id belongs to a request still open, does not limit how many directives a request
 * sends, and accepts any SSML element inside {@code <speak>}.
 */
public final class FakeAlexaApi implements AutoCloseable {

  /** One call as it arrived. */
  public record Call(
      String method, String path, String authorization, String contentType, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoopbackHttpServer http;
  private final FakeAlexaSettings settings = new FakeAlexaSettings();
  private final List<Call> calls = new ArrayList<>();
  private volatile int status = 204;
  private volatile Duration delay = Duration.ZERO;

  private FakeAlexaApi() {
    http = LoopbackHttpServer.start(0, 16, 4, "fake-alexa-api", "/", this::handle);
  }

  public static FakeAlexaApi start() {
    return new FakeAlexaApi();
  }

  /** http://127.0.0.1:PORT, as context.System.apiEndpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  /**
   * The settings API answers {@code zone} for {@code deviceId}, to requests bearing {@code
   * apiAccessToken} (see {@link FakeAlexaSettings}).
   */
  public void timeZone(String deviceId, String zone, String apiAccessToken) {
    settings.timeZone(deviceId, zone, apiAccessToken);
  }

  /** Answer every later progressive response with this HTTP status (204 by default). */
  public void answer(int httpStatus) {
    this.status = httpStatus;
  }

  /** Answer every later call only after this long (the call is recorded when it arrives). */
  public void delay(Duration delay) {
    this.delay = delay;
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Waits until at least {@code n} calls arrived or the time is up; answers the calls. */
  public List<Call> awaitCalls(int n, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (this) {
      while (calls.size() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return List.copyOf(calls);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      synchronized (this) {
        calls.add(
            new Call(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        notifyAll();
      }
      if (FakeAlexaSettings.serves(exchange.getRequestURI().getPath())) {
        pause();
        settings.handle(exchange);
        return;
      }
      boolean known =
          exchange.getRequestMethod().equals("POST")
              && exchange.getRequestURI().getPath().equals("/v1/directives");
      pause();
      exchange.sendResponseHeaders(!known ? 404 : isDirective(body) ? status : 400, -1);
    }
  }

  private void pause() {
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * A VoicePlayer.Speak directive for a request id, its speech an SSML {@code <speak>} document.
   */
  static boolean isDirective(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return false;
    }
    return root != null
        && root.path("header").path("requestId").isTextual()
        && "VoicePlayer.Speak".equals(root.path("directive").path("type").asText())
        && isSpeakDocument(root.path("directive").path("speech").asText(""));
  }

  static boolean isSpeakDocument(String ssml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document =
          factory.newDocumentBuilder().parse(new InputSource(new StringReader(ssml)));
      return "speak".equals(document.getDocumentElement().getTagName());
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
