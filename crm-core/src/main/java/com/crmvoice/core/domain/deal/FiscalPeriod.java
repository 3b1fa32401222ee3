package com.crmvoice.core.domain.deal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One fiscal period: a quarter, a month or a week, both ends inclusive (as Salesforce's Period
 * record has StartDate and EndDate).
 *
 * @param number the quarter's or month's number in its fiscal year (1-based); 0 for a week
 * @param fiscalYear the fiscal year it belongs to, named as the org names it; 0 for a week
 */
public record FiscalPeriod(Kind kind, LocalDate start, LocalDate end, int number, int fiscalYear) {

  /** The lengths of period the skill speaks of. */
  public enum Kind {
    WEEK,
    MONTH,
    QUARTER
  }

  public FiscalPeriod {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a period ends on or after its start");
    }
  }

  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(start) && !day.isAfter(end);
  }
}
