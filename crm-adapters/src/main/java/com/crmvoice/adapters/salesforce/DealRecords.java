package com.crmvoice.adapters.salesforce;

import com.crmvoice.core.domain.deal.Deal;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Opportunity records as Salesforce's REST API answers them: the fields read, and the mapping to a
 * Deal. The account's name comes nested ({@code "Account": {"Name": ...}}, or null without one).
 */
final class DealRecords {

  private DealRecords() {}

  private static final List<String> FIELDS =
      List.of(
          "Id",
          "OwnerId",
          "Name",
          "Account.Name",
          "StageName",
          "Amount",
          "CloseDate",
          "Probability",
          "ForecastCategoryName",
          "NextStep",
          "LastActivityDate",
          "LastModifiedDate");

  /** The fields a deal is read with; CurrencyIsoCode exists only in multi-currency orgs. */
  static String[] fields(boolean multiCurrency, String... more) {
    List<String> fields = new ArrayList<>(FIELDS);
    if (multiCurrency) {
      fields.add("CurrencyIsoCode");
    }
    fields.addAll(List.of(more));
    return fields.toArray(String[]::new);
  }

  static Deal toDeal(JsonNode record) {
    JsonNode account = record.path("Account");
    return new Deal(
        record.path("Id").asText(),
        record.path("OwnerId").asText(),
        record.path("Name").asText(),
        account.isObject() ? text(account, "Name") : null,
        record.path("StageName").asText(),
        record.hasNonNull("Amount") ? record.get("Amount").decimalValue() : null,
        text(record, "CurrencyIsoCode"),
        LocalDate.parse(record.path("CloseDate").asText()),
        record.hasNonNull("Probability")
            ? (int) Math.round(record.get("Probability").asDouble())
            : null,
        text(record, "ForecastCategoryName"),
        text(record, "NextStep"),
        record.hasNonNull("LastActivityDate")
            ? LocalDate.parse(record.get("LastActivityDate").asText())
            : null,
        record.hasNonNull("LastModifiedDate")
            ? LeadRecords.parseDateTime(record.get("LastModifiedDate").asText())
            : null);
  }

  static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
