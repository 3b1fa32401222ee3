package com.crmvoice.adapters.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    if (body == null || body.isBlank()) {
      throw new MalformedCommandException("empty message body");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new MalformedCommandException(
          at == null
              ? "refresh request is not JSON"
              : "refresh request is not JSON (line "
                  + at.getLineNr()
                  + ", column "
                  + at.getColumnNr()
                  + ")");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedCommandException("refresh request is not a JSON object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.canConvertToInt()) {
      throw new MalformedCommandException("refresh request has no version");
    }
    if (version.asInt() != VERSION) {
      throw new MalformedCommandException("refresh request has unknown version " + version.asInt());
    }
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
