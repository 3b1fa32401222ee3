package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.port.LeadCache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The lead cache in memory, with the same write-only-what-changed counts and the same cap per owner
 * as DynamoDB. Items never expire here (DynamoDbLeadCacheIT covers expiry).
 */
public final class InMemoryLeadCache implements LeadCache {

  private static final Comparator<Lead> OLDEST_FIRST =
      Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);

  private record Owner(List<Lead> leads, Instant refreshedAt, String digest) {}

  private final Map<String, Owner> owners = new HashMap<>();
  private int reads;

  @Override
  public synchronized Snapshot topLeads(String ownerId, int limit) {
    reads++;
    Owner owner = owners.get(ownerId);
    if (owner == null) {
      return new Snapshot.NeverRefreshed();
    }
    return new Snapshot.Known(
        owner.leads().stream().limit(limit).toList(), owner.refreshedAt(), owner.digest());
  }

  @Override
  public synchronized WriteCount replaceOwnerLeads(
      String ownerId, List<Lead> leads, String digest, Instant refreshedAt) {
    if (leads.size() > MAX_LEADS_PER_OWNER) {
      throw new IllegalArgumentException(
          leads.size() + " leads for one owner; at most " + MAX_LEADS_PER_OWNER);
    }
    List<Lead> sorted = leads.stream().sorted(OLDEST_FIRST).toList();
    Owner old = owners.get(ownerId);
    List<Lead> before = old == null ? List.of() : old.leads();
    int written = 0;
    for (Lead lead : sorted) {
      if (!before.contains(lead)) {
        written++;
      }
    }
    Set<String> keep = new HashSet<>();
    sorted.forEach(l -> keep.add(l.id()));
    int deleted = (int) before.stream().filter(l -> !keep.contains(l.id())).count();
    boolean metaChanged = old == null || !Objects.equals(old.digest(), digest);
    owners.put(ownerId, new Owner(sorted, refreshedAt, digest));
    return new WriteCount(written + (metaChanged ? 1 : 0), deleted);
  }

  @Override
  public synchronized boolean addLeadIfRoom(Lead lead, int maxLeads, Instant now) {
    if (maxLeads > MAX_LEADS_PER_OWNER) {
      throw new IllegalArgumentException("maxLeads above " + MAX_LEADS_PER_OWNER);
    }
    Owner owner = owners.get(lead.ownerId());
    if (owner == null || owner.leads().size() >= maxLeads) {
      return false;
    }
    if (owner.leads().stream().anyMatch(l -> l.id().equals(lead.id()))) {
      return false;
    }
    List<Lead> leads = new ArrayList<>(owner.leads());
    leads.add(lead);
    leads.sort(OLDEST_FIRST);
    owners.put(lead.ownerId(), new Owner(List.copyOf(leads), now, LeadDigest.of(leads)));
    return true;
  }

  @Override
  public synchronized Map<String, String> ownerDigests() {
    Map<String, String> digests = new HashMap<>();
    owners.forEach((id, owner) -> digests.put(id, owner.digest()));
    return digests;
  }

  @Override
  public synchronized Set<String> ownersHolding(Collection<String> leadIds) {
    Set<String> wanted = Set.copyOf(leadIds);
    Set<String> found = new HashSet<>();
    owners.forEach(
        (id, owner) -> {
          if (owner.leads().stream().anyMatch(l -> wanted.contains(l.id()))) {
            found.add(id);
          }
        });
    return found;
  }

  /** How many topLeads reads were served. */
  public synchronized int reads() {
    return reads;
  }
}
