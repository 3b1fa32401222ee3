package com.crmvoice.simulator.signature;

import com.crmvoice.core.log.SummarisingLog;
import com.crmvoice.simulator.dialog.SkillEndpoint;
import com.crmvoice.simulator.dialog.SkillEndpoint.SkillFailedException;
import com.crmvoice.simulator.dialog.SkillEndpoint.SkillRefusedException;
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
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skill as an Alexa custom skill web service on 127.0.0.1: POST /alexa with a request envelope,
 * the response envelope back, each request verified first ({@link AlexaRequestVerifier}; none with
 * the development switch). Refusals are answered before the body is read where the headers decide,
 * and the read timeout and {@link #THREADS} threads keep stalled clients from holding it; see
 * docs/simulator.md ("HTTP mode").
 */
public final class SkillHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SkillHttpServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 256 * 1024;

  /** How much of a refused body is read (and dropped) so that the client reads the answer. */
  static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  /** Serving threads: the load tests send 32 requests at once; a stalled client holds one. */
  static final int THREADS = 64;

  private final LoopbackHttpServer http;
  private final SkillEndpoint skill;
  private final AlexaRequestVerifier verifier;
  private final SummarisingLog refusals;

  private SkillHttpServer(
      int port, SkillEndpoint skill, AlexaRequestVerifier verifier, SummarisingLog refusals) {
    this.skill = skill;
    this.verifier = verifier;
    this.refusals = refusals;
    http = LoopbackHttpServer.start(port, 128, THREADS, "skill-http", "/alexa", this::handle);
  }

  /**
   * Serves {@code skill} on {@code port} (0: any free port).
   *
   * @param verifier null turns the signature check off (development only)
   */
  public static SkillHttpServer start(
      int port, SkillEndpoint skill, AlexaRequestVerifier verifier) {
    return new SkillHttpServer(
        port, skill, verifier, SummarisingLog.toSlf4j(LOG, "request refused", Clock.systemUTC()));
  }

  /** For tests: refusals are logged to {@code refusals}. */
  static SkillHttpServer start(
      int port, SkillEndpoint skill, AlexaRequestVerifier verifier, SummarisingLog refusals) {
    return new SkillHttpServer(port, skill, verifier, refusals);
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + http.port() + "/alexa");
  }

  /**
   * Refuses what the path, method and headers alone can refuse, before a byte of the body is read;
   * then reads the body within its bound, verifies its signature, and hands the envelope to the
   * skill.
   */
  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (refusedBeforeTheBody(exchange)) {
        return;
      }
      byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        refuse(exchange, 413, "request too large", "too large");
        return;
      }
      if (verifier != null) {
        try {
          verifier.verify(
              exchange.getRequestHeaders().getFirst(AlexaRequestVerifier.CERT_URL_HEADER),
              exchange.getRequestHeaders().getFirst(AlexaRequestVerifier.SIGNATURE_HEADER),
              body);
        } catch (VerificationException e) {
          refuse(exchange, 400, "request verification failed: " + e.getMessage(), e.getMessage());
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
        refuse(exchange, 400, "the body is not an Alexa request envelope", "not an envelope");
        return;
      }
      try {
        send(exchange, 200, JSON.writeValueAsBytes(skill.invoke((ObjectNode) envelope)));
      } catch (SkillRefusedException e) {
        refuse(exchange, 400, "the skill refused the request: " + e.getMessage(), "skill refused");
      } catch (SkillFailedException e) {
        LOG.warn("the skill failed: {}", e.getMessage());
        send(exchange, 500, error("the skill failed"));
      }
    }
  }

  /** Whether the request was refused on its path, method, signature headers or declared length. */
  private boolean refusedBeforeTheBody(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/alexa")) {
      refuse(exchange, 404, "not found", "unknown path");
      return true;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      refuse(exchange, 405, "POST a request envelope", "not a POST");
      return true;
    }
    if (verifier != null) {
      for (String header :
          new String[] {
            AlexaRequestVerifier.CERT_URL_HEADER, AlexaRequestVerifier.SIGNATURE_HEADER
          }) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value == null || value.isBlank()) {
          refuse(
              exchange,
              400,
              "request verification failed: no " + header + " header",
              "no " + header);
          return true;
        }
      }
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    // The JDK server refuses a malformed Content-Length before any handler; this is a second net.
    long declared;
    try {
      declared = length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      refuse(exchange, 400, "malformed Content-Length", "malformed Content-Length");
      return true;
    }
    if (declared > MAX_BODY) {
      refuse(exchange, 413, "request too large", "too large");
      return true;
    }
    return false;
  }

  /**
   * Answers {@code status} and closes the connection. The answer is sent first, then the rest of
   * the body (up to {@link #DRAIN_LIMIT}) is read and dropped before the connection closes, so that
   * a client still sending it reads the answer instead of a connection reset (the JDK server would
   * drop the connection with the body unread: it drains 64 KiB at most). The refusal is counted in
   * the log, not written per request.
   */
  private void refuse(HttpExchange exchange, int status, String message, String reason)
      throws IOException {
    refusals.record(status + " " + reason);
    byte[] body = error(message);
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.getResponseHeaders().set("Connection", "close");
    exchange.sendResponseHeaders(status, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body);
    out.flush();
    try (InputStream in = exchange.getRequestBody()) {
      byte[] buffer = new byte[16 * 1024];
      long left = DRAIN_LIMIT;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
        left -= n;
      }
    } catch (IOException e) {
      LOG.debug("the refused request's body was not drained: {}", e.toString());
    }
    out.close();
  }

  private static byte[] error(String message) throws IOException {
    return JSON.writeValueAsBytes(JSON.createObjectNode().put("error", message));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    LoopbackHttpServer.respond(exchange, status, "application/json;charset=UTF-8", body);
  }

  @Override
  public void close() {
    http.close();
    refusals.flush();
  }
}
