package com.crmvoice.core.service.refresher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.RefresherConfig;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.InMemoryWatermarkStore;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.LeadCache.Snapshot;
import com.crmvoice.core.port.StorageUnavailableException;
import com.crmvoice.core.service.refresher.PassReport.Pass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CacheRefresherTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final int TOP_N = 3;

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryCrmGateway inner = new InMemoryCrmGateway(clock);
  private final BreakableCrm crm = new BreakableCrm(inner);
  private final RecordingCache cache = new RecordingCache(new InMemoryLeadCache());
  private final InMemoryWatermarkStore watermarks = new InMemoryWatermarkStore();
  private CacheRefresher refresher;

  @BeforeEach
  void setUp() {
    refresher = refresher(new RefresherConfig(TOP_N, Duration.ofSeconds(60), 1000));
  }

  private CacheRefresher refresher(RefresherConfig config) {
    return new CacheRefresher(
        crm,
        cache,
        watermarks,
        config,
        clock,
        () ->
            inner.calls("openLeads")
                + inner.calls("leadsModifiedSince")
                + inner.calls("topOpenLeads"));
  }

  private static Lead lead(String owner, String id, int ageDays) {
    return new Lead(
        id,
        owner,
        "Ada",
        "Lead " + id,
        "Acme",
        null,
        null,
        "Open - Not Contacted",
        T0.minus(Duration.ofDays(ageDays)));
  }

  /** Owners A (5 leads), B (2 leads), C (1 lead). */
  private void seedOrg() {
    for (int i = 1; i <= 5; i++) {
      inner.put(lead("A", "a" + i, 100 - i));
    }
    inner.put(lead("B", "b1", 50));
    inner.put(lead("B", "b2", 40));
    inner.put(lead("C", "c1", 10));
  }

  private List<String> cachedIds(String owner) {
    Snapshot snapshot = cache.topLeads(owner, 100);
    assertThat(snapshot).isInstanceOf(Snapshot.Known.class);
    return ((Snapshot.Known) snapshot).leads().stream().map(Lead::id).toList();
  }

  private void assertCacheMatchesCrm(String... owners) {
    for (String owner : owners) {
      List<Lead> expected = inner.openLeadsOf(owner).stream().limit(TOP_N).toList();
      Snapshot.Known known = (Snapshot.Known) cache.topLeads(owner, 100);
      assertThat(known.leads()).as(owner).isEqualTo(expected);
      assertThat(known.digest()).as(owner).isEqualTo(LeadDigest.of(expected));
    }
  }

  // ---- full pass ----

  @Test
  void fullPass_fillsEachOwnersOldestLeads_fromAnEmptyCache() {
    seedOrg();

    PassReport report = refresher.fullPass();

    assertThat(cachedIds("A")).containsExactly("a1", "a2", "a3");
    assertThat(cachedIds("B")).containsExactly("b1", "b2");
    assertThat(cachedIds("C")).containsExactly("c1");
    assertThat(report.pass()).isEqualTo(Pass.FULL);
    assertThat(report.ownersSeen()).isEqualTo(3);
    assertThat(report.ownersChanged()).isEqualTo(3);
    assertThat(report.leadsRead()).isEqualTo(8);
    // 6 leads and 3 meta items
    assertThat(report.itemsWritten()).isEqualTo(9);
    assertThat(report.itemsDeleted()).isZero();
    assertThat(report.crmCalls()).isEqualTo(1);
  }

  @Test
  void fullPass_overAnUnchangedOrg_writesNothingAndReadsNoOwnersLeads() {
    seedOrg();
    refresher.fullPass();
    cache.replaced.clear();

    PassReport second = refresher.fullPass();

    assertThat(second.itemsWritten()).isZero();
    assertThat(second.itemsDeleted()).isZero();
    assertThat(second.ownersChanged()).isZero();
    assertThat(second.ownersSeen()).isEqualTo(3);
    assertThat(cache.replaced).isEmpty();
    assertThat(cache.digestReads.get()).isEqualTo(2);
  }

  @Test
  void fullPass_rewritesOnlyTheOwnerWhoseTopSetChanged() {
    seedOrg();
    refresher.fullPass();
    cache.replaced.clear();
    inner.put(lead("B", "b0", 70)); // older than b1: enters B's top set
    inner.put(lead("A", "a9", 1)); // younger than A's top three: changes nothing cached

    PassReport report = refresher.fullPass();

    assertThat(cache.replaced).containsExactly("B");
    assertThat(cachedIds("B")).containsExactly("b0", "b1", "b2");
    assertThat(report.ownersChanged()).isEqualTo(1);
    assertThat(report.itemsWritten()).isEqualTo(2); // b0 and B's meta item
  }

  @Test
  void fullPass_recordsAnOwnerWithNoOpenLeadsLeftAsKnownEmpty_andLeadsNoLongerOpenLeave() {
    seedOrg();
    refresher.fullPass();
    inner.put(lead("C", "c1", 10).withStatus("Closed - Not Converted"));
    inner.convert("a1");

    PassReport report = refresher.fullPass();

    assertThat(cachedIds("C")).isEmpty();
    assertThat(((Snapshot.Known) cache.topLeads("C", 5)).digest()).isEqualTo(LeadDigest.EMPTY);
    assertThat(cachedIds("A")).containsExactly("a2", "a3", "a4");
    assertThat(report.itemsDeleted()).isEqualTo(2); // c1 and a1
    assertThat(refresher.fullPass().itemsWritten()).isZero();
  }

  @Test
  void fullPass_failingMidStream_leavesNoOwnerHalfWrittenAndMarksNobodyEmpty_thenTheNextRepairs() {
    seedOrg();
    refresher.fullPass();
    // B gets an older lead; C closes its only lead; then Salesforce fails inside B's leads.
    inner.put(lead("B", "b0", 70));
    inner.put(lead("C", "c1", 10).withStatus("Closed - Converted"));
    crm.breakOpenLeadsAfter(6); // A's five, then b0, then the failure

    assertThatThrownBy(() -> refresher.fullPass()).isInstanceOf(CrmUnavailableException.class);

    assertThat(cachedIds("B")).containsExactly("b1", "b2");
    assertThat(cachedIds("C")).containsExactly("c1");

    PassReport repair = refresher.fullPass();

    assertCacheMatchesCrm("A", "B");
    assertThat(cachedIds("C")).isEmpty();
    assertThat(repair.ownersChanged()).isEqualTo(2);
  }

  @Test
  void fullPass_onSeveralThreads_writesTheSameAsOneThread() {
    for (int o = 0; o < 40; o++) {
      for (int i = 0; i < 6; i++) {
        inner.put(lead(String.format("O%02d", o), "l" + o + "_" + i, 10 + i * 3 + o % 5));
      }
    }
    CacheRefresher parallel =
        refresher(new RefresherConfig(TOP_N, Duration.ofSeconds(60), 1000, 4));

    PassReport report = parallel.fullPass();

    for (int o = 0; o < 40; o++) {
      assertCacheMatchesCrm(String.format("O%02d", o));
    }
    assertThat(report.ownersSeen()).isEqualTo(40);
    assertThat(report.itemsWritten()).isEqualTo(40 * (TOP_N + 1));
    assertThat(parallel.fullPass().itemsWritten()).isZero();
  }

  @Test
  void fullPass_onSeveralThreads_stopsAtAThrottledOwner_andTheNextPassRepairs() {
    for (int o = 0; o < 30; o++) {
      inner.put(lead(String.format("O%02d", o), "l" + o, 10));
    }
    CacheRefresher parallel =
        refresher(new RefresherConfig(TOP_N, Duration.ofSeconds(60), 1000, 4));
    cache.failingOwner = "O05";

    assertThatThrownBy(parallel::fullPass).isInstanceOf(StorageUnavailableException.class);
    assertThat(cache.topLeads("O05", 5)).isInstanceOf(Snapshot.NeverRefreshed.class);

    cache.failingOwner = null;
    parallel.fullPass();

    for (int o = 0; o < 30; o++) {
      assertCacheMatchesCrm(String.format("O%02d", o));
    }
  }

  // ---- incremental pass ----

  @Test
  void incrementalPass_withoutAWatermark_doesAFullPassAndSetsTheWatermarkToItsStart() {
    seedOrg();

    PassReport report = refresher.incrementalPass();

    assertCacheMatchesCrm("A", "B", "C");
    assertThat(watermarks.load()).contains(T0);
    assertThat(report.pass()).isEqualTo(Pass.INCREMENTAL);
    assertThat(report.watermark()).isEqualTo(T0);
    assertThat(inner.calls("openLeads")).isEqualTo(1);
  }

  @Test
  void incrementalPass_reflectsCloseConvertReassignAndCreate_touchingOnlyAffectedOwners() {
    seedOrg();
    inner.put(lead("D", "d1", 30));
    inner.put(lead("E", "e1", 30));
    refresher.incrementalPass();
    cache.replaced.clear();
    clock.advance(Duration.ofMinutes(10));

    inner.put(lead("A", "a2", 98).withStatus("Closed - Not Converted")); // close
    inner.convert("c1"); // convert
    inner.put(lead("B", "b1", 50).withOwner("D")); // reassign B -> D
    inner.put(lead("F", "f1", 5)); // create for a new owner
    clock.advance(Duration.ofSeconds(1));

    PassReport report = refresher.incrementalPass();

    assertThat(new TreeSet<>(cache.replaced)).containsExactly("A", "B", "C", "D", "F");
    assertThat(cachedIds("A")).containsExactly("a1", "a3", "a4");
    assertThat(cachedIds("B")).containsExactly("b2");
    assertThat(cachedIds("C")).isEmpty();
    assertThat(cachedIds("D")).containsExactly("b1", "d1");
    assertThat(cachedIds("F")).containsExactly("f1");
    assertThat(inner.calls("topOpenLeads")).isEqualTo(5);
    assertThat(report.crmCalls()).isEqualTo(6);
    assertThat(watermarks.load()).contains(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void incrementalPass_dropsLeadsDeletedOrMergedAwayInTheCrm_fromTheirOwnersCache() {
    seedOrg();
    refresher.incrementalPass();
    cache.replaced.clear();
    clock.advance(Duration.ofMinutes(10));

    inner.delete("a1"); // deleted
    inner.delete("b2"); // the losing lead of a merge into b1 is deleted too
    inner.put(lead("B", "b1", 50).withStatus("Working - Contacted")); // the merge's survivor
    clock.advance(Duration.ofSeconds(1));

    refresher.incrementalPass();

    assertThat(new TreeSet<>(cache.replaced)).containsExactly("A", "B");
    assertThat(cachedIds("A")).containsExactly("a2", "a3", "a4");
    assertThat(cachedIds("B")).containsExactly("b1");
    assertCacheMatchesCrm("A", "B", "C");
  }

  @Test
  void incrementalPass_ignoresADeletedLeadThatNoOwnerCaches() {
    seedOrg();
    refresher.incrementalPass();
    cache.replaced.clear();
    clock.advance(Duration.ofMinutes(10));
    inner.delete("a5"); // not in A's top 3

    refresher.incrementalPass();

    assertThat(cache.replaced).isEmpty();
    assertThat(inner.calls("topOpenLeads")).isZero();
  }

  @Test
  void incrementalPass_ignoresAClosedLeadThatNoOwnerCaches() {
    for (int i = 1; i <= 5; i++) {
      inner.put(lead("A", "a" + i, 100 - i));
    }
    refresher.incrementalPass();
    clock.advance(Duration.ofMinutes(10));
    inner.put(lead("A", "a5", 95).withStatus("Closed - Not Converted")); // not in A's top 3

    PassReport report = refresher.incrementalPass();

    assertThat(inner.calls("topOpenLeads")).isZero();
    assertThat(report.ownersSeen()).isZero();
    assertThat(watermarks.load()).contains(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void incrementalPass_skipsTheCrm_forAnEditOfALeadOutsideAFullTopSet() {
    seedOrg();
    refresher.incrementalPass();
    clock.advance(Duration.ofMinutes(10));
    inner.put(lead("A", "a5", 95).withStatus("Working - Contacted")); // A caches a1..a3

    refresher.incrementalPass();

    assertThat(inner.calls("topOpenLeads")).isZero();
    assertThat(watermarks.load()).contains(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void incrementalPass_followsAReassignmentAway_evenWhenTheOldOwnersOtherChangeIsReflected() {
    seedOrg();
    refresher.incrementalPass();
    clock.advance(Duration.ofMinutes(10));
    inner.put(lead("A", "a5", 95).withStatus("Working - Contacted")); // reflected for A
    inner.put(lead("A", "a2", 98).withOwner("C")); // A's cached a2 now belongs to C

    refresher.incrementalPass();

    assertThat(cachedIds("A")).containsExactly("a1", "a3", "a4");
    assertThat(cachedIds("C")).containsExactly("a2", "c1");
  }

  @Test
  void incrementalPass_readsFromTheWatermarkLessTheOverlap() {
    seedOrg();
    refresher.incrementalPass();
    // A change stamped 30 s before the watermark, committed after the last pass read.
    clock.set(T0.minusSeconds(30));
    inner.put(lead("C", "c0", 20));
    clock.set(T0.plus(Duration.ofMinutes(5)));

    refresher.incrementalPass();

    assertThat(cachedIds("C")).containsExactly("c0", "c1");
  }

  @Test
  void incrementalPass_keepsTheWatermark_whenAnAffectedOwnerFails_andTheNextPassAppliesAll() {
    seedOrg();
    refresher.incrementalPass();
    clock.advance(Duration.ofMinutes(10));
    inner.put(lead("A", "a0", 200));
    inner.put(lead("B", "b0", 200));
    crm.failTopOpenLeadsOf("B");

    assertThatThrownBy(() -> refresher.incrementalPass())
        .isInstanceOf(CrmUnavailableException.class);

    assertThat(watermarks.load()).contains(T0);
    assertThat(cachedIds("A")).startsWith("a0");
    assertThat(cachedIds("B")).containsExactly("b1", "b2");

    crm.failTopOpenLeadsOf(null);
    refresher.incrementalPass();

    assertCacheMatchesCrm("A", "B");
    assertThat(watermarks.load()).contains(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void incrementalPass_keepsTheWatermark_whenTheChangeStreamFails() {
    seedOrg();
    refresher.incrementalPass();
    clock.advance(Duration.ofMinutes(10));
    inner.put(lead("A", "a0", 200));
    inner.failNextCalls(1);

    assertThatThrownBy(() -> refresher.incrementalPass())
        .isInstanceOf(CrmUnavailableException.class);

    assertThat(watermarks.load()).contains(T0);
  }

  @Test
  void incrementalPass_withMoreChangesThanConfigured_doesAFullPassInstead() {
    seedOrg();
    refresher.incrementalPass();
    clock.advance(Duration.ofMinutes(10));
    for (int i = 0; i < 4; i++) {
      inner.put(lead("G", "g" + i, 3));
    }
    Instant fullPassStart = clock.instant();

    PassReport report =
        refresher(new RefresherConfig(TOP_N, Duration.ofSeconds(60), 3)).incrementalPass();

    assertThat(inner.calls("openLeads")).isEqualTo(2);
    assertThat(inner.calls("topOpenLeads")).isZero();
    assertCacheMatchesCrm("A", "B", "C", "G");
    assertThat(report.watermark()).isEqualTo(fullPassStart);
    assertThat(watermarks.load()).contains(fullPassStart);
  }

  // ---- owner pass ----

  @Test
  void ownerPass_recomputesOneOwnerFromTheCrm() {
    seedOrg();

    PassReport report = refresher.ownerPass("A");

    assertThat(cachedIds("A")).containsExactly("a1", "a2", "a3");
    assertThat(cache.topLeads("B", 5)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(report.pass()).isEqualTo(Pass.OWNER);
    assertThat(report.itemsWritten()).isEqualTo(4);
    assertThat(report.crmCalls()).isEqualTo(1);
    assertThat(refresher.ownerPass("A").itemsWritten()).isZero();
  }

  @Test
  void ownerPass_ofAFifteenCharacterOwnerId_writesTheEighteenCharacterKey() {
    inner.put(lead("00570000001ZwTiAAK", "x1", 3));

    refresher.ownerPass("00570000001ZwTi");

    assertThat(cachedIds("00570000001ZwTiAAK")).containsExactly("x1");
    assertThat(cache.topLeads("00570000001ZwTi", 5)).isInstanceOf(Snapshot.NeverRefreshed.class);
  }

  @Test
  void ownerPass_ofAnOwnerWithoutOpenLeads_recordsThemKnownEmpty() {
    refresher.ownerPass("Z");

    assertThat(cachedIds("Z")).isEmpty();
  }

  @Test
  void ownerPass_propagatesACrmOutageAndWritesNothing() {
    seedOrg();
    inner.failNextCalls(1);

    assertThatThrownBy(() -> refresher.ownerPass("A")).isInstanceOf(CrmUnavailableException.class);
    assertThat(cache.topLeads("A", 5)).isInstanceOf(Snapshot.NeverRefreshed.class);
  }

  // ---- test doubles ----

  /** Delegates to the in-memory CRM, and can break the open-lead stream or one owner's query. */
  private static final class BreakableCrm implements CrmGateway {
    private final InMemoryCrmGateway delegate;
    private int breakAfter = -1;
    private String failingOwner;

    BreakableCrm(InMemoryCrmGateway delegate) {
      this.delegate = delegate;
    }

    void breakOpenLeadsAfter(int leads) {
      breakAfter = leads;
    }

    void failTopOpenLeadsOf(String owner) {
      failingOwner = owner;
    }

    @Override
    public List<Lead> topOpenLeads(String ownerId, int limit) {
      if (ownerId.equals(failingOwner)) {
        throw new CrmUnavailableException("SERVER_UNAVAILABLE", "injected");
      }
      return delegate.topOpenLeads(ownerId, limit);
    }

    @Override
    public Stream<Lead> openLeads() {
      Stream<Lead> leads = delegate.openLeads();
      if (breakAfter < 0) {
        return leads;
      }
      int limit = breakAfter;
      breakAfter = -1;
      AtomicInteger seen = new AtomicInteger();
      return leads.peek(
          l -> {
            if (seen.incrementAndGet() > limit) {
              throw new CrmUnavailableException("SERVER_UNAVAILABLE", "page failed");
            }
          });
    }

    @Override
    public Stream<LeadChange> leadsModifiedSince(Instant since) {
      return delegate.leadsModifiedSince(since);
    }

    @Override
    public java.util.Optional<String> findLeadByExternalId(String externalId) {
      return delegate.findLeadByExternalId(externalId);
    }

    @Override
    public List<CreateResult> createLeads(List<CreateLeadRequest> requests) {
      return delegate.createLeads(requests);
    }

    @Override
    public CrmUser userForAccessToken(String accessToken) {
      return delegate.userForAccessToken(accessToken);
    }
  }

  /** Records which owners were rewritten and how often the digests were read. */
  private static final class RecordingCache implements LeadCache {
    private final LeadCache delegate;
    final List<String> replaced = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger digestReads = new AtomicInteger();
    volatile String failingOwner;

    RecordingCache(LeadCache delegate) {
      this.delegate = delegate;
    }

    @Override
    public Snapshot topLeads(String ownerId, int limit) {
      return delegate.topLeads(ownerId, limit);
    }

    @Override
    public WriteCount replaceOwnerLeads(
        String ownerId, List<Lead> leads, String digest, Instant refreshedAt) {
      if (ownerId.equals(failingOwner)) {
        throw new StorageUnavailableException("throttled", null);
      }
      WriteCount count = delegate.replaceOwnerLeads(ownerId, leads, digest, refreshedAt);
      if (count.written() + count.deleted() > 0) {
        replaced.add(ownerId);
      }
      return count;
    }

    @Override
    public boolean addLeadIfRoom(Lead lead, int maxLeads, Instant now) {
      return delegate.addLeadIfRoom(lead, maxLeads, now);
    }

    @Override
    public Map<String, String> ownerDigests() {
      digestReads.incrementAndGet();
      return delegate.ownerDigests();
    }

    @Override
    public Set<String> ownersHolding(Collection<String> leadIds) {
      return delegate.ownersHolding(leadIds);
    }
  }
}
