package com.crmvoice.core.domain.deal;

import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The org's fiscal quarters and months: the periods the CRM defines (for Salesforce, Period records
 * of a custom or standard fiscal year) where they cover a day, else standard quarters and months of
 * a fiscal year starting in {@code fiscalYearStartMonth} (1, January, gives calendar quarters).
 * Weeks are Monday to Sunday. Pure and immutable.
 */
public final class FiscalCalendar {

  private final List<FiscalPeriod> defined;
  private final int fiscalYearStartMonth;

  private FiscalCalendar(List<FiscalPeriod> defined, int fiscalYearStartMonth) {
    if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
      throw new IllegalArgumentException("fiscal year start month must be 1 to 12");
    }
    this.defined = defined.stream().sorted(Comparator.comparing(FiscalPeriod::start)).toList();
    this.fiscalYearStartMonth = fiscalYearStartMonth;
  }

  /** Calendar quarters and months. */
  public static FiscalCalendar calendar() {
    return new FiscalCalendar(List.of(), 1);
  }

  /**
   * @param defined the periods the CRM defines (quarters and months; weeks are ignored)
   * @param fiscalYearStartMonth for days no defined period covers
   */
  public static FiscalCalendar of(List<FiscalPeriod> defined, int fiscalYearStartMonth) {
    return new FiscalCalendar(
        defined.stream().filter(p -> p.kind() != Kind.WEEK).toList(), fiscalYearStartMonth);
  }

  /** Whether any period comes from the CRM rather than from the start month. */
  public boolean definedByCrm() {
    return !defined.isEmpty();
  }

  public int fiscalYearStartMonth() {
    return fiscalYearStartMonth;
  }

  /** The periods the CRM defined, oldest first. */
  public List<FiscalPeriod> definedPeriods() {
    return defined;
  }

  /** The period of this kind that holds {@code day}. */
  public FiscalPeriod period(Kind kind, LocalDate day) {
    if (kind == Kind.WEEK) {
      LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return new FiscalPeriod(Kind.WEEK, monday, monday.plusDays(6), 0, 0);
    }
    Optional<FiscalPeriod> fromCrm =
        defined.stream().filter(p -> p.kind() == kind && p.contains(day)).findFirst();
    return fromCrm.orElseGet(() -> clipped(standard(kind, day), day));
  }

  /** A standard period clipped so it never overlaps a defined one of its kind. */
  private FiscalPeriod clipped(FiscalPeriod standard, LocalDate day) {
    LocalDate start = standard.start();
    LocalDate end = standard.end();
    for (FiscalPeriod p : defined) {
      if (p.kind() != standard.kind()) {
        continue;
      }
      if (p.end().isBefore(day) && !p.end().isBefore(start)) {
        start = p.end().plusDays(1);
      }
      if (p.start().isAfter(day) && !p.start().isAfter(end)) {
        end = p.start().minusDays(1);
      }
    }
    return new FiscalPeriod(standard.kind(), start, end, standard.number(), standard.fiscalYear());
  }

  /** The period of this kind right after the one holding {@code day}. */
  public FiscalPeriod next(Kind kind, LocalDate day) {
    return period(kind, period(kind, day).end().plusDays(1));
  }

  private FiscalPeriod standard(Kind kind, LocalDate day) {
    // Months since the fiscal year started, 0..11.
    int offset = Math.floorMod(day.getMonthValue() - fiscalYearStartMonth, 12);
    LocalDate yearStart = day.withDayOfMonth(1).minusMonths(offset);
    // Named by the year it starts in (Salesforce's "based on the starting month"); the name is
    // only shown, it never decides which days a period holds.
    int fiscalYear = yearStart.getYear();
    if (kind == Kind.MONTH) {
      LocalDate start = day.withDayOfMonth(1);
      return new FiscalPeriod(
          Kind.MONTH, start, start.plusMonths(1).minusDays(1), offset + 1, fiscalYear);
    }
    int quarter = offset / 3;
    LocalDate start = yearStart.plusMonths(3L * quarter);
    return new FiscalPeriod(
        Kind.QUARTER, start, start.plusMonths(3).minusDays(1), quarter + 1, fiscalYear);
  }
}
