package com.crmvoice.worker;

import com.crmvoice.core.config.WorkerConfig;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.port.ForwardingCalendarGateway;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM behind resilience4j: a Retry with exponential backoff and jitter on retryable failures
 * only, never past the invocation's deadline; a CircuitBreaker that lives as long as this object
 * (one per Lambda container), so an outage stops calls for all batches, not one; and a Bulkhead
 * capping concurrent calls for Salesforce's concurrency limit. An open circuit or a full bulkhead
 * is reported as {@link CrmUnavailableException} (codes CIRCUIT_OPEN, BULKHEAD_FULL), so callers
 * treat it like any outage.
 */
public final class ResilientCrmGateway implements CrmGateway {

  private static final Logger LOG = LoggerFactory.getLogger(ResilientCrmGateway.class);

  private final CrmGateway delegate;
  private final CircuitBreaker circuitBreaker;
  private final Bulkhead bulkhead;
  private final Retry retry;
  private final Clock clock;
  private final Duration openDuration;
  private volatile Instant deadline = Instant.MAX;
  private volatile Instant openedAt;

  /**
   * Until when the CRM asked not to be called (a 429's Retry-After); calls are refused till then.
   */
  private volatile Instant quietUntil = Instant.MIN;

  public ResilientCrmGateway(CrmGateway delegate, WorkerConfig config) {
    this(delegate, config, Clock.systemUTC());
  }

