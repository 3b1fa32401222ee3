package com.crmvoice.adapters.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON format of "refresh this owner" requests on the refresh queue, for the sender (the
 * skill, on a cache miss) and the consumer (the refresher) alike. Versioned and refused like the
 * {@link CommandCodec}: a consumer refuses a version it does not know rather than guess, and the
 * reason names only where the body broke, never its content.
 *
 * <pre>{"version":1,"ownerId":"005..."}</pre>
 */
public final class RefreshMessageCodec {

  public static final int VERSION = 1;

  private final ObjectMapper json = new ObjectMapper();

  public String encode(String ownerId) {
    return json.createObjectNode().put("version", VERSION).put("ownerId", ownerId).toString();
  }

  /**
   * The owner id of a refresh request.
   *
   * @throws MalformedCommandException for bad JSON, an unknown version, or a missing, blank or
   *     non-string owner id
   */
  public String decode(String body) {
    JsonNode root = VersionedMessage.read(json, body, VERSION, "refresh request");
    JsonNode ownerId = root.get("ownerId");
    if (ownerId == null || ownerId.isNull()) {
      throw new MalformedCommandException("refresh request has no ownerId");
    }
    if (!ownerId.isTextual()) {
      throw new MalformedCommandException("refresh request's ownerId is not a string");
    }
    if (ownerId.asText().isBlank()) {
      throw new MalformedCommandException("refresh request has a blank ownerId");
    }
    return ownerId.asText();
  }
}
