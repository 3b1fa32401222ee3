package com.crmvoice.core.service.refresher;

import com.crmvoice.core.domain.SalesforceIds;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.DealChange;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.DealGateway;
import com.crmvoice.core.port.WatermarkStore;
import com.crmvoice.core.service.deals.DealBooks;
import com.crmvoice.core.service.deals.DealSettings;
import com.crmvoice.core.service.refresher.PassReport.Pass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every owner's {@link DealBook} (open deals, pipeline figures of this and next quarter and
 * month) in the deal cache, by the lead cache's rules. {@link #fullPass()}: two paged queries for
 * every owner (the open deals, and the deals won within the periods); {@link #incrementalPass()}:
 * the deals changed since its own watermark (queryAll, so closes and deletes too), then the two
 * queries for the owners they touch only (falling back to a full pass without a watermark or past
 * {@code maxChanges}); {@link #ownerPass}: one owner. The figures are computed from these rows
 * ({@link DealBooks}), not by aggregate queries: docs/refresher.md has the call counts. An owner
 * whose book digest matches the stored one costs no write; an owner with no deals and no stored
 * book is not written. The org settings come from {@link DealSettings} (at most once an hour).
 *
 * <p>Not followed: a deal given to another owner leaves the old owner's book at that owner's next
 * own change, per-owner pass or the book's expiry (the CRM's change says only the new owner); the
 * worker refuses an update of it (DEAL_NOT_OWNED). Failures propagate; a failed incremental pass
 * leaves its watermark.
 */
public final class DealRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(DealRefresher.class);

  private final DealGateway deals;
  private final DealCache cache;
  private final DealSettings settings;
  private final WatermarkStore watermarks;
  private final Duration overlap;
  private final int maxChanges;
  private final int concurrency;
  private final Clock clock;
  private final LongSupplier crmRequests;

  public DealRefresher(
      DealGateway deals,
      DealCache cache,
      DealSettings settings,
      WatermarkStore watermarks,
      Duration overlap,
      int maxChanges,
      int concurrency,
      Clock clock,
      LongSupplier crmRequests) {
    this.deals = deals;
    this.cache = cache;
    this.settings = settings;
    this.watermarks = watermarks;
    this.overlap = overlap;
    this.maxChanges = maxChanges;
    this.concurrency = concurrency;
    this.clock = clock;
    this.crmRequests = crmRequests;
  }

  public PassReport fullPass() {
    return run(Pass.DEALS_FULL, this::full);
  }

  public PassReport incrementalPass() {
    return run(Pass.DEALS_INCREMENTAL, this::incremental);
  }

  /** One owner's book, read from the CRM now (a refresh request, a cache miss). */
  public PassReport ownerPass(String ownerId) {
    return run(
        Pass.DEALS_OWNER,
        figures -> {
          recompute(Set.of(SalesforceIds.normalise(ownerId)), clock.instant(), figures);
          return null;
        });
  }

  private Instant full(PassFigures figures) {
    Instant start = clock.instant();
    DealSettings.Snapshot org = settings.get();
    LocalDate today = settings.today();
    LocalDate[] span = org.span(today);
    Map<String, List<Deal>> open = grouped(deals.openDeals());
    Map<String, List<Deal>> won = grouped(deals.wonDeals(span[0], span[1], null));
    figures.read(count(open) + count(won));
    Set<String> owners = new TreeSet<>(open.keySet());
    owners.addAll(won.keySet());
    apply(owners, open, won, cache.digestsOf(owners), org, today, start, figures);
    watermarks.advance(start);
    return start;
  }

  private Instant incremental(PassFigures figures) {
    Optional<Instant> watermark = watermarks.load();
    if (watermark.isEmpty()) {
      LOG.info("refresh deals-incremental: no watermark yet, doing a full pass");
      return full(figures);
    }
    Instant now = clock.instant();
    Set<String> owners = new TreeSet<>();
    Instant newest = null;
    long changes = 0;
    try (Stream<DealChange> stream = deals.dealsModifiedSince(watermark.get().minus(overlap))) {
      for (DealChange change : (Iterable<DealChange>) stream::iterator) {
        changes++;
        if (changes > maxChanges) {
          break;
        }
        owners.add(SalesforceIds.normalise(change.deal().ownerId()));
        newest =
            newest == null || change.modifiedAt().isAfter(newest) ? change.modifiedAt() : newest;
      }
    }
    figures.read(Math.min(changes, maxChanges));
    if (changes > maxChanges) {
      LOG.info("refresh deals-incremental: more than {} changes, doing a full pass", maxChanges);
      return full(figures);
    }
    if (!owners.isEmpty()) {
      recompute(owners, now, figures);
    }
    if (newest != null && newest.isAfter(watermark.get())) {
      watermarks.advance(newest);
      return newest;
    }
    return watermark.get();
  }

  private void recompute(Set<String> owners, Instant now, PassFigures figures) {
    DealSettings.Snapshot org = settings.get();
    LocalDate today = settings.today();
    LocalDate[] span = org.span(today);
    Map<String, List<Deal>> open = new HashMap<>();
    deals.openDealsOf(owners).forEach((o, d) -> open.put(SalesforceIds.normalise(o), d));
    Map<String, List<Deal>> won = grouped(deals.wonDeals(span[0], span[1], owners));
    figures.read(count(open) + count(won));
    apply(owners, open, won, cache.digestsOf(owners), org, today, now, figures);
  }

  private void apply(
      Collection<String> owners,
      Map<String, List<Deal>> open,
      Map<String, List<Deal>> won,
      Map<String, String> stored,
      DealSettings.Snapshot org,
      LocalDate today,
      Instant refreshedAt,
      PassFigures figures) {
    try (OwnerTasks work = new OwnerTasks(concurrency)) {
      for (String owner : owners) {
        DealBook book =
            DealBooks.of(
                open.getOrDefault(owner, List.of()),
                won.getOrDefault(owner, List.of()),
                org,
                today);
        work.submit(
            () -> {
              String before = stored.get(owner);
              boolean emptyAndUnknown =
                  before == null
                      && book.openDeals().isEmpty()
                      && book.figures().stream().allMatch(f -> f.wonCount() == 0);
              if (emptyAndUnknown || book.digest().equals(before)) {
                figures.owner(0);
              } else {
                figures.owner((int) cache.replaceOwnerBook(owner, book, refreshedAt).written());
              }
            });
      }
      work.awaitAll();
    }
  }

  private static Map<String, List<Deal>> grouped(Stream<Deal> rows) {
    Map<String, List<Deal>> byOwner = new HashMap<>();
    try (rows) {
      rows.forEach(
          d ->
              byOwner
                  .computeIfAbsent(SalesforceIds.normalise(d.ownerId()), k -> new ArrayList<>())
                  .add(d));
    }
    return byOwner;
  }

  private static long count(Map<String, List<Deal>> byOwner) {
    return byOwner.values().stream().mapToLong(List::size).sum();
  }

  private PassReport run(Pass pass, Function<PassFigures, Instant> body) {
    return PassFigures.run(pass, crmRequests, LOG, "dealsRead", body);
  }
}
