package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.LeadCache.WriteCount;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link DealCache} in a map; counts writes, so tests can tell an unchanged book was skipped. */
public final class InMemoryDealCache implements DealCache {

  private record Stored(DealBook book, Instant refreshedAt, String digest) {}

  private final Map<String, Stored> books = new HashMap<>();
  private int writes;

  @Override
  public synchronized Snapshot book(String ownerId) {
    Stored stored = books.get(ownerId);
    return stored == null
        ? new Snapshot.NeverRefreshed()
        : new Snapshot.Known(stored.book(), stored.refreshedAt(), stored.digest());
  }

  @Override
  public synchronized WriteCount replaceOwnerBook(
      String ownerId, DealBook book, Instant refreshedAt) {
    if (book.openDeals().size() > MAX_DEALS_PER_OWNER) {
      throw new IllegalArgumentException("more than " + MAX_DEALS_PER_OWNER + " deals");
    }
    String digest = book.digest();
    Stored old = books.get(ownerId);
    if (old != null && old.digest().equals(digest)) {
      return WriteCount.NONE;
    }
    books.put(ownerId, new Stored(book, refreshedAt, digest));
    writes++;
    return new WriteCount(1, 0);
  }

  @Override
  public synchronized Map<String, String> digestsOf(Collection<String> ownerIds) {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String owner : ownerIds) {
      Stored stored = books.get(owner);
      if (stored != null) {
        digests.put(owner, stored.digest());
      }
    }
    return digests;
  }

  public synchronized int writes() {
    return writes;
  }
}
