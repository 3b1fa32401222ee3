package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.CommandQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A confirmed "add a lead": a {@link CreateLead} through the {@link CommandSubmitter} (recorded
 * QUEUED, then queued; the worker makes the CRM call). The command id comes from the Alexa request
 * id, so a retried request finds its command recorded and does not queue it again.
 */
public final class CreateLeadService {

  /** The code and reason recorded when the queue refused a command. */
  public static final String QUEUE_UNAVAILABLE = CommandSubmitter.QUEUE_UNAVAILABLE;

  /** How long a recorded, never-claimed command may wait for its message before it is resent. */
  static final Duration RESEND_GRACE = CommandSubmitter.RESEND_GRACE;

  /** What became of a submission. */
  public sealed interface Submission {
    /** Recorded and queued now. */
    record Queued(CreateLead command) implements Submission {}

    /** This request was seen before: nothing queued again. */
    record AlreadyQueued(CommandRecord record) implements Submission {}

    /** Neither log nor queue could take it: nothing will happen; the user should ask again. */
    record NotQueued(String commandId) implements Submission {}
  }

  private final CommandSubmitter submitter;
  private final Clock clock;

  public CreateLeadService(CommandLog log, CommandQueue queue, Clock clock) {
    this(new CommandSubmitter(log, queue, clock));
  }

  public CreateLeadService(CommandSubmitter submitter) {
    this.submitter = Objects.requireNonNull(submitter, "submitter");
    this.clock = submitter.clock();
  }

  /**
   * Submits the lead for the owner.
   *
   * @param requestId the Alexa request id of the confirming request
   */
  public Submission submit(String requestId, String ownerId, NewLead lead) {
    String commandId = CommandIds.fromRequestId("CreateLead", requestId);
    CreateLead command = new CreateLead(commandId, ownerId, lead, clock.instant());
    CommandSubmitter.Submission submission = submitter.submit(command);
    if (submission instanceof CommandSubmitter.Submission.Queued) {
      return new Submission.Queued(command);
    }
    if (submission instanceof CommandSubmitter.Submission.AlreadyQueued again) {
      return new Submission.AlreadyQueued(again.record());
    }
    return new Submission.NotQueued(commandId);
  }
}
