package com.crmvoice.simulator.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in refresher for wiring tests, loaded by class name like the real one: records every
 * input and reports SQS records whose body is "fail" as batch item failures.
 */
public final class RecordingRefresher implements RequestStreamHandler {

  static final List<JsonNode> INPUTS = new CopyOnWriteArrayList<>();
  static final List<Map<String, String>> ENVIRONMENTS = new CopyOnWriteArrayList<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  public RecordingRefresher(Map<String, String> env) {
    ENVIRONMENTS.add(env);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    INPUTS.add(event);
    ObjectNode answer = JSON.createObjectNode();
    var failures = answer.putArray("batchItemFailures");
    for (JsonNode record : event.path("Records")) {
      if (record.path("body").asText().equals("fail")) {
        failures.addObject().put("itemIdentifier", record.path("messageId").asText());
      }
    }
    output.write(JSON.writeValueAsBytes(answer));
  }
}
