package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.CommandQueue;
import com.crmvoice.core.service.skill.CommandSubmitter.Submission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A confirmed "add a lead": the lead becomes a {@link CreateLead} command whose id comes from the
 * Alexa request id, and goes through the write path every command takes ({@link CommandSubmitter}):
 * recorded QUEUED, put on the command queue, answered at once. A retried request finds its command
 * recorded and does not queue it again; a request id that comes back with other content is answered
 * as such, never as "adding".
 */
public final class CreateLeadService {

  /** The code recorded when the queue refused a command. */
  public static final String QUEUE_UNAVAILABLE = CommandSubmitter.QUEUE_UNAVAILABLE;

  /** How long a recorded, never-claimed command may wait for its message before it is resent. */
  static final Duration RESEND_GRACE = CommandSubmitter.RESEND_GRACE;

  private final CommandSubmitter commands;
  private final Clock clock;

  public CreateLeadService(CommandLog log, CommandQueue queue, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.commands = new CommandSubmitter(log, queue, clock);
  }

  /**
   * Submits the lead for the owner.
   *
   * @param requestId the Alexa request id of the confirming request
   */
  public Submission submit(String requestId, String ownerId, NewLead lead) {
    String commandId = CommandIds.fromRequestId("CreateLead", requestId);
    Instant now = clock.instant();
    return commands.submit(new CreateLead(commandId, ownerId, lead, now));
  }
}
