package com.crmvoice.testkit.alexa;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Alexa API's Progressive Response endpoint ({@code POST /v1/directives}) on loopback: records
 * every call (authorization header and body) and answers 204 as Alexa does, or a status the test
 * chooses. Point a request's {@code context.System.apiEndpoint} at {@link #endpoint()}.
 */
public final class FakeAlexaApi implements AutoCloseable {

  /** One call as it arrived. */
  public record Call(
      String method, String path, String authorization, String contentType, String body) {}

  private final LoopbackHttpServer http;
  private final List<Call> calls = new ArrayList<>();
  private volatile int status = 204;

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

  /** Answer every later call with this HTTP status (204 by default). */
  public void answer(int httpStatus) {
    this.status = httpStatus;
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
      boolean known =
          exchange.getRequestMethod().equals("POST")
              && exchange.getRequestURI().getPath().equals("/v1/directives");
      exchange.sendResponseHeaders(known ? status : 404, -1);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
