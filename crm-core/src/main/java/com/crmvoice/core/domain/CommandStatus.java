package com.crmvoice.core.domain;

import java.util.Objects;

/**
 * A command's state with what it produced: the CRM record id when DONE, the CRM's error code and a
 * reason a person understands when FAILED.
 *
 * <p>A FAILED command is one of two kinds. Rejected by the CRM ({@code retryable} false): final,
 * never tried again. Given up on for a cause that may pass ({@code retryable} true): the CRM stayed
 * unavailable for every delivery the queue allows, so the message went to the dead-letter queue;
 * when an administrator redrives it, the command may be claimed again.
 *
 * @param retryable only for FAILED: the worker gave up on a retryable cause, not a rejection
 */
public record CommandStatus(
    CommandState state, String crmId, String failureCode, String failureReason, boolean retryable) {

  public CommandStatus {
    Objects.requireNonNull(state, "state");
    if (state == CommandState.DONE && (crmId == null || crmId.isBlank())) {
      throw new IllegalArgumentException("a DONE command has a CRM id");
    }
    if (state == CommandState.FAILED && (failureReason == null || failureReason.isBlank())) {
      throw new IllegalArgumentException("a FAILED command has a reason");
    }
    if (retryable && state != CommandState.FAILED) {
      throw new IllegalArgumentException("only a FAILED command can be retryable");
    }
  }

  public static CommandStatus queued() {
    return new CommandStatus(CommandState.QUEUED, null, null, null, false);
  }

  public static CommandStatus inProgress() {
    return new CommandStatus(CommandState.IN_PROGRESS, null, null, null, false);
  }

  public static CommandStatus done(String crmId) {
    return new CommandStatus(CommandState.DONE, crmId, null, null, false);
  }

  /** Rejected by the CRM: final. */
  public static CommandStatus failed(String code, String reason) {
    return new CommandStatus(CommandState.FAILED, null, code, reason, false);
  }

  /** Given up on for a retryable cause: a redrive from the dead-letter queue may claim it again. */
  public static CommandStatus failedRetryable(String code, String reason) {
    return new CommandStatus(CommandState.FAILED, null, code, reason, true);
  }

  /** Undone by the user before a worker took it. */
  public static CommandStatus cancelled() {
    return new CommandStatus(CommandState.CANCELLED, null, null, null, false);
  }

  /** DONE, CANCELLED, or FAILED for good: no worker will ever act on the command again. */
  public boolean isFinal() {
    return state == CommandState.DONE
        || state == CommandState.CANCELLED
        || (state == CommandState.FAILED && !retryable);
  }
}
