package com.crmvoice.testkit.aws;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS Secrets Manager's GetSecretValue on 127.0.0.1, for the functions' cold starts: the AWS JSON
 * 1.1 protocol as the SDK speaks it ({@code POST /}, {@code X-Amz-Target:
 * secretsmanager.GetSecretValue}, {@code {"SecretId":…}}), answering {@code
 * {"ARN","Name","SecretString","VersionId","VersionStages"}} or a {@code ResourceNotFoundException}
 * (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html). Point
 * AWS_ENDPOINT_URL_SECRETS_MANAGER at {@link #endpoint()}.
 *
 * <p>More lenient than the service: it checks no signature or IAM permission, keeps one version per
 * secret (no stages, no VersionId or VersionStage requests), finds a secret by the exact id it was
 * put under (not by name and ARN alike), and implements no other operation (answered 400
 * UnknownOperationException).
 */
public final class FakeSecretsManager implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET = "secretsmanager.GetSecretValue";

  private final LoopbackHttpServer http;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();

  private FakeSecretsManager() {
    http = LoopbackHttpServer.start(0, 16, 2, "fake-secrets-manager", "/", this::handle);
  }

  public static FakeSecretsManager start() {
    return new FakeSecretsManager();
  }

  /** http://127.0.0.1:PORT, as AWS_ENDPOINT_URL_SECRETS_MANAGER. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  /** Creates or replaces the secret {@code id} (as put-secret-value does). */
  public void put(String id, String secretString) {
    secrets.put(id, secretString);
  }

  /** GetSecretValue calls answered with a value so far. */
  public int reads() {
    return reads.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (!"POST".equals(exchange.getRequestMethod()) || !TARGET.equals(target)) {
        error(exchange, "UnknownOperationException", "only GetSecretValue is implemented");
        return;
      }
      JsonNode request;
      try {
        request = JSON.readTree(raw);
      } catch (IOException e) {
        request = null;
      }
      String id = request == null ? null : request.path("SecretId").asText(null);
      if (id == null || id.isEmpty()) {
        error(exchange, "InvalidParameterException", "SecretId is required");
        return;
      }
      String value = secrets.get(id);
      if (value == null) {
        error(
            exchange,
            "ResourceNotFoundException",
            "Secrets Manager can't find the specified secret.");
        return;
      }
      reads.incrementAndGet();
      ObjectNode body = JSON.createObjectNode();
      body.put("ARN", id);
      body.put("Name", id.substring(id.lastIndexOf(':') + 1));
      body.put("SecretString", value);
      body.put(
          "VersionId", UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).toString());
      body.putArray("VersionStages").add("AWSCURRENT");
      send(exchange, 200, body);
    }
  }

  private static void error(HttpExchange exchange, String type, String message) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("__type", type);
    body.put("message", message);
    send(exchange, 400, body);
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    LoopbackHttpServer.respond(
        exchange, status, "application/x-amz-json-1.1", JSON.writeValueAsBytes(body));
  }

  @Override
  public void close() {
    http.close();
  }
}
