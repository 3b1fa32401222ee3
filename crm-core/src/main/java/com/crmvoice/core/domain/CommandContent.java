package com.crmvoice.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of what a command asks for: its type, its owner and its values, not its id or when
 * it was asked. Two submissions under one command id (one Alexa request id) with different
 * fingerprints are not a retry but a different request, and must not be taken for the first.
 */
public final class CommandContent {

  private CommandContent() {}

  /** SHA-256, hex: 64 characters. */
  public static String hash(CrmCommand command) {
    StringBuilder canonical = new StringBuilder();
    field(canonical, command.getClass().getSimpleName());
    field(canonical, command.ownerId());
    if (command instanceof CreateLead create) {
      NewLead lead = create.lead();
      field(canonical, lead.firstName());
      field(canonical, lead.lastName());
      field(canonical, lead.company());
      field(canonical, lead.email());
      field(canonical, lead.phone());
    } else if (command instanceof CompleteTask complete) {
      field(canonical, complete.taskId());
      field(canonical, complete.taskSubject());
    } else {
      field(canonical, command.summary());
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  // Length-prefixed, and null apart from empty, so no two different commands read the same.
  private static void field(StringBuilder out, String value) {
    if (value == null) {
      out.append("-;");
    } else {
      out.append(value.length()).append(':').append(value).append(';');
    }
  }
}
