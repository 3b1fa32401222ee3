package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.LeadCache.Snapshot;
import com.crmvoice.core.port.RefreshQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Which lead should I work on": the owner's oldest open lead, from the lead cache. On a cache miss
 * (the owner was never refreshed, or the cache cannot be read) it calls {@code beforeLiveLookup}
 * (the skill sends a progressive response there), asks the CRM inside a time budget and stores what
 * it finds; when the budget runs out or the CRM is unavailable it asks the refresher for a
 * per-owner pass and answers {@link TopLead.Unavailable}. Never throws for CRM or storage failures,
 * but for one: a CRM that is not configured yet ({@link CrmNotConfiguredException}) is the
 * administrator's to fix, not a refresh's, and the skill says so.
 */
public final class TopLeadService {

  private static final Logger LOG = LoggerFactory.getLogger(TopLeadService.class);

  /** What the skill can say about the owner's top lead. */
  public sealed interface TopLead {
    /**
     * The oldest open lead; {@code live} when it came from the CRM rather than the cache; {@code
     * leads} the owner's top leads it was read with (the cached set, or the live lookup's), so a
     * caller that needs them too (the names sent to Alexa) reads nothing again.
     */
    record Found(Lead lead, boolean live, List<Lead> leads) implements TopLead {
      public Found {
        Objects.requireNonNull(lead, "lead");
        leads = List.copyOf(leads);
      }
    }

    /** The owner has no open leads. */
    record NoOpenLeads() implements TopLead {}

    /** Neither the cache nor the CRM could answer in time; a refresh was requested. */
    record Unavailable() implements TopLead {}
  }

  private final LeadCache cache;
  private final CrmGateway crm;
  private final RefreshQueue refreshQueue;
  private final Clock clock;
  private final int topN;
  private final Duration budget;
  private final Executor executor;

  /**
   * @param topN how many leads the cache keeps per owner (the live lookup stores as many)
   * @param budget how long a live lookup may take
   * @param executor runs the live lookup, so the budget can cut it short
   */
  public TopLeadService(
      LeadCache cache,
      CrmGateway crm,
      RefreshQueue refreshQueue,
      Clock clock,
      int topN,
      Duration budget,
      Executor executor) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.crm = Objects.requireNonNull(crm, "crm");
    this.refreshQueue = Objects.requireNonNull(refreshQueue, "refreshQueue");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.topN = topN;
    this.budget = Objects.requireNonNull(budget, "budget");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * The owner's top lead.
   *
   * @param ownerId the CRM user asking: only their leads are ever read
   * @param beforeLiveLookup called once, before the CRM is asked, only on a cache miss
   * @throws CrmNotConfiguredException when the cache cannot answer and the CRM is not configured
   */
  public TopLead topLead(String ownerId, Runnable beforeLiveLookup) {
    Snapshot snapshot;
    try {
      // The whole top set in the one Query: the answer's lead and the names sent to Alexa.
      snapshot = cache.topLeads(ownerId, topN);
    } catch (StorageUnavailableException e) {
      LOG.warn("lead cache unreadable, asking the CRM: {}", e.toString());
      snapshot = new Snapshot.NeverRefreshed();
    }
    if (snapshot instanceof Snapshot.Known known) {
      return known.leads().isEmpty()
          ? new TopLead.NoOpenLeads()
          : new TopLead.Found(known.leads().get(0), false, known.leads());
    }
    try {
      beforeLiveLookup.run();
    } catch (RuntimeException e) {
      LOG.warn("before-live-lookup hook failed: {}", e.toString());
    }
    return liveLookup(ownerId);
  }

  private TopLead liveLookup(String ownerId) {
    long started = System.nanoTime();
    CompletableFuture<List<Lead>> lookup =
        CompletableFuture.supplyAsync(() -> crm.topOpenLeads(ownerId, topN), executor);
    List<Lead> leads;
    try {
      leads = lookup.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      lookup.cancel(true);
      LOG.warn("live lookup exceeded its budget of {} ms", budget.toMillis());
      return unavailable(ownerId);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CrmNotConfiguredException notConfigured) {
        throw notConfigured;
      }
      if (cause instanceof CrmUnavailableException || cause instanceof CrmRejectedException) {
        LOG.warn("live lookup failed: {}", cause.toString());
        return unavailable(ownerId);
      }
      LOG.error("live lookup failed unexpectedly", cause);
      return unavailable(ownerId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unavailable(ownerId);
    }
    LOG.info(
        "live lookup found {} leads in {} ms",
        leads.size(),
        (System.nanoTime() - started) / 1_000_000);
    try {
      cache.replaceOwnerLeads(ownerId, leads, LeadDigest.of(leads), clock.instant());
    } catch (StorageUnavailableException e) {
      LOG.warn("could not store the live lookup in the cache: {}", e.toString());
    }
    return leads.isEmpty()
        ? new TopLead.NoOpenLeads()
        : new TopLead.Found(leads.get(0), true, leads);
  }

  private TopLead unavailable(String ownerId) {
    try {
      refreshQueue.requestRefresh(ownerId);
    } catch (StorageUnavailableException e) {
      LOG.warn("could not request a refresh: {}", e.toString());
    }
    return new TopLead.Unavailable();
  }
}
