package com.crmvoice.core.domain;

import java.util.Objects;

/**
 * A command's state with what it produced: the CRM record id when DONE, the CRM's error code and a
 * reason a person understands when FAILED.
 */
public record CommandStatus(
    CommandState state, String crmId, String failureCode, String failureReason) {

  public CommandStatus {
    Objects.requireNonNull(state, "state");
    if (state == CommandState.DONE && (crmId == null || crmId.isBlank())) {
      throw new IllegalArgumentException("a DONE command has a CRM id");
    }
    if (state == CommandState.FAILED && (failureReason == null || failureReason.isBlank())) {
      throw new IllegalArgumentException("a FAILED command has a reason");
    }
  }

  public static CommandStatus queued() {
    return new CommandStatus(CommandState.QUEUED, null, null, null);
  }

  public static CommandStatus inProgress() {
    return new CommandStatus(CommandState.IN_PROGRESS, null, null, null);
  }

  public static CommandStatus done(String crmId) {
    return new CommandStatus(CommandState.DONE, crmId, null, null);
  }

  public static CommandStatus failed(String code, String reason) {
    return new CommandStatus(CommandState.FAILED, null, code, reason);
  }
}
