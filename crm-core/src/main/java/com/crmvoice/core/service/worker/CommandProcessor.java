package com.crmvoice.core.service.worker;

import com.crmvoice.core.domain.CompleteTask;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.PermanentException;
import com.crmvoice.core.domain.RetryableException;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.port.AgendaCache;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.CommandLog.Claim;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.port.DeadLetterQueue;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.service.worker.CrmWrites.Outcome;
import com.crmvoice.core.service.worker.CrmWrites.Work;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of queued commands into CRM calls, so that every command a user confirmed ends as
 * one effect in the CRM (a lead, a task, a status change) or as a recorded failure with a reason:
 * none lost, none applied twice. A poison message is parked, never retried; a command is claimed
 * before the CRM is called and settled after; a retryable outcome is released for redelivery, or on
 * the queue's last delivery recorded FAILED but retryable (so a redrive can still apply it); an
 * unanswered create is looked up by its external id before anything is declared. The steps, the
 * failure codes and why: docs/worker.md, "Per batch" and "The last delivery".
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
  private final LeadCache cache;
  private final DeadLetterQueue deadLetters;
  private final Clock clock;
  private final Duration lease;
  private final int cacheTopN;
  private final int maxReceiveCount;
  private final CrmWrites writes;
  private volatile DealWrites dealWrites;
  private volatile OwnerParallel logWrites = new OwnerParallel(1);

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
   * A processor without the calendar: a {@link CompleteTask} is rejected for good with {@link
   * FailureReasons#CODE_NO_CALENDAR} (see the full constructor).
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
    this(
        decoder,
        log,
        crm,
        cache,
        deadLetters,
        clock,
        lease,
        cacheTopN,
        maxReceiveCount,
        closedStatuses,
        null,
        null);
  }

  /**
   * @param decoder reads a message body; throws a {@link PermanentException} for a poison message
   * @param maxReceiveCount the queue's redrive policy maxReceiveCount: a message received this many
   *     times is on its last delivery
   * @param closedStatuses lead statuses that are not open: a lead set to one leaves its owner's
   *     cached set at once
   * @param calendar completes tasks; null when this processor has none
   * @param agendas where a completed task leaves, and a created follow-up joins, its owner's cached
   *     agenda (read your writes); null for none
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
      Collection<String> closedStatuses,
      CalendarGateway calendar,
      AgendaCache agendas) {
    if (maxReceiveCount < 1) {
      throw new IllegalArgumentException("maxReceiveCount must be at least 1");
    }
    this.decoder = decoder;
    this.log = log;
    this.cache = cache;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.lease = lease;
    this.cacheTopN = cacheTopN;
    this.maxReceiveCount = maxReceiveCount;
    this.writes =
        new CrmWrites(
            crm,
            new CacheWriteBack(cache, cacheTopN, closedStatuses, clock),
            calendar,
            agendas,
            clock);
  }

  /**
   * Lets this processor apply {@link UpdateOpportunity} commands; without it they fail with {@link
   * #DEALS_NOT_CONFIGURED}. Set once at wiring, before the first batch.
   */
  public CommandProcessor withDealWrites(DealWrites writes) {
    this.dealWrites = writes;
    return this;
  }

  /**
   * Writes the command log around the CRM call (claims, then outcomes and cache adds) for up to
   * {@code threads} owners at once, each owner's commands in batch order ({@link OwnerParallel});
   * 1, the default, writes them one after another. Set once at wiring, before the first batch.
   */
  public CommandProcessor withLogConcurrency(int threads) {
    this.logWrites = new OwnerParallel(threads);
    return this;
  }

  /** The reason code of a deal update a processor without {@link DealWrites} cannot apply. */
  public static final String DEALS_NOT_CONFIGURED = "DEALS_NOT_CONFIGURED";

  /** Counts of a batch, filled as commands settle. */
  private static final class Tally {
    final Set<String> failed = new LinkedHashSet<>();
    int created;
    int rejected;
    int retried;
    int gaveUp;
    int poisoned;
    int skipped;

    /** Adds what one command's step counted. */
    void add(Tally other) {
      failed.addAll(other.failed);
      created += other.created;
      rejected += other.rejected;
      retried += other.retried;
      gaveUp += other.gaveUp;
      poisoned += other.poisoned;
      skipped += other.skipped;
    }

    BatchResult result() {
      return new BatchResult(
          List.copyOf(failed), created, rejected, retried, gaveUp, poisoned, skipped);
    }
  }

  /**
   * Settles a batch: decodes each message (a poison one is parked), claims each command in the log,
   * makes one CRM call per kind of write for the claimed ones, and records each command's outcome.
   */
  public BatchResult process(List<Message> messages) {
    Tally tally = new Tally();
    List<Work> claimed = decodeAndClaim(messages, tally);
    // One CRM call per kind of write (the gateway chunks each as the CRM allows): creates of
    // leads, creates of tasks (logged calls and follow-ups alike), conditional status updates.
    List<Work> leadCreates = ofKind(claimed, c -> c instanceof CreateLead);
    List<Work> taskCreates = ofKind(claimed, c -> c instanceof LogCall || c instanceof CreateTask);
    List<Work> statusUpdates = ofKind(claimed, c -> c instanceof UpdateLeadStatus);
    List<Work> completions = ofKind(claimed, c -> c instanceof CompleteTask);
    run(leadCreates, tally, () -> writes.createLeads(leadCreates));
    run(taskCreates, tally, () -> writes.createTasks(taskCreates));
    run(statusUpdates, tally, () -> writes.updateStatuses(statusUpdates));
    run(completions, tally, () -> writes.completeTasks(completions));
    List<Work> dealUpdates = ofKind(claimed, c -> c instanceof UpdateOpportunity);
    DealWrites deals = dealWrites;
    run(
        dealUpdates,
        tally,
        () ->
            deals != null
                ? deals.update(dealUpdates)
                : dealUpdates.stream()
                    .map(
                        w ->
                            (Outcome)
                                new Outcome.Rejected(
                                    DEALS_NOT_CONFIGURED, "this worker has no deal gateway"))
                    .toList());
    return tally.result();
  }

  /** The batch's commands this worker now holds; the others are counted as they settle. */
  private List<Work> decodeAndClaim(List<Message> messages, Tally tally) {
    List<Work> decoded = new ArrayList<>();
    for (Message message : messages) {
      try {
        decoded.add(new Work(message, decoder.apply(message.body())));
      } catch (PermanentException e) {
        if (park(message, e.getMessage())) {
          tally.poisoned++;
        } else {
          tally.failed.add(message.messageId());
        }
      }
    }
    List<Work> claimed = new ArrayList<>();
    for (Counted<Work> step :
        logWrites.map(
            decoded,
            w -> w.command().ownerId(),
            w -> counted(t -> claim(w.message(), w.command(), t) ? w : null))) {
      tally.add(step.tally());
      if (step.value() != null) {
        claimed.add(step.value());
      }
    }
    return claimed;
  }

  /** What one command's step answered, and what it counted. */
  private record Counted<R>(R value, Tally tally) {}

  private static <R> Counted<R> counted(Function<Tally, R> step) {
    Tally tally = new Tally();
    return new Counted<>(step.apply(tally), tally);
  }

  /** Whether this worker now holds the command; a final or held one is counted here. */
  private boolean claim(Message message, CrmCommand command, Tally tally) {
    try {
      Claim claim = log.claim(command, clock.instant(), lease);
      if (claim instanceof Claim.Claimed) {
        return true;
      }
      if (claim instanceof Claim.AlreadyFinal done) {
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
    return false;
  }

  private static List<Work> ofKind(List<Work> works, Predicate<CrmCommand> kind) {
    return works.stream().filter(w -> kind.test(w.command())).toList();
  }

  /** Makes one CRM call for {@code works} and records each command's outcome. */
  private void run(List<Work> works, Tally tally, Supplier<List<Outcome>> call) {
    if (works.isEmpty()) {
      return;
    }
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
        String reason = setAsideReason(unavailable);
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
    List<Integer> indexes = java.util.stream.IntStream.range(0, works.size()).boxed().toList();
    for (Counted<Object> step :
        logWrites.map(
            indexes,
            i -> works.get(i).command().ownerId(),
            i ->
                counted(
                    t -> {
                      settle(works.get(i), outcomes.get(i), t);
                      return null;
                    }))) {
      tally.add(step.tally());
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
        log.markFailed(id, r.errorCode(), rejectionReason(r), clock.instant());
        tally.rejected++;
        LOG.info("command outcome commandId={} outcome=rejected code={}", id, r.errorCode());
      } else {
        Outcome.Retry r = (Outcome.Retry) outcome;
        String reason = r.reason() != null ? r.reason() : setAsideReason(true);
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

  // Every type records a code (the CRM's own, or ours); the skill says it in the user's language.
  private static String rejectionReason(Outcome.Rejected rejected) {
    return rejected.errorCode() == null ? FailureReasons.CODE_REJECTED : rejected.errorCode();
  }

  private static String setAsideReason(boolean unavailable) {
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
