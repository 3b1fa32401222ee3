package com.crmvoice.core.domain;

/**
 * Where a command is in its life: QUEUED by the skill, IN_PROGRESS while a worker holds its lease,
 * then DONE or FAILED for good. A failed attempt that may be retried goes back to QUEUED.
 */
public enum CommandState {
  QUEUED,
  IN_PROGRESS,
  DONE,
  FAILED;

  /** DONE and FAILED never change again. */
  public boolean isFinal() {
    return this == DONE || this == FAILED;
  }
}
