package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.CommandQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A confirmed "add a lead": records the command QUEUED in the command log, then puts it on the
 * command queue, and answers at once; the worker makes the CRM call. The command id comes from the
 * Alexa request id, so a retried request finds its command recorded and does not queue it again; a
 * request id that comes back with other content (its content hash differs) is answered as such,
 * never as "adding".
 */
public final class CreateLeadService {

  private static final Logger LOG = LoggerFactory.getLogger(CreateLeadService.class);

  /** The code and reason recorded when the queue refused a command. */
  public static final String QUEUE_UNAVAILABLE = "QUEUE_UNAVAILABLE";

  /** How long a recorded, never-claimed command may wait for its message before it is resent. */
  static final Duration RESEND_GRACE = Duration.ofSeconds(30);

  /** What became of a submission. */
  public sealed interface Submission {
    /** Recorded and queued now. */
    record Queued(CreateLead command) implements Submission {}

    /** This request was seen before: nothing queued again. */
    record AlreadyQueued(CommandRecord record) implements Submission {}

    /** Neither log nor queue could take it: nothing will happen; the user should ask again. */
    record NotQueued(String commandId) implements Submission {}

    /**
     * This request id was recorded before for a different lead (its content hash differs): not a
     * retry. Nothing is queued for this lead; the recorded command stands as it was.
     */
    record ReusedForOtherContent(CommandRecord record) implements Submission {}
  }

  private final CommandLog log;
  private final CommandQueue queue;
  private final Clock clock;

  public CreateLeadService(CommandLog log, CommandQueue queue, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Submits the lead for the owner.
   *
   * @param requestId the Alexa request id of the confirming request
   */
  public Submission submit(String requestId, String ownerId, NewLead lead) {
    String commandId = CommandIds.fromRequestId("CreateLead", requestId);
    Instant now = clock.instant();
    CreateLead command = new CreateLead(commandId, ownerId, lead, now);
    boolean recorded;
    try {
      recorded = log.recordQueued(command, now);
    } catch (StorageUnavailableException e) {
      LOG.warn("command log unavailable, command {} not queued: {}", commandId, e.toString());
      return new Submission.NotQueued(commandId);
    }
    if (!recorded) {
      return resubmission(command);
    }
    return send(command);
  }

  // A request seen before. If the first attempt died between the log write and the send, the
  // command sits QUEUED with no message: after RESEND_GRACE with no worker claim yet, it is sent
  // again (the worker claims a command once, so a spare message cannot create a second lead). A
  // prompt retry of a request that did send finds it younger than that and queues nothing more.
  private Submission resubmission(CreateLead command) {
    String commandId = command.commandId();
    CommandRecord record;
    try {
      record = log.find(commandId).orElse(null);
    } catch (StorageUnavailableException e) {
      LOG.warn("command log unavailable, command {} not checked: {}", commandId, e.toString());
      return new Submission.NotQueued(commandId);
    }
    if (record == null) {
      return new Submission.NotQueued(commandId);
    }
    if (!record.sameContentAs(command)) {
      LOG.warn("command {} already recorded with other content: request id reused", commandId);
      return new Submission.ReusedForOtherContent(record);
    }
    if (record.state() == CommandState.FAILED
        && QUEUE_UNAVAILABLE.equals(record.status().failureCode())) {
      return new Submission.NotQueued(commandId);
    }
    if (record.state() == CommandState.QUEUED
        && record.attempts() == 0
        && record.updatedAt().plus(RESEND_GRACE).isBefore(clock.instant())
        && record.command() instanceof CreateLead queued) {
      LOG.info("command {} already recorded and still queued: sent again", commandId);
      Submission sent = send(queued);
      return sent instanceof Submission.NotQueued ? sent : new Submission.AlreadyQueued(record);
    }
    LOG.info("command {} already recorded: not queued again", commandId);
    return new Submission.AlreadyQueued(record);
  }

  private Submission send(CreateLead command) {
    String commandId = command.commandId();
    try {
      queue.send(command);
      LOG.info("command {} queued", commandId);
      return new Submission.Queued(command);
    } catch (StorageUnavailableException e) {
      LOG.warn("command queue unavailable, command {} not queued: {}", commandId, e.toString());
      markNotQueued(command);
      return new Submission.NotQueued(commandId);
    }
  }

  // The log says QUEUED but the message never left: record it FAILED (claim, then fail) so that
  // "what happened to my lead" tells the truth and no worker waits for it.
  private void markNotQueued(CreateLead command) {
    try {
      Instant now = clock.instant();
      if (log.claim(command, now, Duration.ofSeconds(30)) instanceof CommandLog.Claim.Claimed) {
        log.markFailed(
            command.commandId(),
            QUEUE_UNAVAILABLE,
            "I could not pass the lead on to Salesforce. Please ask me again.",
            now);
      }
    } catch (StorageUnavailableException e) {
      LOG.warn("could not mark command {} failed: {}", command.commandId(), e.toString());
    }
  }
}
