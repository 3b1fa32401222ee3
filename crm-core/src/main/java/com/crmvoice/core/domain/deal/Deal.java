package com.crmvoice.core.domain.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An opportunity as the CRM holds it: what a salesperson hears of a deal, and what the cache needs
 * to own it and to update it only if it has not changed since it was heard.
 *
 * @param id the CRM's record id (for Salesforce, the 18-character Opportunity Id)
 * @param ownerId the CRM user who owns the deal
 * @param name the deal's name ("Acme renewal"), never blank
 * @param accountName the account's name; null when the deal has no account
 * @param stage the stage's API value ("Negotiation/Review"), never blank
 * @param amount null when the CRM holds none; in {@code currencyIsoCode}, or the org's currency
 * @param currencyIsoCode the record's currency where the org has several; null otherwise
 * @param closeDate the expected (or, for a closed deal, the actual) close date
 * @param probability percent, 0 to 100; null when the CRM holds none
 * @param forecastCategory for Salesforce ForecastCategoryName ("Pipeline", "Commit"); may be null
 * @param nextStep may be null
 * @param lastActivityDate may be null
 * @param lastModifiedAt the record's version, compared by conditional updates; null when unknown
 */
public record Deal(
    String id,
    String ownerId,
    String name,
    String accountName,
    String stage,
    BigDecimal amount,
    String currencyIsoCode,
    LocalDate closeDate,
    Integer probability,
    String forecastCategory,
    String nextStep,
    LocalDate lastActivityDate,
    Instant lastModifiedAt) {

  /** The longest NextStep Salesforce holds. */
  public static final int NEXT_STEP_MAX = 255;

  public Deal {
    requireText(id, "id");
    requireText(ownerId, "ownerId");
    requireText(name, "name");
    requireText(stage, "stage");
    Objects.requireNonNull(closeDate, "closeDate");
    if (probability != null && (probability < 0 || probability > 100)) {
      throw new IllegalArgumentException("probability must be 0 to 100");
    }
    // Salesforce's currency fields have two decimals; one scale keeps equal amounts equal.
    amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** The deal after {@code change} was applied, at version {@code modifiedAt} (null: unknown). */
  public Deal with(DealChanges change, DealStage newStage, Instant modifiedAt) {
    String stageValue = stage;
    Integer prob = probability;
    String forecast = forecastCategory;
    if (change.stage() != null) {
      stageValue = change.stage();
      // A CRM whose stages carry no default (Dynamics) keeps the deal's own values.
      if (newStage != null && newStage.defaultProbability() != null) {
        prob = newStage.defaultProbability();
      }
      if (newStage != null && newStage.forecastCategory() != null) {
        forecast = newStage.forecastCategory();
      }
    }
    return new Deal(
        id,
        ownerId,
        name,
        accountName,
        stageValue,
        change.amount() != null ? change.amount() : amount,
        currencyIsoCode,
        change.closeDate() != null ? change.closeDate() : closeDate,
        prob,
        forecast,
        change.nextStep() != null ? change.nextStep() : nextStep,
        lastActivityDate,
        modifiedAt);
  }

  /** The same deal under another owner, as after a reassignment in the CRM. */
  public Deal withOwner(String newOwnerId) {
    return new Deal(
        id,
        newOwnerId,
        name,
        accountName,
        stage,
        amount,
        currencyIsoCode,
        closeDate,
        probability,
        forecastCategory,
        nextStep,
        lastActivityDate,
        lastModifiedAt);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
