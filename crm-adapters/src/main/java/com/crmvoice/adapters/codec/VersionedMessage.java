package com.crmvoice.adapters.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The envelope rules the versioned queue formats share ({@link CommandCodec}, {@link
 * RefreshMessageCodec}, {@link NotificationJobCodec}): a body is a JSON object with the one version
 * the consumer knows, and a refusal's reason names only where the body broke, never its content
 * (Jackson's own message quotes the offending text, which may be an email or a phone number).
 */
final class VersionedMessage {

  private VersionedMessage() {}

  /**
   * The body's JSON object, once it is one of the given version.
   *
   * @param subject what the reasons name ("refresh request"), or "" for a bare reason
   * @throws MalformedCommandException for an empty body, bad JSON, not an object, no version or
   *     another version
   */
  static ObjectNode read(ObjectMapper json, String body, int version, String subject) {
    String is = subject.isEmpty() ? "" : subject + " is ";
    String has = subject.isEmpty() ? "" : subject + " has ";
    if (body == null || body.isBlank()) {
      throw new MalformedCommandException("empty message body");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new MalformedCommandException(
          is
              + (at == null
                  ? "not JSON"
                  : "not JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
    if (root == null || !root.isObject()) {
      throw new MalformedCommandException(is + "not a JSON object");
    }
    JsonNode found = root.get("version");
    if (found == null || !found.canConvertToInt()) {
      throw new MalformedCommandException(has + "no version");
    }
    if (found.asInt() != version) {
      throw new MalformedCommandException(has + "unknown version " + found.asInt());
    }
    return (ObjectNode) root;
  }
}
