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
 * @param contentHash {@link CommandContent#hash} of the command as first recorded: a request id
 *     reused with other content is told apart from a retry by it
 */
public record CommandRecord(
    CrmCommand command,
    CommandStatus status,
    int attempts,
    Instant updatedAt,
    Instant leaseExpiresAt,
    String contentHash) {

  public CommandRecord {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (contentHash == null || contentHash.isBlank()) {
      contentHash = CommandContent.hash(command);
    }
  }

  /** A record whose content hash is the command's own. */
  public CommandRecord(
      CrmCommand command,
      CommandStatus status,
      int attempts,
      Instant updatedAt,
      Instant leaseExpiresAt) {
    this(command, status, attempts, updatedAt, leaseExpiresAt, null);
  }

  /** Whether {@code other} asks for what this record's command asked for when first recorded. */
  public boolean sameContentAs(CrmCommand other) {
    return contentHash.equals(CommandContent.hash(other));
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
