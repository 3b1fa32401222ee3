package com.crmvoice.adapters.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The one format of a notification job on the notification queue: {@code {"kind":"notify",
 * "version":1, "commandId":"…"}}. The job names the command only; the sender reads the rest from
 * the command log, so a job carries no user id, locale or contact detail.
 */
public final class NotificationJobCodec {

  public static final String KIND = "notify";
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  public String encode(String commandId) {
    if (commandId == null || commandId.isBlank()) {
      throw new IllegalArgumentException("commandId must not be blank");
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", KIND);
    node.put("version", VERSION);
    node.put("commandId", commandId);
    return node.toString();
  }

  /**
   * The job's command id.
   *
   * @throws IllegalArgumentException for a body that is not a version 1 notification job
   */
  public String decode(String body) {
    JsonNode node;
    try {
      node = body == null ? null : JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("notification job is not JSON");
    }
    if (node == null
        || !KIND.equals(node.path("kind").asText())
        || node.path("version").asInt(-1) != VERSION
        || node.path("commandId").asText("").isBlank()) {
      throw new IllegalArgumentException("not a version " + VERSION + " notification job");
    }
    return node.get("commandId").asText();
  }
}
