package com.crmvoice.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AMAZON.DATE as the simulator resolves typed dates, on Wednesday 2 December 2026. */
class SpokenDatesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "today|2026-12-02",
        "tomorrow|2026-12-03",
        "on friday|2026-12-04",
        "next week|2026-W50",
        "the fifth of March|2027-03-05",
        "on the 5th of march|2027-03-05",
        "5th March|2027-03-05",
        "the twenty-first of december|2026-12-21",
        "the second of december|2026-12-02",
        "the first of december|2027-12-01",
        "March 5th|2027-03-05",
        "december the thirtieth|2026-12-30",
        "5. März|2027-03-05",
        "the thirty-first of february|the thirty-first of february",
        "some day|some day",
      })
  void resolvesWhatUsersSay_britishAmericanAndGermanDaysOfAMonthIncluded(
      String spoken, String expected) {
    assertThat(SpokenDates.resolve(spoken, TODAY)).isEqualTo(expected);
  }
}
