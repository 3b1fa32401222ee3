package com.crmvoice.core.service.notify;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.Notice;
import com.crmvoice.core.domain.PermanentException;
import com.crmvoice.core.domain.RetryableException;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.NotificationLog;
import com.crmvoice.core.port.NotificationLog.Claim;
import com.crmvoice.core.port.Notifier;
import com.crmvoice.core.port.NotifierRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs notification jobs: each names a FAILED command; its owner hears once what failed.
 *
 * <ul>
 *   <li>The notice is claimed in the notification log first: one already sent, or one another job
 *       is sending, is acknowledged or left for later, so a redelivered job never notifies twice.
 *   <li>Sent: marked notified. The service unavailable: released and reported failed, so the queue
 *       redelivers the job. Refused for good (a 4xx other than 401 and 429): logged, marked
 *       notified so that nothing sends it again, and acknowledged.
 *   <li>A command with no recipient yet (the skill records it just after queueing the command) is
 *       retried until the queue's last delivery, then dropped; so is a job for a command that is
 *       not FAILED (a redrive made it DONE meanwhile) or not in the log.
 * </ul>
 */
public final class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

  /** One job message as it arrived. */
  public record Job(String messageId, String body, int receiveCount) {}

  /**
   * What became of the batch.
   *
   * @param failedMessageIds to be redelivered
   */
  public record BatchResult(
      List<String> failedMessageIds, int sent, int skipped, int dropped, int retried) {}

  private final Function<String, String> decoder;
  private final CommandLog commands;
  private final NotificationLog notifications;
  private final Notifier notifier;
  private final Clock clock;
  private final Duration lease;
  private final int maxReceiveCount;

  /**
   * @param decoder reads a job body into its command id; throws a {@link PermanentException} for a
   *     malformed one (dropped)
   * @param maxReceiveCount the notification queue's maxReceiveCount
   */
  public NotificationSender(
      Function<String, String> decoder,
      CommandLog commands,
      NotificationLog notifications,
      Notifier notifier,
      Clock clock,
      Duration lease,
      int maxReceiveCount) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lease = Objects.requireNonNull(lease, "lease");
    if (maxReceiveCount < 1) {
      throw new IllegalArgumentException("maxReceiveCount must be at least 1");
    }
    this.maxReceiveCount = maxReceiveCount;
  }

  private enum Outcome {
    SENT,
    SKIPPED,
    DROPPED,
    RETRY
  }

  public BatchResult process(List<Job> jobs) {
    List<String> failed = new ArrayList<>();
    int sent = 0;
    int skipped = 0;
    int dropped = 0;
    int retried = 0;
    for (Job job : jobs) {
      Outcome outcome;
      try {
        outcome = run(job);
      } catch (RetryableException e) {
        LOG.warn(
            "notification outcome messageId={} outcome=retry error={}",
            job.messageId(),
            e.getClass().getSimpleName());
        outcome = Outcome.RETRY;
      }
      switch (outcome) {
        case SENT -> sent++;
        case SKIPPED -> skipped++;
        case DROPPED -> dropped++;
        case RETRY -> {
          retried++;
          failed.add(job.messageId());
        }
      }
    }
    return new BatchResult(List.copyOf(failed), sent, skipped, dropped, retried);
  }

  /** Decodes the job, skips a command not FAILED, claims its notice, then sends it. */
  private Outcome run(Job job) {
    String commandId;
    try {
      commandId = decoder.apply(job.body());
    } catch (PermanentException e) {
      LOG.warn("notification outcome messageId={} outcome=malformed-dropped", job.messageId());
      return Outcome.DROPPED;
    }
    Optional<CommandRecord> found = commands.find(commandId);
    if (found.isEmpty() || found.get().state() != CommandState.FAILED) {
      LOG.info(
          "notification outcome commandId={} outcome=not-failed-skipped state={}",
          commandId,
          found.map(r -> r.state().name()).orElse("unknown"));
      return Outcome.SKIPPED;
    }
    CommandRecord record = found.get();
    Claim claim = notifications.claim(commandId, clock.instant(), lease);
    if (claim instanceof Claim.AlreadyNotified) {
      LOG.info("notification outcome commandId={} outcome=already-notified", commandId);
      return Outcome.SKIPPED;
    }
    if (claim instanceof Claim.HeldElsewhere) {
      LOG.info("notification outcome commandId={} outcome=held-elsewhere", commandId);
      return Outcome.RETRY;
    }
    if (claim instanceof Claim.NoRecipient) {
      boolean last = job.receiveCount() >= maxReceiveCount;
      LOG.info(
          "notification outcome commandId={} outcome={}",
          commandId,
          last ? "no-recipient-dropped" : "no-recipient-yet");
      return last ? Outcome.DROPPED : Outcome.RETRY;
    }
    return send(commandId, record, (Claim.Claimed) claim);
  }

  /** Sends the claimed notice; a refused one is marked notified too, so it is never sent again. */
  private Outcome send(String commandId, CommandRecord record, Claim.Claimed claimed) {
    Notice notice =
        new Notice(
            Notice.referenceIdFor(commandId),
            claimed.recipient(),
            record.status().failureCode(),
            record.command().subjectName());
    try {
      notifier.send(notice);
    } catch (NotifierRejectedException e) {
      notifications.markNotified(commandId, clock.instant());
      LOG.warn(
          "notification outcome commandId={} outcome=rejected-dropped status={}",
          commandId,
          e.status());
      return Outcome.DROPPED;
    } catch (RetryableException e) {
      release(commandId);
      throw e;
    }
    notifications.markNotified(commandId, clock.instant());
    LOG.info(
        "notification outcome commandId={} outcome=sent code={}",
        commandId,
        record.status().failureCode());
    return Outcome.SENT;
  }

  private void release(String commandId) {
    try {
      notifications.release(commandId);
    } catch (RetryableException e) {
      // The lease runs out on its own.
      LOG.warn("notification release failed commandId={}", commandId);
    }
  }
}
