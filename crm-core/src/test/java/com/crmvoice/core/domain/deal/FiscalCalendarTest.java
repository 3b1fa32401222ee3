package com.crmvoice.core.domain.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiscalCalendarTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void calendarQuartersWithoutFiscalSettings() {
    FiscalCalendar calendar = FiscalCalendar.calendar();

    FiscalPeriod q = calendar.period(Kind.QUARTER, d("2026-12-02"));

    assertThat(q.start()).isEqualTo(d("2026-10-01"));
    assertThat(q.end()).isEqualTo(d("2026-12-31"));
    assertThat(q.number()).isEqualTo(4);
    assertThat(calendar.next(Kind.QUARTER, d("2026-12-02")).start()).isEqualTo(d("2027-01-01"));
    assertThat(calendar.next(Kind.QUARTER, d("2026-12-02")).number()).isEqualTo(1);
  }

  @Test
  void aStandardFiscalYearStartingInFebruaryShiftsTheQuarters() {
    FiscalCalendar calendar = FiscalCalendar.of(List.of(), 2);

    FiscalPeriod q = calendar.period(Kind.QUARTER, d("2026-01-15"));

    assertThat(q.start()).isEqualTo(d("2025-11-01"));
    assertThat(q.end()).isEqualTo(d("2026-01-31"));
    assertThat(q.number()).isEqualTo(4);
    assertThat(calendar.period(Kind.QUARTER, d("2026-02-01")).number()).isEqualTo(1);
  }

  @Test
  void periodsTheCrmDefinesWinOverTheStartMonth() {
    // A 4-4-5 custom fiscal year: Q1 from 2026-11-29 for 13 weeks.
    FiscalPeriod custom = new FiscalPeriod(Kind.QUARTER, d("2026-11-29"), d("2027-02-27"), 1, 2027);
    FiscalCalendar calendar = FiscalCalendar.of(List.of(custom), 1);

    assertThat(calendar.period(Kind.QUARTER, d("2026-12-02"))).isEqualTo(custom);
    assertThat(calendar.definedByCrm()).isTrue();
    // Before the defined periods the standard quarters hold.
    assertThat(calendar.period(Kind.QUARTER, d("2026-11-28")).start()).isEqualTo(d("2026-10-01"));
    // The quarter after a defined one starts the day after it ends.
    assertThat(calendar.next(Kind.QUARTER, d("2026-12-02")).start()).isEqualTo(d("2027-02-28"));
  }

  @Test
  void monthsAndWeeks() {
    FiscalCalendar calendar = FiscalCalendar.calendar();

    assertThat(calendar.period(Kind.MONTH, d("2026-02-10")).end()).isEqualTo(d("2026-02-28"));
    FiscalPeriod week = calendar.period(Kind.WEEK, d("2026-12-02")); // a Wednesday
    assertThat(week.start()).isEqualTo(d("2026-11-30"));
    assertThat(week.end()).isEqualTo(d("2026-12-06"));
    assertThat(calendar.next(Kind.WEEK, d("2026-12-06")).start()).isEqualTo(d("2026-12-07"));
  }
}
