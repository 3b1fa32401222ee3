package com.crmvoice.adapters.salesforce;

import com.crmvoice.core.domain.Lead;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Lead records as Salesforce's REST API answers them: the fields read, and the mapping to a Lead.
 */
final class LeadRecords {

  private LeadRecords() {}

  static final String[] LEAD_FIELDS = {
    "Id",
    "OwnerId",
    "FirstName",
    "LastName",
    "Company",
    "Email",
    "Phone",
    "Status",
    "CreatedDate",
    "LastModifiedDate"
  };
  private static final DateTimeFormatter SF_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  static Lead toLead(JsonNode record) {
    return new Lead(
        record.path("Id").asText(),
        record.path("OwnerId").asText(),
        text(record, "FirstName"),
        text(record, "LastName"),
        text(record, "Company"),
        text(record, "Email"),
        text(record, "Phone"),
        text(record, "Status"),
        parseDateTime(record.path("CreatedDate").asText()),
        record.hasNonNull("LastModifiedDate")
            ? parseDateTime(record.path("LastModifiedDate").asText())
            : null);
  }

  /** Salesforce's datetime format: 2026-01-01T10:00:00.000+0000. */
  static Instant parseDateTime(String value) {
    return SF_DATETIME.parse(value, Instant::from);
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
