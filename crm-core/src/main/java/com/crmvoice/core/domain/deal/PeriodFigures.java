package com.crmvoice.core.domain.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One owner's pipeline in one period, in one currency: the open deals closing in it (amount, count,
 * weighted by probability, the top stages by amount) and the deals won in it.
 */
public record PeriodFigures(
    FiscalPeriod period,
    String currencyIsoCode,
    BigDecimal openAmount,
    int openCount,
    BigDecimal weightedAmount,
    List<StageAmount> topStages,
    BigDecimal wonAmount,
    int wonCount) {

  /** The open amount and count of one stage. */
  public record StageAmount(String stage, BigDecimal amount, int count) {
    public StageAmount {
      amount = amount.setScale(2, RoundingMode.HALF_EVEN);
    }
  }

  public PeriodFigures {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(currencyIsoCode, "currencyIsoCode");
    Objects.requireNonNull(openAmount, "openAmount");
    Objects.requireNonNull(weightedAmount, "weightedAmount");
    Objects.requireNonNull(wonAmount, "wonAmount");
    topStages = List.copyOf(topStages);
    openAmount = openAmount.setScale(2, RoundingMode.HALF_EVEN);
    weightedAmount = weightedAmount.setScale(2, RoundingMode.HALF_EVEN);
    wonAmount = wonAmount.setScale(2, RoundingMode.HALF_EVEN);
  }
}
