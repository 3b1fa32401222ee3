package com.crmvoice.simulator.dialog;

import com.crmvoice.simulator.dialog.Output.Notice;
import com.crmvoice.simulator.dialog.Output.Progressive;
import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Alexa's Progressive Response API on 127.0.0.1: POST /v1/directives with the request's
 * apiAccessToken as a bearer token and a VoicePlayer.Speak directive; answers 204 No Content and
 * hands the speech to the listener while the skill is still working, as a device speaks it.
 */
public final class DirectivesEndpoint implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoopbackHttpServer http;
  private final String apiAccessToken = "sim-api-token-" + UUID.randomUUID();
  private final Consumer<Output> listener;

  private DirectivesEndpoint(Consumer<Output> listener) {
    this.listener = listener;
    http = LoopbackHttpServer.start(0, 16, 2, "alexa-directives", "/v1/directives", this::handle);
  }

  public static DirectivesEndpoint start(Consumer<Output> listener) {
    return new DirectivesEndpoint(listener);
  }

  /** What goes into context.System.apiEndpoint. */
  public String apiEndpoint() {
    return "http://127.0.0.1:" + http.port();
  }

  /** What goes into context.System.apiAccessToken. */
  public String apiAccessToken() {
    return apiAccessToken;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.equals("Bearer " + apiAccessToken)) {
        listener.accept(new Notice("a progressive response without the request's apiAccessToken"));
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      JsonNode body;
      try (InputStream in = exchange.getRequestBody()) {
        body = JSON.readTree(in.readAllBytes());
      } catch (IOException e) {
        body = null;
      }
      JsonNode directive = body == null ? null : body.path("directive");
      if (directive == null
          || !directive.path("type").asText().equals("VoicePlayer.Speak")
          || !body.path("header").path("requestId").isTextual()) {
        listener.accept(new Notice("a malformed progressive response (400)"));
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      listener.accept(new Progressive(Ssml.toText(directive.path("speech").asText())));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
