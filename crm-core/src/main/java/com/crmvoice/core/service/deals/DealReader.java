package com.crmvoice.core.service.deals;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.FiscalPeriod;
import com.crmvoice.core.domain.deal.PeriodFigures;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.StorageUnavailableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The voice's reads of one owner's deals, from the cached {@link DealBook} only (no CRM call, so an
 * answer takes milliseconds): the open deals, one by id, the ones a spoken name means, the ones
 * closing this week or month, the biggest. Only the owner's open deals are ever found: a closed
 * deal or another owner's is not in the owner's book. An owner whose book is not known yet (or a
 * cache that cannot be read) gives empty, never an exception.
 */
public final class DealReader {

  /** What "deals closing" and "my biggest deal" list at most. */
  public static final int LIST_MAX = 10;

  private final DealCache cache;
  private final Clock clock;

  public DealReader(DealCache cache, Clock clock) {
    this.cache = cache;
    this.clock = clock;
  }

  /** Today in {@code zone}, by the clock the reads use. */
  public LocalDate today(ZoneId zone) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /** The owner's book, when the refresher has written one. */
  public Optional<DealBook> book(String ownerId) {
    try {
      return cache.book(ownerId) instanceof DealCache.Snapshot.Known known
          ? Optional.of(known.book())
          : Optional.empty();
    } catch (StorageUnavailableException e) {
      return Optional.empty();
    }
  }

  /** The owner's open deals, soonest closing first; empty when the book is not known. */
  public Optional<List<Deal>> openDeals(String ownerId) {
    return book(ownerId).map(DealBook::openDeals);
  }

  /** The owner's open deal with this id. */
  public Optional<Deal> find(String ownerId, String dealId) {
    return openDeals(ownerId)
        .flatMap(deals -> deals.stream().filter(d -> d.id().equals(dealId)).findFirst());
  }

  /** The owner's open deals a spoken name means ({@link DealNames}). */
  public List<Deal> matching(String ownerId, String spoken) {
    return DealNames.matching(openDeals(ownerId).orElse(List.of()), spoken);
  }

  /** The lengths of time "what deals close this ..." speaks of. */
  public enum Span {
    WEEK,
    MONTH
  }

  /**
   * The owner's open deals closing this week (Monday to Sunday) or this month (the org's fiscal
   * month the book's figures name, else the calendar month) of today in {@code zone}, soonest
   * first, at most {@link #LIST_MAX}; empty when the book is not known.
   */
  public Optional<List<Deal>> closing(String ownerId, Span span, ZoneId zone) {
    LocalDate today = today(zone);
    return book(ownerId)
        .map(
            book -> {
              LocalDate[] range = range(book, span, today);
              return book.closingBetween(range[0], range[1]).stream().limit(LIST_MAX).toList();
            });
  }

  /** The first and last day of this week or month. */
  static LocalDate[] range(DealBook book, Span span, LocalDate today) {
    if (span == Span.WEEK) {
      return new LocalDate[] {
        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
        today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
      };
    }
    Optional<FiscalPeriod> month =
        book.figuresOf(FiscalPeriod.Kind.MONTH, today).map(PeriodFigures::period);
    return month
        .map(m -> new LocalDate[] {m.start(), m.end()})
        .orElseGet(
            () ->
                new LocalDate[] {
                  today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth())
                });
  }

  /**
   * The owner's open deals by amount, largest first (a deal without an amount last; equal amounts
   * soonest closing first), at most {@link #LIST_MAX}. Amounts in different currencies are compared
   * as numbers: the book keeps no conversion of single deals.
   */
  public Optional<List<Deal>> biggest(String ownerId) {
    Comparator<Deal> byAmount =
        Comparator.comparing((Deal d) -> d.amount() == null ? BigDecimal.valueOf(-1) : d.amount())
            .reversed()
            .thenComparing(DealBook.CLOSING_ORDER);
    return openDeals(ownerId)
        .map(deals -> deals.stream().sorted(byAmount).limit(LIST_MAX).toList());
  }

  /**
   * The currency a deal's amount is in: its own (multi-currency orgs), else the org's corporate
   * currency as the book's figures name it; null when neither is known.
   */
  public static String currencyOf(Deal deal, DealBook book) {
    if (deal.currencyIsoCode() != null) {
      return deal.currencyIsoCode();
    }
    return book.figures().isEmpty() ? null : book.figures().get(0).currencyIsoCode();
  }
}
