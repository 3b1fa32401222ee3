package com.crmvoice.core.domain.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one update sets on a deal; a null field is left as it is, at least one is set.
 *
 * @param stage the new stage's API value
 * @param amount the new amount, not negative, in the deal's currency
 * @param closeDate the new close date
 * @param nextStep the new next step, at most {@link Deal#NEXT_STEP_MAX} characters
 */
public record DealChanges(String stage, BigDecimal amount, LocalDate closeDate, String nextStep) {

  public DealChanges {
    if (stage == null && amount == null && closeDate == null && nextStep == null) {
      throw new IllegalArgumentException("an update sets at least one field");
    }
    if (stage != null && stage.isBlank()) {
      throw new IllegalArgumentException("stage must not be blank");
    }
    if (amount != null && amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
    if (nextStep != null && (nextStep.isBlank() || nextStep.length() > Deal.NEXT_STEP_MAX)) {
      throw new IllegalArgumentException("next step must be 1 to " + Deal.NEXT_STEP_MAX + " chars");
    }
  }

  public static DealChanges stage(String stage) {
    return new DealChanges(stage, null, null, null);
  }

  public static DealChanges amount(BigDecimal amount) {
    return new DealChanges(null, amount, null, null);
  }

  public static DealChanges closeDate(LocalDate closeDate) {
    return new DealChanges(null, null, closeDate, null);
  }

  public static DealChanges nextStep(String nextStep) {
    return new DealChanges(null, null, null, nextStep);
  }

  /** Whether {@code deal} already holds every value this update sets (a redelivered update). */
  public boolean heldBy(Deal deal) {
    return (stage == null || stage.equals(deal.stage()))
        && (amount == null || (deal.amount() != null && amount.compareTo(deal.amount()) == 0))
        && (closeDate == null || closeDate.equals(deal.closeDate()))
        && (nextStep == null || nextStep.equals(deal.nextStep()));
  }
}
