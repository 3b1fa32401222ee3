package com.crmvoice.adapters.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes of single attribute values in a DynamoDB item (an attribute map), shared by the
 * DynamoDB adapters; {@link #SORTABLE} writes instants so that string order is time order.
 */
final class AttributeValues {

  /** Fixed width, so lexical order of sort keys is time order (Salesforce keeps milliseconds). */
  static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private AttributeValues() {}

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static long num(Map<String, AttributeValue> item, String name, long fallback) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? fallback : Long.parseLong(value.n());
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = str(item, name);
    return value == null ? null : Instant.parse(value);
  }
}
