package com.crmvoice.core.domain;

/**
 * Where a command is in its life: QUEUED by the skill, IN_PROGRESS while a worker holds its lease,
 * then DONE or FAILED; a QUEUED command no worker has taken may be CANCELLED by the user. A failed
 * attempt that may be retried goes back to QUEUED; a command the worker gave up on after the
 * queue's last delivery is FAILED but retryable ({@link CommandStatus#retryable()}), and a redrive
 * from the dead-letter queue may claim it again.
 */
public enum CommandState {
  QUEUED,
  IN_PROGRESS,
  DONE,
  FAILED,
  /** Undone by the user before any worker took it: it never reaches the CRM. */
  CANCELLED;

  /**
   * DONE, FAILED or CANCELLED: no worker holds the command and none is due to. Whether it can ever
   * change again is {@link CommandStatus#isFinal()}: a retryable FAILED command can.
   */
  public boolean isFinal() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}
