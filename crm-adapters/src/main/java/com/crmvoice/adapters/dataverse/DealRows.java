package com.crmvoice.adapters.dataverse;

import com.crmvoice.core.domain.deal.Deal;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Opportunity rows as the Web API answers them, and their mapping to a {@link Deal}.
 *
 * <ul>
 *   <li>stage: the {@code salesstage} option's label (Qualify, Develop, Propose, Close: the stages
 *       of Dynamics' opportunity sales process) while the opportunity is open; {@link #WON} or
 *       {@link #LOST} once statecode says it is closed. stepname (the business process flow's
 *       free-text "pipeline phase") is not used: it is not a choice a write can set reliably.
 *   <li>amount: estimatedvalue; for a won deal actualvalue when it is set.
 *   <li>close date: estimatedclosedate; for a closed deal actualclosedate when it is set.
 *   <li>account: customerid expanded as customerid_account (null when the customer is a contact).
 *   <li>no next step, forecast category or last activity date: Dynamics' opportunity has no such
 *       standard columns (msdyn_forecastcategory exists only with the forecasting feature).
 * </ul>
 */
final class DealRows {

  private DealRows() {}

  static final String ENTITY_SET = "opportunities";
  static final String SELECT =
      "opportunityid,_ownerid_value,name,statecode,salesstage,closeprobability,estimatedvalue,"
          + "actualvalue,estimatedclosedate,actualclosedate,_transactioncurrencyid_value,modifiedon";
  static final String EXPAND = "customerid_account($select=name)";

  /** statecode of an open, won and lost opportunity. */
  static final int OPEN = 0;

  static final int WON_STATE = 1;

  /** The stage values of closed deals (statecode Won and Lost). */
  static final String WON = "Won";

  static final String LOST = "Lost";

  /** Whether the row is open and can be placed in a period (it has an estimated close date). */
  static boolean inPipeline(JsonNode row) {
    return row.path("statecode").asInt(-1) == OPEN && row.hasNonNull("estimatedclosedate");
  }

  /**
   * The deal of a row; {@code currencyIso} maps a transactioncurrencyid to its ISO code (null for a
   * single-currency org, where a deal carries none). An open deal without an estimated close date
   * gets the day it was last modified (it is not in the pipeline; see {@link #inPipeline}).
   */
  static Deal toDeal(JsonNode row, Function<String, String> currencyIso) {
    int state = row.path("statecode").asInt(OPEN);
    boolean won = state == WON_STATE;
    boolean closed = state != OPEN;
    Instant modified =
        row.hasNonNull("modifiedon") ? Instant.parse(row.get("modifiedon").asText()) : null;
    JsonNode account = row.path("customerid_account");
    String currency = text(row, "_transactioncurrencyid_value");
    return new Deal(
        row.path("opportunityid").asText(),
        row.path("_ownerid_value").asText(),
        row.path("name").asText(),
        account.isObject() ? text(account, "name") : null,
        closed ? (won ? WON : LOST) : stage(row),
        won && row.hasNonNull("actualvalue")
            ? row.get("actualvalue").decimalValue()
            : row.hasNonNull("estimatedvalue") ? row.get("estimatedvalue").decimalValue() : null,
        currency == null ? null : currencyIso.apply(currency),
        closeDate(row, closed, modified),
        row.hasNonNull("closeprobability") ? row.get("closeprobability").asInt() : null,
        null,
        null,
        null,
        modified);
  }

  private static LocalDate closeDate(JsonNode row, boolean closed, Instant modified) {
    if (closed && row.hasNonNull("actualclosedate")) {
      return LocalDate.parse(row.get("actualclosedate").asText());
    }
    if (row.hasNonNull("estimatedclosedate")) {
      return LocalDate.parse(row.get("estimatedclosedate").asText());
    }
    return modified == null
        ? LocalDate.EPOCH
        : LocalDate.ofInstant(modified, java.time.ZoneOffset.UTC);
  }

  /** The sales stage's label; its number when no label came; Qualify when it has none. */
  static String stage(JsonNode row) {
    JsonNode label = row.get("salesstage" + LeadRows.FORMATTED);
    if (label != null && !label.isNull() && !label.asText().isBlank()) {
      return label.asText();
    }
    return row.hasNonNull("salesstage") ? row.get("salesstage").asText() : "Qualify";
  }

  static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
