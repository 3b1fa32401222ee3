package com.crmvoice.core.domain.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline figures of one period from deal rows: the open amount and count of the open deals
 * whose close date falls in the period, their weighted amount (amount × probability, the deal's own
 * probability, else its stage's default, else 0), the top stages by amount, and the amount and
 * count of the won deals closed in it. Amounts are converted to the org's corporate currency; a
 * deal without an amount counts but adds nothing. Pure: the refresher, the worker's write-back and
 * the tests compute with the same code.
 */
public final class PipelineCalculator {

  /** How many stages {@link PeriodFigures#topStages()} holds at most. */
  public static final int TOP_STAGES = 3;

  private final OrgCurrency currency;
  private final Map<String, DealStage> stages;

  public PipelineCalculator(OrgCurrency currency, Collection<DealStage> stages) {
    this.currency = currency;
    Map<String, DealStage> byValue = new LinkedHashMap<>();
    stages.forEach(s -> byValue.put(s.value(), s));
    this.stages = byValue;
  }

  public OrgCurrency currency() {
    return currency;
  }

  /**
   * @param open the owner's open deals (any close date)
   * @param won the owner's won deals (any close date)
   */
  public PeriodFigures figures(FiscalPeriod period, Collection<Deal> open, Collection<Deal> won) {
    BigDecimal openAmount = BigDecimal.ZERO;
    BigDecimal weighted = BigDecimal.ZERO;
    int openCount = 0;
    Map<String, BigDecimal> byStage = new LinkedHashMap<>();
    Map<String, Integer> countByStage = new LinkedHashMap<>();
    for (Deal deal : open) {
      if (!period.contains(deal.closeDate()) || isClosed(deal)) {
        continue;
      }
      openCount++;
      BigDecimal amount = corporate(deal);
      openAmount = openAmount.add(amount);
      weighted = weighted.add(amount.multiply(BigDecimal.valueOf(probability(deal))));
      byStage.merge(deal.stage(), amount, BigDecimal::add);
      countByStage.merge(deal.stage(), 1, Integer::sum);
    }
    List<PeriodFigures.StageAmount> top = new ArrayList<>();
    byStage.forEach(
        (stage, amount) ->
            top.add(new PeriodFigures.StageAmount(stage, amount, countByStage.get(stage))));
    top.sort(
        Comparator.comparing(PeriodFigures.StageAmount::amount)
            .reversed()
            .thenComparing(PeriodFigures.StageAmount::count, Comparator.reverseOrder())
            .thenComparing(PeriodFigures.StageAmount::stage));
    BigDecimal wonAmount = BigDecimal.ZERO;
    int wonCount = 0;
    for (Deal deal : won) {
      if (period.contains(deal.closeDate())) {
        wonCount++;
        wonAmount = wonAmount.add(corporate(deal));
      }
    }
    return new PeriodFigures(
        period,
        currency.corporateIsoCode(),
        openAmount,
        openCount,
        weighted.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN),
        top.subList(0, Math.min(TOP_STAGES, top.size())),
        wonAmount,
        wonCount);
  }

  /** Whether the deal's stage is a closed one in the org's picklist. */
  public boolean isClosed(Deal deal) {
    DealStage stage = stages.get(deal.stage());
    return stage != null && stage.closed();
  }

  /** Whether the deal's stage is a won one in the org's picklist. */
  public boolean isWon(Deal deal) {
    DealStage stage = stages.get(deal.stage());
    return stage != null && stage.won();
  }

  private int probability(Deal deal) {
    if (deal.probability() != null) {
      return deal.probability();
    }
    DealStage stage = stages.get(deal.stage());
    return stage == null || stage.defaultProbability() == null ? 0 : stage.defaultProbability();
  }

  private BigDecimal corporate(Deal deal) {
    return deal.amount() == null
        ? BigDecimal.ZERO
        : currency.toCorporate(deal.amount(), deal.currencyIsoCode());
  }
}
