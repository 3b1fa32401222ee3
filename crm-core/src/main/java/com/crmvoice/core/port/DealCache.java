package com.crmvoice.core.port;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.port.LeadCache.WriteCount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Each owner's open deals and pipeline figures ({@link DealBook}), kept close to the skill so reads
 * never wait on the CRM. An owner is either never refreshed or known with a book (perhaps empty).
 * Failures are {@link StorageUnavailableException}.
 */
public interface DealCache {

  /** The most open deals one owner's book keeps (the soonest closing). */
  int MAX_DEALS_PER_OWNER = 100;

  /** What the cache knows of one owner. */
  sealed interface Snapshot {
    /** The owner was never refreshed (or the book expired): ask the CRM. */
    record NeverRefreshed() implements Snapshot {}

    /** The owner's book as of {@code refreshedAt}. */
    record Known(DealBook book, Instant refreshedAt, String digest) implements Snapshot {}
  }

  /** The owner's book; an expired one is {@link Snapshot.NeverRefreshed}. */
  Snapshot book(String ownerId);

  /**
   * The owner's open deals whose close date is from {@code from} to {@code to} (both inclusive),
   * soonest first ({@link DealBook#CLOSING_ORDER}); empty when the owner is not known. The one read
   * other features (the daily briefing's "deals closing this week") build on.
   */
  default List<Deal> dealsClosing(String ownerId, LocalDate from, LocalDate to) {
    return book(ownerId) instanceof Snapshot.Known known
        ? known.book().closingBetween(from, to)
        : List.of();
  }

  /**
   * Makes {@code book} the owner's, writing nothing when the stored book has the same digest and is
   * not near its expiry.
   *
   * @throws IllegalArgumentException for more than {@link #MAX_DEALS_PER_OWNER} deals
   */
  WriteCount replaceOwnerBook(String ownerId, DealBook book, Instant refreshedAt);

  /** The stored digests of these owners (an owner never refreshed is not a key). */
  Map<String, String> digestsOf(Collection<String> ownerIds);
}
