package com.crmvoice.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.LeadCache.Snapshot;
import com.crmvoice.core.port.LeadCache.WriteCount;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeadCache} promises. The in-memory fake and each adapter run the same tests, so
 * a service tested against the fake behaves the same against the real store.
 */
public abstract class LeadCacheContract {

  // Now, not a fixed date: stores with TTL (DynamoDB Local too) delete items whose ttl is past.
  protected static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private LeadCache cache;
  private String owner;

  /** A fresh, empty cache (for adapters, a fresh table). */
  protected abstract LeadCache newCache();

  @BeforeEach
  void setUp() {
    cache = newCache();
    owner = "005" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
  }

  protected static Lead lead(String owner, String id, int minutesAfterT0) {
    return new Lead(
        id,
        owner,
        "First" + id,
        "Last" + id,
        "Company " + id,
        null,
        null,
        "Open - Not Contacted",
        T0.plusSeconds(60L * minutesAfterT0));
  }

  private WriteCount replace(List<Lead> leads) {
    return cache.replaceOwnerLeads(owner, leads, LeadDigest.of(leads), T0);
  }

  @Test
  void anOwnerNeverRefreshedIsNotKnownEmpty() {
    assertThat(cache.topLeads(owner, 5)).isInstanceOf(Snapshot.NeverRefreshed.class);

    replace(List.of());

    assertThat(cache.topLeads(owner, 5))
        .isInstanceOfSatisfying(Snapshot.Known.class, k -> assertThat(k.leads()).isEmpty());
  }

  @Test
  void topLeadsAreTheOldestFirstWhateverTheWriteOrder() {
    List<Lead> leads =
        List.of(lead(owner, "00Q3", 30), lead(owner, "00Q1", 10), lead(owner, "00Q2", 20));
    replace(leads);

    Snapshot snapshot = cache.topLeads(owner, 2);

    assertThat(snapshot)
        .isInstanceOfSatisfying(
            Snapshot.Known.class,
            k -> assertThat(k.leads()).extracting(Lead::id).containsExactly("00Q1", "00Q2"));
  }

  @Test
  void replacingWithTheSameSetWritesNothing() {
    List<Lead> leads = List.of(lead(owner, "00Q1", 1), lead(owner, "00Q2", 2));
    replace(leads);

    assertThat(replace(leads)).isEqualTo(WriteCount.NONE);
  }

  @Test
  void replacingWritesOnlyTheChangesAndDeletesWhatIsGone() {
    replace(List.of(lead(owner, "00Q1", 1), lead(owner, "00Q2", 2), lead(owner, "00Q3", 3)));

    WriteCount count =
        replace(
            List.of(
                lead(owner, "00Q1", 1),
                lead(owner, "00Q3", 3).withStatus("Working"),
                lead(owner, "00Q4", 4)));

    // 00Q3 changed, 00Q4 is new, the owner's digest changed; 00Q2 is gone.
    assertThat(count.written()).isEqualTo(3);
    assertThat(count.deleted()).isEqualTo(1);
    assertThat(cache.topLeads(owner, 10))
        .isInstanceOfSatisfying(
            Snapshot.Known.class,
            k ->
                assertThat(k.leads())
                    .extracting(Lead::id, Lead::status)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("00Q1", "Open - Not Contacted"),
                        org.assertj.core.groups.Tuple.tuple("00Q3", "Working"),
                        org.assertj.core.groups.Tuple.tuple("00Q4", "Open - Not Contacted")));
  }

  @Test
  void aFullSetIsWrittenAndDeletedWhole() {
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < LeadCache.MAX_LEADS_PER_OWNER; i++) {
      leads.add(lead(owner, String.format("00Q%03d", i), i));
    }
    assertThat(replace(leads).written()).isEqualTo(LeadCache.MAX_LEADS_PER_OWNER + 1);

    assertThat(cache.topLeads(owner, 100))
        .isInstanceOfSatisfying(
            Snapshot.Known.class,
            k -> assertThat(k.leads()).hasSize(LeadCache.MAX_LEADS_PER_OWNER));
    assertThat(replace(List.of()).deleted()).isEqualTo(LeadCache.MAX_LEADS_PER_OWNER);
  }

  @Test
  void anOwnerHoldsAtMostTheCap_soOneWriteOfTheOwnerIsAlwaysOneAtomicWrite() {
    List<Lead> tooMany = new ArrayList<>();
    for (int i = 0; i <= LeadCache.MAX_LEADS_PER_OWNER; i++) {
      tooMany.add(lead(owner, String.format("00Q%03d", i), i));
    }

    assertThatThrownBy(() -> replace(tooMany)).isInstanceOf(IllegalArgumentException.class);
    assertThat(cache.topLeads(owner, 5)).isInstanceOf(Snapshot.NeverRefreshed.class);
    replace(List.of(lead(owner, "00Q1", 1)));
    assertThatThrownBy(
            () ->
                cache.addLeadIfRoom(lead(owner, "00Q2", 2), LeadCache.MAX_LEADS_PER_OWNER + 1, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void digestsAndHoldersAreReported() {
    List<Lead> leads = List.of(lead(owner, "00QA", 1));
    replace(leads);

    assertThat(cache.ownerDigests()).containsEntry(owner, LeadDigest.of(leads));
    assertThat(cache.ownersHolding(List.of("00QA", "00QZ"))).containsExactly(owner);
    assertThat(cache.ownersHolding(List.of("00QZ"))).isEmpty();
  }

  @Test
  void addLeadIfRoomAddsOnlyToAKnownOwnerWithRoom() {
    Lead first = lead(owner, "00Q1", 1);
    assertThat(cache.addLeadIfRoom(first, 2, T0)).isFalse();

    replace(List.of(first));
    assertThat(cache.addLeadIfRoom(lead(owner, "00Q2", 2), 2, T0)).isTrue();
    assertThat(cache.addLeadIfRoom(lead(owner, "00Q3", 3), 2, T0)).isFalse();

    assertThat(cache.topLeads(owner, 5))
        .isInstanceOfSatisfying(
            Snapshot.Known.class,
            k -> assertThat(k.leads()).extracting(Lead::id).containsExactly("00Q1", "00Q2"));
  }

  @Test
  void aNewOwnersSetIsWrittenWholeAndEndsExactWhenASetWasStoredAfterAll() {
    List<Lead> first = List.of(lead(owner, "00Q1", 1), lead(owner, "00Q2", 2));
    WriteCount written = cache.replaceNewOwnerLeads(owner, first, LeadDigest.of(first), T0);

    assertThat(written.written()).isEqualTo(3); // two leads and the set's own item
    assertThat(cache.ownerDigests()).containsEntry(owner, LeadDigest.of(first));

    // The caller believed the owner new, but a set is stored: it ends as exactly the new set.
    List<Lead> second = List.of(lead(owner, "00Q2", 2), lead(owner, "00Q3", 3));
    cache.replaceNewOwnerLeads(owner, second, LeadDigest.of(second), T0);

    assertThat(cache.topLeads(owner, 5))
        .isInstanceOfSatisfying(
            Snapshot.Known.class,
            k -> assertThat(k.leads()).extracting(Lead::id).containsExactly("00Q2", "00Q3"));
    assertThat(cache.ownerDigests()).containsEntry(owner, LeadDigest.of(second));
    assertThat(cache.ownersHolding(List.of("00Q1"))).isEmpty();
  }
}
