package com.crmvoice.simulator.signature;

import com.crmvoice.simulator.dialog.SkillEndpoint;
import com.crmvoice.simulator.dialog.SkillEndpoint.SkillFailedException;
import com.crmvoice.simulator.signature.AlexaRequestVerifier.VerificationException;
import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skill as an Alexa custom skill web service on 127.0.0.1: POST /alexa with a request envelope,
 * the response envelope back. Each request's signature and timestamp are verified first, as Amazon
 * requires of HTTPS endpoints (a failure is 400 Bad Request); with no verifier (the development
 * switch) every request is accepted. Put TLS in front (a tunnel) to reach it from Alexa.
 */
public final class SkillHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SkillHttpServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 256 * 1024;

  private final LoopbackHttpServer http;
  private final SkillEndpoint skill;
  private final AlexaRequestVerifier verifier;

  private SkillHttpServer(int port, SkillEndpoint skill, AlexaRequestVerifier verifier) {
    this.skill = skill;
    this.verifier = verifier;
    http = LoopbackHttpServer.start(port, 32, 4, "skill-http", "/alexa", this::handle);
  }

  /**
   * Serves {@code skill} on {@code port} (0: any free port).
   *
   * @param verifier null turns the signature check off (development only)
   */
  public static SkillHttpServer start(
      int port, SkillEndpoint skill, AlexaRequestVerifier verifier) {
    return new SkillHttpServer(port, skill, verifier);
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + http.port() + "/alexa");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/alexa")) {
        send(exchange, 404, error("not found"));
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, error("POST a request envelope"));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        send(exchange, 413, error("request too large"));
        return;
      }
      if (verifier != null) {
        try {
          verifier.verify(
              exchange.getRequestHeaders().getFirst(AlexaRequestVerifier.CERT_URL_HEADER),
              exchange.getRequestHeaders().getFirst(AlexaRequestVerifier.SIGNATURE_HEADER),
              body);
        } catch (VerificationException e) {
          LOG.warn("request refused: {}", e.getMessage());
          send(exchange, 400, error("request verification failed: " + e.getMessage()));
          return;
        }
      }
      JsonNode envelope;
      try {
        envelope = JSON.readTree(body);
      } catch (IOException e) {
        envelope = null;
      }
      if (envelope == null || !envelope.isObject() || !envelope.path("request").isObject()) {
        send(exchange, 400, error("the body is not an Alexa request envelope"));
        return;
      }
      try {
        send(exchange, 200, JSON.writeValueAsBytes(skill.invoke((ObjectNode) envelope)));
      } catch (SkillFailedException e) {
        LOG.warn("the skill failed: {}", e.getMessage());
        send(exchange, 500, error("the skill failed"));
      }
    }
  }

  private static byte[] error(String message) throws IOException {
    return JSON.writeValueAsBytes(JSON.createObjectNode().put("error", message));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
