package com.crmvoice.core.port;

import com.crmvoice.core.domain.Recipient;
import java.time.Duration;
import java.time.Instant;

/**
 * Who is to hear about each command, and whether they have: kept beside the command in the command
 * log. The skill records the recipient when it queues the command; the notification job claims the
 * notice, sends it and marks it notified, so a retried job or a redelivered message never notifies
 * twice. Failures are {@link StorageUnavailableException}.
 */
public interface NotificationLog {

  /**
   * Records who gave the command. Answers false (and changes nothing) when the command is not in
   * the log.
   */
  boolean recordRecipient(String commandId, Recipient recipient);

  /** What {@link #claim} found. */
  sealed interface Claim {
    /** The caller may send the notice until the lease expires. */
    record Claimed(Recipient recipient) implements Claim {}

    /** The notice was sent before: do nothing. */
    record AlreadyNotified() implements Claim {}

    /** Another job holds a live lease on it: leave it for later. */
    record HeldElsewhere() implements Claim {}

    /** The command has no recipient (yet): the skill may not have recorded it yet. */
    record NoRecipient() implements Claim {}
  }

  /** Claims the command's notice for one send, until {@code now + lease}. */
  Claim claim(String commandId, Instant now, Duration lease);

  /** The notice was delivered, or dropped for good: no job sends it again. */
  void markNotified(String commandId, Instant now);

  /** The send failed for now: another job may claim it at once. */
  void release(String commandId);

  /**
   * Records that the skill asked this Alexa user for the notifications permission. Answers true the
   * first time for a user, false ever after: the skill asks once and never nags after a no.
   */
  boolean markConsentAsked(String alexaUserId);
}
