package com.crmvoice.core.domain.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineCalculatorTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final FiscalPeriod Q4 = FiscalCalendar.calendar().period(Kind.QUARTER, TODAY);

  private static final List<DealStage> STAGES =
      List.of(
          new DealStage("Prospecting", null, 1, 10, "Pipeline", false, false),
          new DealStage("Proposal/Price Quote", null, 2, 75, "Pipeline", false, false),
          new DealStage("Negotiation/Review", null, 3, 90, "Pipeline", false, false),
          new DealStage("Closed Won", null, 4, 100, "Closed", true, true),
          new DealStage("Closed Lost", null, 5, 0, "Omitted", true, false));

  private static Deal deal(
      String id, String stage, String amount, String currency, String close, Integer probability) {
    return new Deal(
        id,
        "005A",
        "Deal " + id,
        null,
        stage,
        amount == null ? null : new BigDecimal(amount),
        currency,
        LocalDate.parse(close),
        probability,
        null,
        null,
        null,
        null);
  }

  @Test
  void sumsOpenDealsClosingInThePeriod_weightedByTheirProbability() {
    PipelineCalculator calc = new PipelineCalculator(OrgCurrency.single("USD"), STAGES);
    List<Deal> open =
        List.of(
            deal("1", "Negotiation/Review", "30000", null, "2026-12-15", 90),
            deal("2", "Prospecting", "12500", null, "2026-11-01", null), // stage default 10
            deal("3", "Proposal/Price Quote", "5000", null, "2027-01-05", 75), // next quarter
            deal("4", "Prospecting", null, null, "2026-12-31", 10)); // no amount: counts

    PeriodFigures f = calc.figures(Q4, open, List.of());

    assertThat(f.openAmount()).isEqualByComparingTo("42500");
    assertThat(f.openCount()).isEqualTo(3);
    assertThat(f.weightedAmount()).isEqualByComparingTo("28250"); // 27000 + 1250
    assertThat(f.topStages())
        .extracting(PeriodFigures.StageAmount::stage)
        .containsExactly("Negotiation/Review", "Prospecting");
    assertThat(f.topStages().get(1).count()).isEqualTo(2);
    assertThat(f.currencyIsoCode()).isEqualTo("USD");
  }

  @Test
  void wonDealsCountInThePeriodTheyClosedIn() {
    PipelineCalculator calc = new PipelineCalculator(OrgCurrency.single("EUR"), STAGES);
    List<Deal> won =
        List.of(
            deal("5", "Closed Won", "10000", null, "2026-10-02", 100),
            deal("6", "Closed Won", "999", null, "2026-09-30", 100));

    PeriodFigures f = calc.figures(Q4, List.of(), won);

    assertThat(f.wonAmount()).isEqualByComparingTo("10000");
    assertThat(f.wonCount()).isEqualTo(1);
    assertThat(f.openCount()).isZero();
  }

  @Test
  void convertsRecordCurrenciesToTheCorporateOne_andKeepsOnlyTheTopThreeStages() {
    OrgCurrency currency =
        new OrgCurrency("USD", true, Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("0.8")));
    PipelineCalculator calc = new PipelineCalculator(currency, STAGES);
    List<Deal> open =
        List.of(
            deal("1", "Negotiation/Review", "8000", "EUR", "2026-12-15", 50), // 10000 USD
            deal("2", "Prospecting", "1000", "USD", "2026-12-15", 10),
            deal("3", "Proposal/Price Quote", "2000", "USD", "2026-12-15", 10),
            deal("4", "Closed Lost", "1", "USD", "2026-12-15", 0), // closed: not open
            deal("5", "Mystery", "500", "USD", "2026-12-15", null)); // unknown stage: 0 %

    PeriodFigures f = calc.figures(Q4, open, List.of());

    assertThat(f.openAmount()).isEqualByComparingTo("13500");
    assertThat(f.openCount()).isEqualTo(4);
    assertThat(f.weightedAmount()).isEqualByComparingTo("5300"); // 5000 + 100 + 200
    assertThat(f.topStages())
        .extracting(PeriodFigures.StageAmount::stage)
        .containsExactly("Negotiation/Review", "Proposal/Price Quote", "Prospecting");
  }
}