  /** With the clock that the invocation's deadline is measured by. */
  public ResilientCrmGateway(CrmGateway delegate, WorkerConfig config, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
    this.circuitBreaker =
        CircuitBreaker.of(
            "salesforce",
            CircuitBreakerConfig.custom()
                .failureRateThreshold(config.circuitFailureRatePercent())
                .minimumNumberOfCalls(config.circuitMinimumCalls())
                .slidingWindowSize(Math.max(config.circuitMinimumCalls(), 10))
                .waitDurationInOpenState(config.circuitOpen())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof CrmUnavailableException)
                .build());
    this.openDuration = config.circuitOpen();
    circuitBreaker
        .getEventPublisher()
        .onStateTransition(
            e -> {
              if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
              }
              LOG.warn(
                  "circuit={} transition={}",
                  e.getStateTransition().getToState(),
                  e.getStateTransition());
            });
    this.bulkhead =
        Bulkhead.of(
            "salesforce",
            BulkheadConfig.custom()
                .maxConcurrentCalls(config.maxConcurrency())
                .maxWaitDuration(Duration.ofSeconds(2))
                .build());
    Duration maxWait = config.retryMax();
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(config.retryInitial(), 2.0, 0.5, maxWait);
    this.retry =
        Retry.of(
            "salesforce",
            RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                // The backoff, or the CRM's Retry-After when it asked for longer (a 429).
                .intervalBiFunction(
                    (Integer attempt,
                        io.github.resilience4j.core.functions.Either<Throwable, Object>
                            outcome) -> {
                      long backedOff = backoff.apply(attempt);
                      Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
                      long asked = retryAfterOf(failure).map(Duration::toMillis).orElse(0L);
                      return Math.max(backedOff, asked);
                    })
                // Retry only what may succeed, and only while another wait and call fit before
                // the invocation must answer. (An open circuit throws CallNotPermittedException,
                // which is not retried.)
                .retryOnException(
                    e ->
                        e instanceof CrmUnavailableException
                            && clock
                                .instant()
                                .plus(retryAfterOf(e).orElse(Duration.ZERO))
                                .plus(maxWait.multipliedBy(2))
                                .isBefore(deadline))
                .build());
    retry
        .getEventPublisher()
        .onRetry(
            e ->
                LOG.info(
                    "salesforce retry attempt={} wait={}",
                    e.getNumberOfRetryAttempts(),
                    e.getWaitInterval()));
  }

  /** Calls must give up retrying early enough to answer before this instant (Lambda's deadline). */
  public void deadline(Instant deadline) {
    this.deadline = deadline;
  }

  public CircuitBreaker.State circuitState() {
    return circuitBreaker.getState();
  }

  /**
   * While the circuit is open, how long it still refuses every call (until it half-opens and lets
   * one through); empty when a call would be let through now.
   */
  public Optional<Duration> refusingFor() {
    Instant now = clock.instant();
    Duration quiet = Duration.between(now, quietUntil.isBefore(now) ? now : quietUntil);
    Instant opened = openedAt;
    Duration open =
        circuitBreaker.getState() != CircuitBreaker.State.OPEN || opened == null
            ? Duration.ZERO
            : Duration.between(now, opened.plus(openDuration));
    Duration left = open.compareTo(quiet) >= 0 ? open : quiet;
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  private static Optional<Duration> retryAfterOf(Throwable failure) {
    return failure instanceof CrmUnavailableException e ? e.retryAfter() : Optional.empty();
  }

  @Override
  public List<Lead> topOpenLeads(String ownerId, int limit) {
    return call(() -> delegate.topOpenLeads(ownerId, limit));
  }

  @Override
  public Stream<Lead> openLeads() {
    return call(delegate::openLeads);
  }

  @Override
  public Stream<LeadChange> leadsModifiedSince(Instant since) {
    return call(() -> delegate.leadsModifiedSince(since));
  }

  /**
   * Creates through the retry: when an attempt went unanswered ({@link
   * CrmUnavailableException#outcomeUnknown()}) and a later one failed otherwise (a 503, the circuit
   * opening), the call fails with the unanswered attempt's code, since that attempt may have
   * committed: the caller must look the leads up, not take them for not created.
   */
  @Override
  public List<CreateResult> createLeads(List<CreateLeadRequest> requests) {
    AtomicReference<CrmUnavailableException> unanswered = new AtomicReference<>();
    try {
      return call(
          () -> {
            try {
              return delegate.createLeads(requests);
            } catch (CrmUnavailableException e) {
              if (e.outcomeUnknown()) {
                unanswered.compareAndSet(null, e);
              }
              throw e;
            }
          });
    } catch (CrmUnavailableException e) {
      CrmUnavailableException first = unanswered.get();
      if (first != null && !e.outcomeUnknown()) {
        throw new CrmUnavailableException(
            first.errorCode(),
            first.getMessage() + "; the last attempt failed with " + e.errorCode(),
            e);
      }
      throw e;
    }
  }

  @Override
  public Optional<String> findLeadByExternalId(String externalId) {
    return call(() -> delegate.findLeadByExternalId(externalId));
  }

  @Override
  public List<UpdateResult> updateLeadStatuses(List<StatusUpdateRequest> requests) {
    // Safe to retry as a whole: a lead that already has the new status answers Updated.
    return call(() -> delegate.updateLeadStatuses(requests));
  }

  @Override
  public List<CreateResult> createTasks(List<CreateTaskRequest> requests) {
    return call(() -> delegate.createTasks(requests));
  }

  @Override
  public List<PicklistValue> leadStatuses() {
    return call(delegate::leadStatuses);
  }

  @Override
  public CrmUser userForAccessToken(String accessToken) {
    return call(() -> delegate.userForAccessToken(accessToken));
  }

  /**
   * {@code deals} behind this gateway's retry, circuit breaker and bulkhead: one Salesforce, one
   * breaker, so an outage seen by lead writes also holds deal writes back, and the other way round.
   * An update batch is safe to retry whole: a deal already holding the new values answers Updated.
   */
  public com.crmvoice.core.port.DealGateway guard(com.crmvoice.core.port.DealGateway deals) {
    return new GuardedDealGateway(deals, this::call);
  }

  /**
   * The calendar's write (completing tasks) behind this gateway's retry, circuit breaker and
   * bulkhead: it is the same Salesforce, so an outage seen on one stops calls on both.
   */
  public CalendarGateway guard(CalendarGateway calendar) {
    return new ForwardingCalendarGateway(() -> calendar) {
      @Override
      public List<UpdateResult> completeTasks(List<CalendarGateway.CompleteTaskRequest> requests) {
        return call(() -> calendar.completeTasks(requests));
      }
    };
  }

  private <T> T call(Supplier<T> operation) {
    if (clock.instant().isBefore(quietUntil)) {
      throw new CrmUnavailableException(
          "RETRY_AFTER", "the CRM asked to be left alone until " + quietUntil);
    }
    // A Retry-After the CRM sends keeps every call of this container away until it has passed
    // (the retry's next wait and the deferral of the batch's messages honour it too).
    Supplier<T> noted =
        () -> {
          try {
            return operation.get();
          } catch (CrmUnavailableException e) {
            e.retryAfter()
                .ifPresent(
                    wait -> {
                      Instant until = clock.instant().plus(wait);
                      if (until.isAfter(quietUntil)) {
                        quietUntil = until;
                      }
                    });
            throw e;
          }
        };
    Supplier<T> guarded =
        Retry.decorateSupplier(
            retry,
            CircuitBreaker.decorateSupplier(
                circuitBreaker, Bulkhead.decorateSupplier(bulkhead, noted)));
    try {
      return guarded.get();
    } catch (CallNotPermittedException e) {
      throw new CrmUnavailableException("CIRCUIT_OPEN", "the Salesforce circuit is open", e);
    } catch (BulkheadFullException e) {
      throw new CrmUnavailableException("BULKHEAD_FULL", "too many concurrent Salesforce calls", e);
    }
  }
}
