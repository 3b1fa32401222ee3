package com.crmvoice.core.service.worker;

import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadActivity;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.PermanentException;
import com.crmvoice.core.domain.RetryableException;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.CommandLog.Claim;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmGateway.CreateLeadRequest;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmGateway.CreateTaskRequest;
import com.crmvoice.core.port.CrmGateway.StatusUpdateRequest;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.port.DeadLetterQueue;
import com.crmvoice.core.port.LeadCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of queued commands into CRM calls, so that every command a user confirmed ends as
 * one effect in the CRM (a lead, a task, a status change) or as a recorded failure with a reason:
 * none lost, none applied twice. It dispatches by command type: lead creates, task creates (logged
 * calls and follow-ups) and conditional status updates each go to the CRM in one call per batch.
 *
 * <ul>
 *   <li>A message that does not decode is a poison message: parked in the dead-letter queue with
 *       its reason, acknowledged, never retried.
 *   <li>Each command is claimed in the command log; a DONE one, or one FAILED for good, is
 *       acknowledged without touching the CRM; one held by a live lease elsewhere is left for
 *       later.
 *   <li>All claimed creates go to the CRM in one call (the gateway chunks by 200).
 *   <li>Created: DONE with the CRM id, and the lead added to its owner's cache when there is room.
 *       Rejected: FAILED with a reason a person understands, acknowledged. Retryable, or the CRM
 *       unavailable: released to QUEUED and reported failed, so the queue redelivers it.
 *   <li>Unanswered (a timeout or a dropped connection: {@link
 *       CrmUnavailableException#outcomeUnknown()}): the CRM may have committed, so each such lead
 *       is looked up by its external id first. Found: DONE with that id. Not found: retryable as
 *       above. The lookup failing too: retryable, and on the last delivery FAILED retryable with
 *       {@link FailureReasons#OUTCOME_UNKNOWN}, so the user hears "can't tell yet", never "not
 *       created" (and does not add the lead a second time).
 *   <li>On the queue's last delivery (the message's receive count has reached the queue's
 *       maxReceiveCount) a retryable outcome is recorded as FAILED but retryable, with a reason a
 *       person understands, and still reported failed: SQS then moves the message to the
 *       dead-letter queue, and the user asking about the lead hears why it is not there instead of
 *       "queued" forever. An administrator who redrives the message after fixing the cause has it
 *       claimed and created for real.
 * </ul>
 */
public final class CommandProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

  /** The status Salesforce gives a new lead by default; the refresher corrects it if not. */
  static final String NEW_LEAD_STATUS = "Open - Not Contacted";

  /**
   * One message of the batch.
   *
   * @param receiveCount how many times SQS has delivered it, this time included (its
   *     ApproximateReceiveCount attribute); 1 when unknown
   */
  public record Message(String messageId, String body, int receiveCount) {

    /** A message on its first delivery. */
    public Message(String messageId, String body) {
      this(messageId, body, 1);
    }
  }

  /**
   * What became of the batch.
   *
   * @param failedMessageIds to be redelivered (SQS batch item failures)
   * @param created commands now DONE
   * @param rejected commands now FAILED
   * @param retried commands released for another try
   * @param gaveUp commands recorded FAILED but retryable on the queue's last delivery, reported
   *     failed so that the queue moves them to the dead-letter queue
   * @param poisoned messages parked in the dead-letter queue
   * @param skipped commands already final, acknowledged
   */
  public record BatchResult(
      List<String> failedMessageIds,
      int created,
      int rejected,
      int retried,
      int gaveUp,
      int poisoned,
      int skipped) {}

  private final Function<String, CrmCommand> decoder;
  private final CommandLog log;
  private final CrmGateway crm;
  private final LeadCache cache;
  private final DeadLetterQueue deadLetters;
  private final Clock clock;
  private final Duration lease;
  private final int cacheTopN;
  private final int maxReceiveCount;
  private final CacheWriteBack writeBack;

  /** A processor that does not know the closed statuses: see the full constructor. */
  public CommandProcessor(
      Function<String, CrmCommand> decoder,
      CommandLog log,
      CrmGateway crm,
      LeadCache cache,
      DeadLetterQueue deadLetters,
      Clock clock,
      Duration lease,
      int cacheTopN,
      int maxReceiveCount) {
    this(decoder, log, crm, cache, deadLetters, clock, lease, cacheTopN, maxReceiveCount, Set.of());
  }

  /**
   * @param decoder reads a message body; throws a {@link PermanentException} for a poison message
   * @param maxReceiveCount the queue's redrive policy maxReceiveCount: a message received this many
   *     times is on its last delivery
   * @param closedStatuses lead statuses that are not open: a lead set to one leaves its owner's
   *     cached set at once
   */
  public CommandProcessor(
      Function<String, CrmCommand> decoder,
      CommandLog log,
      CrmGateway crm,
      LeadCache cache,
      DeadLetterQueue deadLetters,
      Clock clock,
      Duration lease,
      int cacheTopN,
      int maxReceiveCount,
      Collection<String> closedStatuses) {
    if (maxReceiveCount < 1) {
      throw new IllegalArgumentException("maxReceiveCount must be at least 1");
    }
    this.decoder = decoder;
    this.log = log;
    this.crm = crm;
    this.cache = cache;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.lease = lease;
    this.cacheTopN = cacheTopN;
    this.maxReceiveCount = maxReceiveCount;
    this.writeBack = new CacheWriteBack(cache, cacheTopN, closedStatuses, clock);
  }

  private record Work(Message message, CrmCommand command) {}

  /** What one command came to at the CRM, whatever its type. */
  private sealed interface Outcome {
    record Done(String crmId, boolean changed) implements Outcome {}

    record Rejected(String errorCode, String message) implements Outcome {}

    /** {@code reason} overrides the type's set-aside reason when not null. */
    record Retry(String errorCode, String reason) implements Outcome {
      Retry(String errorCode) {
        this(errorCode, null);
      }
    }
  }

  /** Counts of a batch, filled as commands settle. */
  private static final class Tally {
    final Set<String> failed = new LinkedHashSet<>();
    int created;
    int rejected;
    int retried;
    int gaveUp;
    int poisoned;
    int skipped;

    BatchResult result() {
      return new BatchResult(
          List.copyOf(failed), created, rejected, retried, gaveUp, poisoned, skipped);
    }
  }

  public BatchResult process(List<Message> messages) {
    Tally tally = new Tally();
    List<Work> claimed = new ArrayList<>();
    for (Message message : messages) {
      CrmCommand command;
      try {
        command = decoder.apply(message.body());
      } catch (PermanentException e) {
        if (park(message, e.getMessage())) {
          tally.poisoned++;
        } else {
          tally.failed.add(message.messageId());
        }
        continue;
      }
      try {
        Claim claim = log.claim(command, clock.instant(), lease);
        if (claim instanceof Claim.Claimed) {
          claimed.add(new Work(message, command));
        } else if (claim instanceof Claim.AlreadyFinal done) {
          // DONE, FAILED for good, or CANCELLED by the user before any worker took it.
          tally.skipped++;
          LOG.info(
              "command outcome commandId={} outcome=already-{}",
              command.commandId(),
              done.record().state());
        } else {
          tally.failed.add(message.messageId());
          LOG.info("command outcome commandId={} outcome=held-elsewhere", command.commandId());
        }
      } catch (RetryableException e) {
        tally.failed.add(message.messageId());
        LOG.warn("command outcome commandId={} outcome=log-unavailable", command.commandId());
      }
    }
    // One CRM call per kind of write (the gateway chunks each as the CRM allows): creates of
    // leads, creates of tasks (logged calls and follow-ups alike), conditional status updates.
    List<Work> leadCreates = new ArrayList<>();
    List<Work> taskCreates = new ArrayList<>();
    List<Work> statusUpdates = new ArrayList<>();
    for (Work work : claimed) {
      CrmCommand command = work.command();
      if (command instanceof CreateLead) {
        leadCreates.add(work);
      } else if (command instanceof UpdateLeadStatus) {
        statusUpdates.add(work);
      } else if (command instanceof LogCall || command instanceof CreateTask) {
        taskCreates.add(work);
      }
    }
    if (!leadCreates.isEmpty()) {
      run(leadCreates, tally, () -> createLeads(leadCreates));
    }
    if (!taskCreates.isEmpty()) {
      run(taskCreates, tally, () -> createTasks(taskCreates));
    }
    if (!statusUpdates.isEmpty()) {
      run(statusUpdates, tally, () -> updateStatuses(statusUpdates));
    }
    return tally.result();
  }

  private List<Outcome> createLeads(List<Work> works) {
    List<CreateLeadRequest> requests =
        works.stream()
            .map(w -> (CreateLead) w.command())
            .map(c -> new CreateLeadRequest(c.commandId(), c.ownerId(), c.lead()))
            .toList();
    List<CreateResult> results;
    try {
      results = crm.createLeads(requests);
    } catch (CrmUnavailableException u) {
      if (!u.outcomeUnknown()) {
        throw u;
      }
      // No answer came: the CRM may have created every lead or none. Each is looked up by its
      // external id below before anything is declared.
      results =
          works.stream()
              .map(w -> (CreateResult) new CreateResult.Retryable(u.errorCode(), u.getMessage()))
              .toList();
      LOG.warn(
          "batch outcome=crm-call-unanswered code={} commands={}", u.errorCode(), works.size());
    }
    List<Outcome> outcomes = new ArrayList<>(results.size());
    boolean lookupsAnswer = true;
    for (int i = 0; i < results.size(); i++) {
      CreateResult result = results.get(i);
      if (!(result instanceof CreateResult.Retryable r)
          || !CrmUnavailableException.outcomeUnknown(r.errorCode())) {
        outcomes.add(outcome(result));
        continue;
      }
      String id = works.get(i).command().commandId();
      Optional<String> found = Optional.empty();
      if (lookupsAnswer) {
        try {
          found = crm.findLeadByExternalId(id);
        } catch (CrmUnavailableException | CrmRejectedException e) {
          lookupsAnswer = false;
          LOG.warn(
              "command outcome commandId={} outcome=lookup-failed error={}",
              id,
              e.getClass().getSimpleName());
        }
      }
      if (found.isPresent()) {
        LOG.info("command outcome commandId={} outcome=found-after-{}", id, r.errorCode());
        outcomes.add(new Outcome.Done(found.get(), false));
      } else if (!lookupsAnswer) {
        outcomes.add(
            new Outcome.Retry(
                FailureReasons.OUTCOME_UNKNOWN, FailureReasons.OUTCOME_UNKNOWN_SET_ASIDE));
      } else {
        outcomes.add(new Outcome.Retry(r.errorCode()));
      }
    }
    return outcomes;
  }

  private List<Outcome> createTasks(List<Work> works) {
    List<CreateTaskRequest> requests =
        works.stream().map(w -> taskRequest((LeadActivity) w.command())).toList();
    return crm.createTasks(requests).stream().map(CommandProcessor::outcome).toList();
  }

  private static CreateTaskRequest taskRequest(LeadActivity command) {
    if (command instanceof LogCall call) {
      return new CreateTaskRequest(
          call.commandId(),
          call.ownerId(),
          call.leadId(),
          call.subject(),
          call.notes(),
          call.callDate(),
          true);
    }
    CreateTask task = (CreateTask) command;
    return new CreateTaskRequest(
        task.commandId(),
        task.ownerId(),
        task.leadId(),
        task.subject(),
        null,
        task.dueDate(),
        false);
  }

  private List<Outcome> updateStatuses(List<Work> works) {
    List<StatusUpdateRequest> requests =
        works.stream()
            .map(w -> (UpdateLeadStatus) w.command())
            .map(
                u ->
                    new StatusUpdateRequest(
                        u.leadId(), u.fromStatus(), u.toStatus(), u.heardModifiedAt()))
            .toList();
    List<UpdateResult> results = crm.updateLeadStatuses(requests);
    List<Outcome> outcomes = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      UpdateLeadStatus update = (UpdateLeadStatus) works.get(i).command();
      UpdateResult result = results.get(i);
      if (result instanceof UpdateResult.Updated u) {
        writeBack.statusChanged(update, u.modifiedAt());
        outcomes.add(new Outcome.Done(update.leadId(), u.changed()));
      } else if (result instanceof UpdateResult.Rejected r) {
        outcomes.add(new Outcome.Rejected(r.errorCode(), r.message()));
      } else {
        outcomes.add(new Outcome.Retry(((UpdateResult.Retryable) result).errorCode()));
      }
    }
    return outcomes;
  }

  private static Outcome outcome(CreateResult result) {
    if (result instanceof CreateResult.Created c) {
      return new Outcome.Done(c.crmId(), c.created());
    }
    if (result instanceof CreateResult.Rejected r) {
      return new Outcome.Rejected(r.errorCode(), r.message());
    }
    return new Outcome.Retry(((CreateResult.Retryable) result).errorCode());
  }

  /** Makes one CRM call for {@code works} and records each command's outcome. */
  private void run(List<Work> works, Tally tally, Supplier<List<Outcome>> call) {
    List<Outcome> outcomes;
    try {
      outcomes = call.get();
    } catch (CrmUnavailableException | CrmRejectedException e) {
      // The call failed as a whole: nothing is known to be written. Release everything for
      // redelivery; a configuration error ends in the dead-letter queue after maxReceiveCount.
      String code;
      boolean unavailable = e instanceof CrmUnavailableException;
      code =
          unavailable
              ? ((CrmUnavailableException) e).errorCode()
              : ((CrmRejectedException) e).errorCode();
      for (Work work : works) {
        String reason = setAsideReason(work.command(), unavailable);
        if (retryLater(work, code, reason)) {
          tally.gaveUp++;
        } else {
          tally.retried++;
        }
        tally.failed.add(work.message().messageId());
      }
      LOG.warn("batch outcome=crm-call-failed code={} commands={}", code, works.size());
      return;
    }
    for (int i = 0; i < works.size(); i++) {
      settle(works.get(i), outcomes.get(i), tally);
    }
  }

  private void settle(Work work, Outcome outcome, Tally tally) {
    CrmCommand command = work.command();
    String id = command.commandId();
    try {
      if (outcome instanceof Outcome.Done d) {
        log.markDone(id, d.crmId(), clock.instant());
        tally.created++;
        LOG.info(
            "command outcome commandId={} type={} outcome=done crmId={} new={}",
            id,
            command.getClass().getSimpleName(),
            d.crmId(),
            d.changed());
        if (command instanceof CreateLead create) {
          addToCache(create, d.crmId());
        }
      } else if (outcome instanceof Outcome.Rejected r) {
        log.markFailed(id, r.errorCode(), rejectionReason(command, r), clock.instant());
        tally.rejected++;
        LOG.info("command outcome commandId={} outcome=rejected code={}", id, r.errorCode());
      } else {
        Outcome.Retry r = (Outcome.Retry) outcome;
        String reason = r.reason() != null ? r.reason() : setAsideReason(command, true);
        if (retryLater(work, r.errorCode(), reason)) {
          tally.gaveUp++;
        } else {
          tally.retried++;
        }
        tally.failed.add(work.message().messageId());
      }
    } catch (RetryableException e) {
      // The CRM has the outcome but the log could not record it: redeliver; the external id (or
      // the conditional update, or the still-live lease) keeps the next attempt from writing
      // twice.
      tally.failed.add(work.message().messageId());
      LOG.warn("command outcome commandId={} outcome=log-unavailable-after-crm", id);
    }
  }

  // A lead's create keeps its sentence (the skill speaks it in English); every other type records
  // a code, and the skill says it in the user's language.
  private static String rejectionReason(CrmCommand command, Outcome.Rejected rejected) {
    if (command instanceof CreateLead) {
      return FailureReasons.forCode(rejected.errorCode(), rejected.message());
    }
    return rejected.errorCode() == null ? FailureReasons.CODE_REJECTED : rejected.errorCode();
  }

  private static String setAsideReason(CrmCommand command, boolean unavailable) {
    if (command instanceof CreateLead) {
      return unavailable ? FailureReasons.UNAVAILABLE_SET_ASIDE : FailureReasons.REFUSED_SET_ASIDE;
    }
    return unavailable ? FailureReasons.CODE_UNAVAILABLE : FailureReasons.CODE_REFUSED;
  }

  private boolean park(Message message, String reason) {
    try {
      deadLetters.park(message.body(), reason);
      LOG.warn(
          "message outcome messageId={} outcome=poison reason=\"{}\"", message.messageId(), reason);
      return true;
    } catch (RetryableException e) {
      LOG.warn("message outcome messageId={} outcome=poison-park-failed", message.messageId());
      return false;
    }
  }

  /**
   * A retryable outcome: released for the queue's next delivery or, on its last, recorded FAILED
   * but retryable with {@code reason}. Either way the caller reports the message failed: SQS then
   * redelivers it, or moves it to the dead-letter queue.
   *
   * @return true when this was the last delivery and the command is given up on
   */
  private boolean retryLater(Work work, String code, String reason) {
    String id = work.command().commandId();
    boolean last = work.message().receiveCount() >= maxReceiveCount;
    try {
      if (last) {
        log.markFailedRetryable(id, code, reason, clock.instant());
      } else {
        log.release(id, code, clock.instant());
      }
    } catch (RetryableException e) {
      // The lease runs out on its own; a redelivered message claims it then.
      LOG.warn("command outcome commandId={} outcome=record-failed last={}", id, last);
    }
    LOG.info(
        "command outcome commandId={} outcome={} code={} receiveCount={}",
        id,
        last ? "gave-up-to-dlq" : "retry",
        code,
        work.message().receiveCount());
    return last;
  }

  private void addToCache(CreateLead command, String crmId) {
    try {
      Instant now = clock.instant();
      Lead lead =
          new Lead(
              crmId,
              command.ownerId(),
              command.lead().firstName(),
              command.lead().lastName(),
              command.lead().company(),
              command.lead().email(),
              command.lead().phone(),
              NEW_LEAD_STATUS,
              now);
      cache.addLeadIfRoom(lead, cacheTopN, now);
    } catch (RuntimeException e) {
      // The refresher puts it in the cache on its next pass; the create itself stands.
      LOG.warn(
          "cache add failed commandId={} error={}",
          command.commandId(),
          e.getClass().getSimpleName());
    }
  }
}
