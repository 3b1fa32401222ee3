package com.crmvoice.simulator.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A stand-in intent function for wiring tests: sends a progressive response through the request's
 * apiEndpoint, then says whose leads it would read (SINGLE_USER_OWNER_ID) and how much time the
 * context leaves.
 */
public final class StubSkillHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String owner;

  public StubSkillHandler(Map<String, String> env) {
    this.owner = env.get("SINGLE_USER_OWNER_ID");
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode envelope = JSON.readTree(input);
    JsonNode system = envelope.path("context").path("System");
    String body =
        "{\"header\":{\"requestId\":\""
            + envelope.path("request").path("requestId").asText()
            + "\"},\"directive\":{\"type\":\"VoicePlayer.Speak\",\"speech\":\"<speak>One moment</speak>\"}}";
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(system.path("apiEndpoint").asText() + "/v1/directives"))
                      .header("Authorization", "Bearer " + system.path("apiAccessToken").asText())
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 204) {
        throw new IOException("progressive response answered " + response.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String speech =
        "Owner " + owner + ", " + (context.getRemainingTimeInMillis() > 0 ? "in time" : "late");
    output.write(
        JSON.writeValueAsBytes(
            JSON.createObjectNode()
                .put("version", "1.0")
                .set(
                    "response",
                    JSON.createObjectNode()
                        .put("shouldEndSession", true)
                        .set(
                            "outputSpeech",
                            JSON.createObjectNode()
                                .put("type", "PlainText")
                                .put("text", speech)))));
  }
}
