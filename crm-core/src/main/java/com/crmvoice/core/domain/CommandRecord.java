package com.crmvoice.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A command as the command log holds it.
 *
 * @param command the command itself
 * @param status its state and outcome
 * @param attempts how many times a worker has claimed it
 * @param updatedAt when the state last changed
 * @param leaseExpiresAt while IN_PROGRESS, until when the claiming worker holds it; null otherwise
 */
public record CommandRecord(
    CrmCommand command,
    CommandStatus status,
    int attempts,
    Instant updatedAt,
    Instant leaseExpiresAt) {

  public CommandRecord {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public String commandId() {
    return command.commandId();
  }

  public CommandState state() {
    return status.state();
  }

  /** See {@link CommandStatus#isFinal()}. */
  public boolean isFinal() {
    return status.isFinal();
  }
}
