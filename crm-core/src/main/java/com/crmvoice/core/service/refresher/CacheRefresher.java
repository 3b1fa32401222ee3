package com.crmvoice.core.service.refresher;

import com.crmvoice.core.config.RefresherConfig;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.domain.SalesforceIds;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.WatermarkStore;
import com.crmvoice.core.service.refresher.PassReport.Pass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every owner's top open leads in the lead cache, at the cost of as few CRM calls and cache
 * writes as possible: {@link #fullPass()} (one paged query over all open leads), {@link
 * #incrementalPass()} (the changes since the watermark, falling back to a full pass) and {@link
 * #ownerPass(String)} (one owner). An owner whose {@link LeadDigest} matches the cache costs no
 * write; each changed owner is one {@link LeadCache#replaceOwnerLeads} call, so a pass that fails
 * half way leaves every owner whole and the next pass repairs the difference. Every pass logs one
 * line with its figures. How each pass chooses its owners: docs/refresher.md, "The passes".
 *
 * <p>Failures propagate: {@code CrmUnavailableException} and {@code StorageUnavailableException}
 * (retry later), {@code CrmRejectedException} (the CRM refused the query).
 */
public final class CacheRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(CacheRefresher.class);

  private final CrmGateway crm;
  private final LeadCache cache;
  private final WatermarkStore watermarks;
  private final RefresherConfig config;
  private final Clock clock;
  private final LongSupplier crmRequests;

  /**
   * @param crmRequests a running count of the requests made to the CRM (for the figures); the pass
   *     reports the difference between its end and its start
   */
  public CacheRefresher(
      CrmGateway crm,
      LeadCache cache,
      WatermarkStore watermarks,
      RefresherConfig config,
      Clock clock,
      LongSupplier crmRequests) {
    this.crm = crm;
    this.cache = cache;
    this.watermarks = watermarks;
    this.config = config;
    this.clock = clock;
    this.crmRequests = crmRequests;
  }

  /** Every owner from one paged query over all open leads; see the class comment. */
  public PassReport fullPass() {
    Tally tally = new Tally(Pass.FULL);
    return tally.run(() -> full(tally));
  }

  /** The owners affected by changes since the watermark; see the class comment. */
  public PassReport incrementalPass() {
    Tally tally = new Tally(Pass.INCREMENTAL);
    return tally.run(() -> incremental(tally));
  }

  /** One owner, recomputed from the CRM (on request, after a cache miss). */
  public PassReport ownerPass(String ownerId) {
    if (ownerId == null || ownerId.isBlank()) {
      throw new IllegalArgumentException("ownerId must not be blank");
    }
    String owner = SalesforceIds.normalise(ownerId);
    Tally tally = new Tally(Pass.OWNER);
    return tally.run(
        () -> {
          recompute(owner, tally);
          return null;
        });
  }

  private Instant full(Tally tally) {
    Instant refreshedAt = clock.instant();
    Map<String, String> stored = cache.ownerDigests();
    Set<String> notInStream = new HashSet<>(stored.keySet());
    try (OwnerTasks tasks = new OwnerTasks(config.concurrency())) {
      TopLeadsCollector collector =
          new TopLeadsCollector(
              config.topN(),
              top -> {
                notInStream.remove(top.ownerId());
                String storedDigest = stored.get(top.ownerId());
                boolean isNew = !stored.containsKey(top.ownerId());
                tasks.submit(
                    () ->
                        apply(top.ownerId(), top.leads(), storedDigest, isNew, refreshedAt, tally));
              });
      try (Stream<Lead> leads = crm.openLeads()) {
        Iterator<Lead> it = leads.iterator();
        while (it.hasNext()) {
          collector.accept(it.next());
          tally.leadRead(1);
        }
      }
      collector.finish();
      // Only now is it known that these owners have no open lead left.
      for (String owner : new TreeSet<>(notInStream)) {
        String storedDigest = stored.get(owner);
        tasks.submit(() -> apply(owner, List.of(), storedDigest, false, refreshedAt, tally));
      }
      tasks.awaitAll();
    }
    return null;
  }

  /**
   * The changes since the watermark (less the overlap), the owners they may affect, those owners'
   * top leads recomputed, then the watermark advanced to the newest change read. Too many changes,
   * or no watermark yet, and it is a full pass instead.
   */
  private Instant incremental(Tally tally) {
    Optional<Instant> watermark = watermarks.load();
    if (watermark.isEmpty()) {
      LOG.info("refresh incremental: no watermark yet, doing a full pass");
      return fullThenSetWatermark(tally);
    }
    Optional<Changes> read = changesSince(watermark.get(), tally);
    if (read.isEmpty()) {
      LOG.info(
          "refresh incremental: more than {} changes, doing a full pass",
          config.incrementalMaxChanges());
      return fullThenSetWatermark(tally);
    }
    Changes changes = read.get();
    recomputeAll(affectedOwners(changes.latest()), tally);
    if (changes.newest().isAfter(watermark.get())) {
      watermarks.advance(changes.newest());
    }
    return changes.newest();
  }

  /**
   * The changes an incremental pass read: the last change of each lead, and the newest change's
   * time (the watermark when none is newer).
   */
  private record Changes(Map<String, LeadChange> latest, Instant newest) {}

  /** The last change of each lead since the watermark; empty if there are more than allowed. */
  private Optional<Changes> changesSince(Instant watermark, Tally tally) {
    Instant since = watermark.minus(config.watermarkOverlap());
    Map<String, LeadChange> latest = new HashMap<>();
    Instant newest = watermark;
    try (Stream<LeadChange> changes = crm.leadsModifiedSince(since)) {
      Iterator<LeadChange> it = changes.iterator();
      while (it.hasNext()) {
        LeadChange change = it.next();
        tally.leadRead(1);
        if (latest.size() >= config.incrementalMaxChanges()) {
          return Optional.empty();
        }
        // In modification order: the last change of a lead is its current state.
        latest.put(change.lead().id(), change);
        if (change.modifiedAt().isAfter(newest)) {
          newest = change.modifiedAt();
        }
      }
    }
    return Optional.of(new Changes(latest, newest));
  }

  /**
   * The owners whose cached set the changes may alter. Candidates: whoever caches a changed lead
   * (closes, conversions, reassignments, deletions, edits) and the current owner of every open
   * changed lead. A changed lead that is not open (deleted included) and not cached anywhere cannot
   * be in anyone's top set; a candidate whose cached set already reflects the changes is left out.
   */
  private Set<String> affectedOwners(Map<String, LeadChange> latest) {
    Map<String, List<Lead>> openByOwner = new TreeMap<>();
    int deleted = 0;
    for (LeadChange change : latest.values()) {
      if (change.deleted()) {
        deleted++;
      }
      if (change.open()) {
        openByOwner
            .computeIfAbsent(change.lead().ownerId(), k -> new ArrayList<>())
            .add(change.lead());
      }
    }
    Set<String> holders = latest.isEmpty() ? Set.of() : cache.ownersHolding(latest.keySet());
    Set<String> affected = new TreeSet<>();
    Set<String> candidates = new TreeSet<>(holders);
    candidates.addAll(openByOwner.keySet());
    for (String owner : candidates) {
      List<Lead> open = openByOwner.get(owner);
      if (open == null || !alreadyReflected(owner, open, latest)) {
        affected.add(owner);
      }
    }
    LOG.info(
        "refresh incremental: changes={} deleted={} candidates={} affected={}",
        latest.size(),
        deleted,
        candidates.size(),
        affected.size());
    return affected;
  }

  /**
   * The affected owners' top leads in as few CRM calls as the adapter can make, not one each. If
   * that fails, nothing is applied and the watermark stays: the next pass applies it all.
   */
  private void recomputeAll(Set<String> affected, Tally tally) {
    Map<String, List<Lead>> tops =
        affected.isEmpty() ? Map.of() : crm.topOpenLeadsOf(affected, config.topN());
    try (OwnerTasks tasks = new OwnerTasks(config.concurrency())) {
      for (String owner : affected) {
        List<Lead> leads = tops.getOrDefault(owner, List.of());
        tasks.submit(() -> recomputed(owner, leads, tally));
      }
      tasks.awaitAll();
    }
  }

  /**
   * Whether the owner's cached set already agrees with the changes, so the owner needs no CRM call:
   * every changed lead it caches is still its own, open and cached as it is now, and every open
   * changed lead of the owner is either cached as it is or younger than the youngest of a full set.
   * This skips the changes the overlap reads a second time, and edits of leads outside the top set.
   * A cached set that is wrong for another reason is the full pass's to repair.
   */
  private boolean alreadyReflected(
      String ownerId, List<Lead> openLeads, Map<String, LeadChange> latest) {
    if (!(cache.topLeads(ownerId, config.topN()) instanceof LeadCache.Snapshot.Known known)) {
      return false;
    }
    List<Lead> cached = known.leads();
    for (Lead lead : cached) {
      LeadChange change = latest.get(lead.id());
      if (change != null && (!change.open() || !change.lead().equals(lead))) {
        return false;
      }
    }
    Lead youngest = cached.isEmpty() ? null : cached.get(cached.size() - 1);
    for (Lead lead : openLeads) {
      boolean cachedAsIs = cached.contains(lead);
      boolean outsideFullSet =
          cached.size() >= config.topN()
              && TopLeadsCollector.OLDEST_FIRST.compare(lead, youngest) > 0;
      if (!cachedAsIs && !outsideFullSet) {
        return false;
      }
    }
    return true;
  }

  /**
   * A full pass, then the watermark at the pass's start: every change before it is in what the
   * query read. The CRM's clock and ours may differ; the overlap absorbs that.
   */
  private Instant fullThenSetWatermark(Tally tally) {
    Instant start = clock.instant();
    full(tally);
    watermarks.advance(start);
    return start;
  }

  private void recompute(String ownerId, Tally tally) {
    recomputed(ownerId, crm.topOpenLeads(ownerId, config.topN()), tally);
  }

  private void recomputed(String ownerId, List<Lead> leads, Tally tally) {
    tally.leadRead(leads.size());
    List<Lead> sorted = leads.stream().sorted(TopLeadsCollector.OLDEST_FIRST).toList();
    // No stored digest to compare with here: replaceOwnerLeads itself writes only what differs.
    apply(ownerId, sorted, null, false, clock.instant(), tally);
  }

  /**
   * Writes one owner's set unless its digest is the stored one; {@code isNew}: the pass read every
   * stored digest and found none for this owner, so the store need not read what it holds first.
   */
  private void apply(
      String ownerId,
      List<Lead> leads,
      String storedDigest,
      boolean isNew,
      Instant refreshedAt,
      Tally tally) {
    String digest = LeadDigest.of(leads);
    if (digest.equals(storedDigest)) {
      tally.owner(LeadCache.WriteCount.NONE);
      return;
    }
    tally.owner(
        isNew
            ? cache.replaceNewOwnerLeads(ownerId, leads, digest, refreshedAt)
            : cache.replaceOwnerLeads(ownerId, leads, digest, refreshedAt));
  }

  /** Running figures of one pass, and its log line. */
  private final class Tally {
    private final Pass pass;
    private final long startNanos = System.nanoTime();
    private final long crmAtStart = crmRequests.getAsLong();
    private int ownersSeen;
    private int ownersChanged;
    private long leadsRead;
    private long itemsWritten;
    private long itemsDeleted;

    Tally(Pass pass) {
      this.pass = pass;
    }

    synchronized void leadRead(int count) {
      leadsRead += count;
    }

    synchronized void owner(LeadCache.WriteCount written) {
      ownersSeen++;
      itemsWritten += written.written();
      itemsDeleted += written.deleted();
      if (written.written() + written.deleted() > 0) {
        ownersChanged++;
      }
    }

    PassReport run(java.util.function.Supplier<Instant> body) {
      try {
        Instant watermark = body.get();
        PassReport report = report(watermark);
        LOG.info(
            "refresh pass={} outcome=ok {} watermark={}",
            pass.label(),
            figures(report),
            report.watermark());
        return report;
      } catch (RuntimeException e) {
        LOG.warn(
            "refresh pass={} outcome=failed error={} {}",
            pass.label(),
            e.getClass().getSimpleName(),
            figures(report(null)));
        throw e;
      }
    }

    /** The figures of the pass's log line. */
    private static String figures(PassReport report) {
      return "ownersSeen="
          + report.ownersSeen()
          + " ownersChanged="
          + report.ownersChanged()
          + " leadsRead="
          + report.leadsRead()
          + " itemsWritten="
          + report.itemsWritten()
          + " itemsDeleted="
          + report.itemsDeleted()
          + " crmCalls="
          + report.crmCalls()
          + " durationMs="
          + report.duration().toMillis();
    }

    private synchronized PassReport report(Instant watermark) {
      return new PassReport(
          pass,
          ownersSeen,
          ownersChanged,
          leadsRead,
          itemsWritten,
          itemsDeleted,
          crmRequests.getAsLong() - crmAtStart,
          Duration.ofNanos(System.nanoTime() - startNanos),
          watermark);
    }
  }
}
