package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.CommandRecord;
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
 * Alexa request id, so a retried request finds its command recorded and does not queue it again.
 */
public final class CreateLeadService {

  private static final Logger LOG = LoggerFactory.getLogger(CreateLeadService.class);

  /** The code and reason recorded when the queue refused a command. */
  public static final String QUEUE_UNAVAILABLE = "QUEUE_UNAVAILABLE";

  /** What became of a submission. */
  public sealed interface Submission {
    /** Recorded and queued now. */
    record Queued(CreateLead command) implements Submission {}

    /** This request was seen before: nothing queued again. */
    record AlreadyQueued(CommandRecord record) implements Submission {}

    /** Neither log nor queue could take it: nothing will happen; the user should ask again. */
    record NotQueued(String commandId) implements Submission {}
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
    try {
      if (!log.recordQueued(command, now)) {
        LOG.info("command {} already recorded: not queued again", commandId);
        return log.find(commandId)
            .<Submission>map(Submission.AlreadyQueued::new)
            .orElseGet(() -> new Submission.NotQueued(commandId));
      }
    } catch (StorageUnavailableException e) {
      LOG.warn("command log unavailable, command {} not queued: {}", commandId, e.toString());
      return new Submission.NotQueued(commandId);
    }
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
