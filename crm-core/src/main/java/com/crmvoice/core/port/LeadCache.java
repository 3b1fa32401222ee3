package com.crmvoice.core.port;

import com.crmvoice.core.domain.Lead;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each owner's top open leads, kept close to the skill so reads never wait on the CRM. An owner is
 * either never refreshed, known to have no open leads, or known with their oldest open leads.
 * Failures are {@link StorageUnavailableException}.
 */
public interface LeadCache {

  /**
   * The most leads one owner's set may hold ({@code LEAD_CACHE_TOP_N} is at most this). Small
   * enough that replacing a whole set by another is one atomic write in every store: in DynamoDB,
   * 49 puts, 49 deletes and the owner's meta item are 99 actions of one {@code TransactWriteItems}
   * (its limit is 100).
   */
  int MAX_LEADS_PER_OWNER = 49;

  /** What the cache knows of one owner, oldest lead first. */
  sealed interface Snapshot {
    /** The owner was never refreshed: ask the CRM. */
    record NeverRefreshed() implements Snapshot {}

    /**
     * The owner's leads as of {@code refreshedAt}; an empty list means the owner has no open leads.
     */
    record Known(List<Lead> leads, Instant refreshedAt, String digest) implements Snapshot {
      public Known {
        leads = List.copyOf(leads);
      }
    }
  }

  /** Counts of what a write did, for logs and figures. */
  record WriteCount(int written, int deleted) {
    public static final WriteCount NONE = new WriteCount(0, 0);

    public WriteCount plus(WriteCount other) {
      return new WriteCount(written + other.written, deleted + other.deleted);
    }
  }

  /**
   * The owner's oldest open leads, at most {@code limit}. A set that has expired (the store's TTL,
   * whether or not the store has deleted it yet) or cannot be read whole is {@link
   * Snapshot.NeverRefreshed}: a cache miss, never a partial or stale set.
   */
  Snapshot topLeads(String ownerId, int limit);

  /**
   * Makes {@code leads} the owner's cached set, writing only what differs from what is stored and
   * deleting what is no longer in it; an empty list records the owner as known to have none. The
   * {@code digest} (see {@code LeadDigest}) is stored with the set so a later pass can tell an
   * unchanged owner without reading the leads.
   *
   * @throws IllegalArgumentException for more than {@link #MAX_LEADS_PER_OWNER} leads
   */
  WriteCount replaceOwnerLeads(
      String ownerId, List<Lead> leads, String digest, Instant refreshedAt);

  /**
   * {@link #replaceOwnerLeads} for an owner the caller has just found to have no stored set (a full
   * pass that read every stored digest): a store may write without reading first, and must still
   * end with exactly {@code leads} if a set was stored after all (read, then write).
   */
  default WriteCount replaceNewOwnerLeads(
      String ownerId, List<Lead> leads, String digest, Instant refreshedAt) {
    return replaceOwnerLeads(ownerId, leads, digest, refreshedAt);
  }

  /**
   * Adds one lead to its owner's set if the owner already has a known set with fewer than {@code
   * maxLeads} leads; answers whether it was added. Used by the worker right after a create.
   *
   * @throws IllegalArgumentException when {@code maxLeads} exceeds {@link #MAX_LEADS_PER_OWNER}
   */
  boolean addLeadIfRoom(Lead lead, int maxLeads, Instant now);

  /** The stored digest of every known owner, for a pass that must find what changed. */
  Map<String, String> ownerDigests();

  /** The owners whose cached set holds any of these lead ids (to follow reassignments). */
  Set<String> ownersHolding(Collection<String> leadIds);
}
