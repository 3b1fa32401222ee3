package com.crmvoice.core.service.deals;

import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.domain.deal.DealStage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an update of a deal by voice may set, checked against the deal as the user heard it (the
 * owner's cached open deal): the stage (the org's picklist, {@link DealStageCatalog}), the amount
 * (not negative, not absurd), the close date (one day; a past day on an open deal is allowed only
 * after a confirmation the caller asks for), the next step; and the {@link UpdateOpportunity} the
 * user's yes queues, conditional on the deal's version then. No CRM call, no I/O but the catalog's.
 */
public final class DealUpdateService {

  /** Above this an amount is taken for a recognition slip, not a deal: asked again. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

  /** What the check of one spoken value found. */
  public sealed interface Check<T> {
    /** A value that can be read back and set. */
    record Valid<T>(T value) implements Check<T> {}

    /** The deal already holds it. */
    record Same<T>() implements Check<T> {}

    /** It cannot be set: {@code reason} says why (a {@link Refusal}). */
    record Refused<T>(Refusal reason) implements Check<T> {}
  }

  /** Why a spoken value cannot be set; each has its sentence in the speech bundles. */
  public enum Refusal {
    /** Nothing was heard. */
    MISSING,
    /** The stage is not one of the org's. */
    UNKNOWN_STAGE,
    /** Not a number. */
    NOT_A_NUMBER,
    /** Below zero. */
    NEGATIVE,
    /** Above {@link #MAX_AMOUNT}. */
    TOO_LARGE,
    /** Not one day (a week, a month, a season). */
    NOT_A_DAY
  }

  /** A stage change as it is read back: from, to, and what the CRM will set with the new stage. */
  public record StageChange(DealStage from, DealStage to) {}

  /** A close date as it is read back; {@code past} when it is before the user's today. */
  public record CloseDate(LocalDate date, boolean past) {}

  private final DealStageCatalog stages;
  private final Clock clock;

  public DealUpdateService(DealStageCatalog stages, Clock clock) {
    this.stages = Objects.requireNonNull(stages, "stages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public DealStageCatalog stages() {
    return stages;
  }

  public Clock clock() {
    return clock;
  }

  /** Whether the deal's stage is a closed one in the org's picklist: nothing may be updated. */
  public boolean isClosed(Deal deal) {
    return stages.stage(deal.stage()).map(DealStage::closed).orElse(false);
  }

  /**
   * The stage the user asked for.
   *
   * @param key the DEAL_STAGE key the model resolved; null when none
   * @param aliases the user's language's spoken aliases of each key
   */
  public Check<StageChange> stage(
      Deal deal, String key, String spoken, Map<String, ? extends Collection<String>> aliases) {
    if ((spoken == null || spoken.isBlank()) && key == null) {
      return new Check.Refused<>(Refusal.MISSING);
    }
    Optional<DealStage> to = stages.resolve(key, spoken, aliases);
    if (to.isEmpty()) {
      return new Check.Refused<>(Refusal.UNKNOWN_STAGE);
    }
    if (to.get().value().equals(deal.stage())) {
      return new Check.Same<>();
    }
    DealStage from =
        stages
            .stage(deal.stage())
            .orElse(new DealStage(deal.stage(), null, 0, null, null, false, false));
    return new Check.Valid<>(new StageChange(from, to.get()));
  }

  /** The amount the user asked for: an AMAZON.NUMBER value, in the deal's currency. */
  public Check<BigDecimal> amount(Deal deal, String spoken) {
    if (spoken == null || spoken.isBlank()) {
      return new Check.Refused<>(Refusal.MISSING);
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(spoken.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      return new Check.Refused<>(Refusal.NOT_A_NUMBER);
    }
    if (amount.signum() < 0) {
      return new Check.Refused<>(Refusal.NEGATIVE);
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      return new Check.Refused<>(Refusal.TOO_LARGE);
    }
    amount = amount.setScale(2, RoundingMode.HALF_EVEN);
    if (deal.amount() != null && deal.amount().compareTo(amount) == 0) {
      return new Check.Same<>();
    }
    return new Check.Valid<>(amount);
  }

  /**
   * The close date the user asked for: an AMAZON.DATE value (Alexa resolves "next Friday" in the
   * device's time zone); {@code today} is the user's, in that zone.
   */
  public Check<CloseDate> closeDate(Deal deal, String spoken, LocalDate today) {
    if (spoken == null || spoken.isBlank()) {
      return new Check.Refused<>(Refusal.MISSING);
    }
    LocalDate date;
    try {
      // One day is yyyy-MM-dd; weeks (2026-W50), months, seasons and decades are not days.
      date = LocalDate.parse(spoken.strip());
    } catch (DateTimeParseException e) {
      return new Check.Refused<>(Refusal.NOT_A_DAY);
    }
    if (date.equals(deal.closeDate())) {
      return new Check.Same<>();
    }
    return new Check.Valid<>(new CloseDate(date, date.isBefore(today)));
  }

  /** The next step the user dictated, capitalised, cut to what Salesforce holds. */
  public Check<String> nextStep(Deal deal, String spoken) {
    if (spoken == null || spoken.isBlank()) {
      return new Check.Refused<>(Refusal.MISSING);
    }
    String text = spoken.strip().replaceAll("\\s+", " ");
    text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
    if (text.length() > Deal.NEXT_STEP_MAX) {
      text = text.substring(0, Deal.NEXT_STEP_MAX).strip();
    }
    if (text.equals(deal.nextStep())) {
      return new Check.Same<>();
    }
    return new Check.Valid<>(text);
  }

  /**
   * The command the user's yes queues: what they heard (the deal's values and version as read back)
   * and what to set. The worker applies it only if the deal still has that version.
   *
   * @param heard the cached deal the user heard read back
   */
  public UpdateOpportunity command(
      String commandId, String ownerId, Deal heard, DealChanges changes) {
    return new UpdateOpportunity(
        commandId,
        ownerId,
        heard.id(),
        heard.name(),
        heard.stage(),
        heard.amount(),
        heard.closeDate(),
        heard.nextStep(),
        heard.lastModifiedAt(),
        changes,
        clock.instant());
  }
}
