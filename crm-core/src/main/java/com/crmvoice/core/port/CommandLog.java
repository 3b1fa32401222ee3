package com.crmvoice.core.port;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CrmCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The status and idempotency record of every command. Transitions are conditional: QUEUED →
 * IN_PROGRESS (with a lease) → DONE or FAILED, or back to QUEUED to be retried. A DONE command and
 * a FAILED one the CRM rejected never change again. A command the worker gave up on for a retryable
 * cause (the CRM unavailable on the queue's last delivery: {@link #markFailedRetryable}) is FAILED
 * too, so the user hears what happened, but a redrive from the dead-letter queue may claim it
 * again. Failures are {@link StorageUnavailableException}.
 */
public interface CommandLog {

  /** Records the command as QUEUED; answers false (and changes nothing) if it is known already. */
  boolean recordQueued(CrmCommand command, Instant now);

  /** What {@link #claim} found. */
  sealed interface Claim {
    /** The caller now holds the command until the lease expires. */
    record Claimed(CommandRecord record) implements Claim {}

    /**
     * The command is DONE, or FAILED for good ({@link CommandRecord#isFinal()}): acknowledge it, do
     * nothing.
     */
    record AlreadyFinal(CommandRecord record) implements Claim {}

    /** Another worker holds a live lease on it: leave it for later. */
    record HeldElsewhere(CommandRecord record) implements Claim {}
  }

  /**
   * Claims the command for one attempt: QUEUED, IN_PROGRESS with an expired lease, or FAILED but
   * retryable (a redrive from the dead-letter queue) becomes IN_PROGRESS until {@code now + lease},
   * attempts + 1, its failure code and reason cleared. A command the log has never seen is recorded
   * and claimed at once. DONE and FAILED-for-good are {@link Claim.AlreadyFinal}.
   */
  Claim claim(CrmCommand command, Instant now, Duration lease);

  /** IN_PROGRESS → DONE with the CRM id. Answers false if the command was not in progress. */
  boolean markDone(String commandId, String crmId, Instant now);

  /** IN_PROGRESS → FAILED for good. Answers false if the command was not in progress. */
  boolean markFailed(String commandId, String failureCode, String failureReason, Instant now);

  /**
   * IN_PROGRESS → FAILED, retryable: the worker gives up for now on a cause that may pass (the
   * queue's last delivery, the CRM still unavailable). The user is told the reason; a later {@link
   * #claim} (the message redriven from the dead-letter queue) may take it up again. Answers false
   * if the command was not in progress.
   */
  boolean markFailedRetryable(
      String commandId, String failureCode, String failureReason, Instant now);

  /**
   * IN_PROGRESS → QUEUED, to be tried again; the reason is kept as the last error. Answers false if
   * the command was not in progress.
   */
  boolean release(String commandId, String lastError, Instant now);

  /** The command's record, if known. */
  Optional<CommandRecord> find(String commandId);

  /**
   * The command the owner's latest {@link #recordQueued} recorded, with its current status, if any.
   * Reads its writes: a command recorded before this call is seen at once, and so is every
   * transition of it. This answers "what happened to my lead" right after a create.
   */
  Optional<CommandRecord> latestForOwner(String ownerId);

  /**
   * The owner's most recent commands, newest first, at most {@code limit}. Read from an index that
   * is eventually consistent (a DynamoDB global secondary index): a command recorded a moment ago
   * may be missing and a status may be older. For the latest command use {@link #latestForOwner}.
   */
  List<CommandRecord> recentForOwner(String ownerId, int limit);
}
