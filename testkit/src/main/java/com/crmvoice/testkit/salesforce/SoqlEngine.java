package com.crmvoice.testkit.salesforce;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SOQL subset the fake answers: {@code SELECT f1, f2 FROM Lead|Event|EventRelation|Task|<the
 * sales objects> [WHERE cond] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n]} with =,
 * !=, <>, <, >, <=, >=, IN, NOT IN, AND, OR, NOT and parentheses; string literals with SOQL's
 * escapes, numbers, true/false, null, datetime and date literals; relationship fields (Who.Name) in
 * SELECT. Anything else is a {@link QueryException} with Salesforce's error code. {@link
 * SoqlParser} reads a query; this class evaluates it against records.
 */
final class SoqlEngine {

  /** A query the fake refuses, as Salesforce would (MALFORMED_QUERY, INVALID_FIELD, ...). */
  static final class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String errorCode;

    QueryException(String errorCode, String message) {
      super(message);
      this.errorCode = errorCode;
    }
  }

  /**
   * A parsed query; {@code aggregate} is its aggregate part ({@link SoqlAggregate}), or null for a
   * query of records.
   */
  record Query(
      String object,
      List<String> fields,
      Condition where,
      List<Order> orderBy,
      Integer limit,
      SoqlAggregate aggregate) {

    Query(String object, List<String> fields, Condition where, List<Order> orderBy, Integer limit) {
      this(object, fields, where, orderBy, limit, null);
    }
  }

  record Order(String field, boolean ascending, boolean nullsFirst) {}

  sealed interface Condition {}

  record And(List<Condition> parts) implements Condition {}

  record Or(List<Condition> parts) implements Condition {}

  record Not(Condition inner) implements Condition {}

  record Compare(String field, String op, Object value) implements Condition {}

  record In(String field, List<Object> values, boolean negated) implements Condition {}

  private final Map<String, SObjectSchema> schemas = new java.util.HashMap<>();
  private final java.util.function.Supplier<List<SObjectSchema>> current;

  SoqlEngine(SObjectSchema... schemas) {
    this(List::of, schemas);
  }

  /**
   * @param current schemas that depend on the org's settings at the time of the query (the sales
   *     objects: CurrencyType and Opportunity.CurrencyIsoCode exist only with multi-currency)
   */
  SoqlEngine(java.util.function.Supplier<List<SObjectSchema>> current, SObjectSchema... schemas) {
    this.current = current;
    for (SObjectSchema schema : schemas) {
      this.schemas.put(schema.objectName().toLowerCase(java.util.Locale.ROOT), schema);
    }
  }

  Query parse(String soql) {
    Map<String, SObjectSchema> all = new java.util.HashMap<>(schemas);
    for (SObjectSchema schema : current.get()) {
      all.put(schema.objectName().toLowerCase(java.util.Locale.ROOT), schema);
    }
    return new SoqlParser(all, soql).parse();
  }

  // ---- evaluation ----

  boolean matches(Condition condition, Map<String, Object> record) {
    if (condition == null) {
      return true;
    }
    if (condition instanceof And and) {
      return and.parts().stream().allMatch(c -> matches(c, record));
    }
    if (condition instanceof Or or) {
      return or.parts().stream().anyMatch(c -> matches(c, record));
    }
    if (condition instanceof Not not) {
      return !matches(not.inner(), record);
    }
    if (condition instanceof In in) {
      Object actual = record.get(in.field());
      boolean found = in.values().stream().anyMatch(v -> equal(actual, v));
      return in.negated() ? !found : found;
    }
    Compare compare = (Compare) condition;
    Object actual = record.get(compare.field());
    return switch (compare.op()) {
      case "=" -> equal(actual, compare.value());
      case "!=", "<>" -> !equal(actual, compare.value());
      default -> {
        if (actual == null || compare.value() == null) {
          yield false;
        }
        int c = compareValues(actual, compare.value());
        yield switch (compare.op()) {
          case "<" -> c < 0;
          case ">" -> c > 0;
          case "<=" -> c <= 0;
          case ">=" -> c >= 0;
          default -> throw malformed("unknown operator " + compare.op());
        };
      }
    };
  }

  Comparator<Map<String, Object>> comparator(List<Order> orderBy) {
    Comparator<Map<String, Object>> result = (a, b) -> 0;
    for (Order order : orderBy) {
      Comparator<Map<String, Object>> one =
          (a, b) -> {
            Object x = a.get(order.field());
            Object y = b.get(order.field());
            if (x == null || y == null) {
              if (x == y) {
                return 0;
              }
              return (x == null) == order.nullsFirst() ? -1 : 1;
            }
            int c = compareValues(x, y);
            return order.ascending() ? c : -c;
          };
      result = result.thenComparing(one);
    }
    return result;
  }

  /** If the condition pins OwnerId to one value at its top level, that value (an index hint). */
  static String ownerEquality(Condition condition) {
    if (condition instanceof Compare c
        && c.field().equals("OwnerId")
        && c.op().equals("=")
        && c.value() instanceof String s) {
      return s;
    }
    if (condition instanceof And and) {
      for (Condition part : and.parts()) {
        String owner = ownerEquality(part);
        if (owner != null) {
          return owner;
        }
      }
    }
    return null;
  }

  private static boolean equal(Object actual, Object expected) {
    if (actual == null || expected == null) {
      return actual == expected;
    }
    if (actual instanceof String a && expected instanceof String e) {
      return a.equalsIgnoreCase(e); // SOQL string comparison ignores case
    }
    return compareValues(actual, expected) == 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return x.compareToIgnoreCase(y);
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y);
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable c) {
      return c.compareTo(b);
    }
    return Objects.toString(a).compareTo(Objects.toString(b));
  }

  static QueryException malformed(String message) {
    return new QueryException("MALFORMED_QUERY", message);
  }
}
