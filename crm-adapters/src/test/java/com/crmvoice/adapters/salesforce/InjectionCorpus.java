package com.crmvoice.adapters.salesforce;

import java.util.List;

/** Hostile values a spoken or typed slot could carry into a query. */
final class InjectionCorpus {
  private InjectionCorpus() {}

  static final List<String> VALUES =
      List.of(
          "O'Brien",
          "' OR Name != '",
          "x' OR LastName != 'x",
          "\\' OR Id != null OR Id = \\'",
          "x\\",
          "x\\\\' OR Id != null --",
          "\" OR \"1\"=\"1",
          "‘ OR ’1’=’1",
          "ʼ OR 1=1",
          "a\nOR Id != null",
          "tab\there",
          "back\bspace\fform\rfeed",
          "%",
          "_",
          "50%_off",
          "/* comment */ OR Id != null",
          "-- comment",
          "') OR (Id != null",
          "x' LIMIT 1",
          "x'; DELETE FROM Lead",
          "\\u0027 OR Id != null",
          "😀 émoji ünïcödé",
          "'".repeat(50),
          "\\".repeat(51),
          "A".repeat(2000));
}
