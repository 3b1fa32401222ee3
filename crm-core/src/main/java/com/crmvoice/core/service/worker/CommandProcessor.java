package com.crmvoice.core.service.worker;

import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.PermanentException;
import com.crmvoice.core.domain.RetryableException;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.CommandLog.Claim;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmGateway.CreateLeadRequest;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.port.DeadLetterQueue;
import com.crmvoice.core.port.LeadCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of queued commands into CRM calls, so that every command a user confirmed ends as
 * one lead in the CRM or as a recorded failure with a reason: none lost, none created twice.
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

  /**
   * @param decoder reads a message body; throws a {@link PermanentException} for a poison message
   * @param maxReceiveCount the queue's redrive policy maxReceiveCount: a message received this many
   *     times is on its last delivery
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
      int maxReceiveCount) {
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
  }

  private record Work(Message message, CreateLead command) {}

  public BatchResult process(List<Message> messages) {
    Set<String> failed = new LinkedHashSet<>();
    int poisoned = 0;
    int skipped = 0;
    List<Work> claimed = new ArrayList<>();
    for (Message message : messages) {
      CrmCommand command;
      try {
        command = decoder.apply(message.body());
      } catch (PermanentException e) {
        if (park(message, e.getMessage())) {
          poisoned++;
        } else {
          failed.add(message.messageId());
        }
        continue;
      }
      try {
        Claim claim = log.claim(command, clock.instant(), lease);
        if (claim instanceof Claim.Claimed) {
          claimed.add(new Work(message, (CreateLead) command));
        } else if (claim instanceof Claim.AlreadyFinal done) {
          skipped++;
          LOG.info(
              "command outcome commandId={} outcome=already-{}",
              command.commandId(),
              done.record().state());
        } else {
          failed.add(message.messageId());
          LOG.info("command outcome commandId={} outcome=held-elsewhere", command.commandId());
        }
      } catch (RetryableException e) {
        failed.add(message.messageId());
        LOG.warn("command outcome commandId={} outcome=log-unavailable", command.commandId());
      }
    }
    int created = 0;
    int rejected = 0;
    int retried = 0;
    int gaveUp = 0;
    if (!claimed.isEmpty()) {
      List<CreateLeadRequest> requests =
          claimed.stream()
              .map(
                  w ->
                      new CreateLeadRequest(
                          w.command().commandId(), w.command().ownerId(), w.command().lead()))
              .toList();
      List<CreateResult> results;
      try {
        results = crm.createLeads(requests);
      } catch (CrmUnavailableException | CrmRejectedException e) {
        if (e instanceof CrmUnavailableException u && u.outcomeUnknown()) {
          // No answer came: the CRM may have created every lead or none. Each is looked up by
          // its external id below before anything is declared.
          results =
              claimed.stream()
                  .map(
                      w -> (CreateResult) new CreateResult.Retryable(u.errorCode(), e.getMessage()))
                  .toList();
          LOG.warn(
              "batch outcome=crm-call-unanswered code={} commands={}",
              u.errorCode(),
              claimed.size());
        } else {
          // The call failed as a whole and the CRM said so: nothing is created. Release
          // everything for redelivery; a configuration error ends in the dead-letter queue after
          // maxReceiveCount.
          String code;
          String reason;
          if (e instanceof CrmUnavailableException u) {
            code = u.errorCode();
            reason = FailureReasons.UNAVAILABLE_SET_ASIDE;
          } else {
            code = ((CrmRejectedException) e).errorCode();
            reason = FailureReasons.REFUSED_SET_ASIDE;
          }
          for (Work work : claimed) {
            if (retryLater(work, code, reason)) {
              gaveUp++;
            } else {
              retried++;
            }
            failed.add(work.message().messageId());
          }
          LOG.warn("batch outcome=crm-call-failed code={} commands={}", code, claimed.size());
          return new BatchResult(List.copyOf(failed), 0, 0, retried, gaveUp, poisoned, skipped);
        }
      }
      boolean lookupsAnswer = true;
      for (int i = 0; i < claimed.size(); i++) {
        Work work = claimed.get(i);
        CreateResult result = results.get(i);
        String id = work.command().commandId();
        try {
          if (result instanceof CreateResult.Created c) {
            log.markDone(id, c.crmId(), clock.instant());
            created++;
            LOG.info(
                "command outcome commandId={} outcome=created crmId={} new={}",
                id,
                c.crmId(),
                c.created());
            addToCache(work.command(), c.crmId());
          } else if (result instanceof CreateResult.Rejected r) {
            log.markFailed(
                id,
                r.errorCode(),
                FailureReasons.forCode(r.errorCode(), r.message()),
                clock.instant());
            rejected++;
            LOG.info("command outcome commandId={} outcome=rejected code={}", id, r.errorCode());
          } else {
            CreateResult.Retryable r = (CreateResult.Retryable) result;
            String code = r.errorCode();
            String reason = FailureReasons.UNAVAILABLE_SET_ASIDE;
            if (CrmUnavailableException.outcomeUnknown(code)) {
              Optional<String> found = Optional.empty();
              if (lookupsAnswer) {
                try {
                  found = crm.findLeadByExternalId(id);
                } catch (CrmUnavailableException | CrmRejectedException e) {
                  // One failed lookup is enough for this batch: the CRM is not answering now.
                  lookupsAnswer = false;
                  LOG.warn(
                      "command outcome commandId={} outcome=lookup-failed error={}",
                      id,
                      e.getClass().getSimpleName());
                }
              }
              if (found.isPresent()) {
                log.markDone(id, found.get(), clock.instant());
                created++;
                LOG.info(
                    "command outcome commandId={} outcome=found-after-{} crmId={}",
                    id,
                    code,
                    found.get());
                addToCache(work.command(), found.get());
                continue;
              }
              if (!lookupsAnswer) {
                // Created or not, nobody can tell yet: the user must not hear "not created".
                code = FailureReasons.OUTCOME_UNKNOWN;
                reason = FailureReasons.OUTCOME_UNKNOWN_SET_ASIDE;
              }
            }
            if (retryLater(work, code, reason)) {
              gaveUp++;
            } else {
              retried++;
            }
            failed.add(work.message().messageId());
          }
        } catch (RetryableException e) {
          // The CRM has the outcome but the log could not record it: redeliver; the external id
          // (or the still-live lease) keeps the next attempt from creating a second lead.
          failed.add(work.message().messageId());
          LOG.warn("command outcome commandId={} outcome=log-unavailable-after-crm", id);
        }
      }
    }
    return new BatchResult(
        List.copyOf(failed), created, rejected, retried, gaveUp, poisoned, skipped);
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
