package com.crmvoice.adapters.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one format of a notification job on the notification queue: {@code {"kind":"notify",
 * "version":1, "commandId":"…"}}. The job names the command only; the sender reads the rest from
 * the command log, so a job carries no user id, locale or contact detail. Versioned and refused
 * like the {@link CommandCodec} ({@link VersionedMessage}).
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
   * @throws MalformedCommandException for a body that is not a version 1 notification job (the
   *     envelope rules of {@link VersionedMessage}, then the kind and a command id)
   */
  public String decode(String body) {
    JsonNode node = VersionedMessage.read(JSON, body, VERSION, "notification job");
    if (!KIND.equals(node.path("kind").asText())) {
      throw new MalformedCommandException("notification job is not of kind " + KIND);
    }
    if (node.path("commandId").asText("").isBlank()) {
      throw new MalformedCommandException("notification job has no commandId");
    }
    return node.get("commandId").asText();
  }
}
