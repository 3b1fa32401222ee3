package com.crmvoice.core.service.skill;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Command ids derived from the Alexa request that asked for the command: the same request, retried,
 * names the same command, so it cannot be queued twice.
 */
public final class CommandIds {

  private CommandIds() {}

  /** A name-based UUID of the kind and the request id: 36 characters, safe as an external id. */
  public static String fromRequestId(String kind, String requestId) {
    if (requestId == null || requestId.isBlank()) {
      throw new IllegalArgumentException("requestId must not be blank");
    }
    return UUID.nameUUIDFromBytes((kind + ":" + requestId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
