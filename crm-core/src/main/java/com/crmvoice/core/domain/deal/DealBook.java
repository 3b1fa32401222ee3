package com.crmvoice.core.domain.deal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What the cache keeps of one owner's deals: the open deals, soonest close date first (then the
 * larger amount, then id), and the pipeline figures of the periods the skill speaks of (this and
 * next quarter, this and next month).
 */
public record DealBook(List<Deal> openDeals, List<PeriodFigures> figures) {

  /** Soonest close first, then larger amount, then id: the order "deals closing" lists them in. */
  public static final Comparator<Deal> CLOSING_ORDER =
      Comparator.comparing(Deal::closeDate)
          .thenComparing(
              d -> d.amount() == null ? java.math.BigDecimal.ZERO : d.amount(),
              Comparator.reverseOrder())
          .thenComparing(Deal::id);

  public DealBook {
    openDeals = openDeals.stream().sorted(CLOSING_ORDER).toList();
    figures = List.copyOf(figures);
  }

  public static final DealBook EMPTY = new DealBook(List.of(), List.of());

  /** The stored figures of the period that starts on {@code start} and is of this kind. */
  public Optional<PeriodFigures> figuresOf(FiscalPeriod.Kind kind, LocalDate day) {
    return figures.stream()
        .filter(f -> f.period().kind() == kind && f.period().contains(day))
        .findFirst();
  }

  /** The open deals closing from {@code from} to {@code to}, both inclusive, in closing order. */
  public List<Deal> closingBetween(LocalDate from, LocalDate to) {
    return openDeals.stream()
        .filter(d -> !d.closeDate().isBefore(from) && !d.closeDate().isAfter(to))
        .toList();
  }

  /**
   * A short fingerprint: equal books give equal digests, any change of a deal field, a figure or
   * membership gives another. Records print every component, so their text is the canonical form.
   */
  public String digest() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (Deal deal : openDeals) {
      sha.update(deal.toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    for (PeriodFigures f : figures) {
      sha.update(f.toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 16);
  }
}
