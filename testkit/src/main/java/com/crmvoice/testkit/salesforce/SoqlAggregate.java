package com.crmvoice.testkit.salesforce;

import static com.crmvoice.testkit.salesforce.SoqlEngine.malformed;

import com.crmvoice.testkit.salesforce.SObjectSchema.Type;
import com.crmvoice.testkit.salesforce.SoqlEngine.Order;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The aggregate part of a SOQL query: its SELECT items (grouped fields and COUNT / SUM), GROUP BY
 * and the output name of each item, checked against the rules of the SOQL reference that CRM Voice
 * can run into (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/ —
 * "Aggregate Functions", "COUNT() and COUNT(fieldName)", "Considerations for GROUP BY", "Use
 * Aliases with GROUP BY", "Support for Field Types in Aggregate Functions"):
 *
 * <ul>
 *   <li>COUNT() must be the only SELECT item, and takes no GROUP BY and no ORDER BY; its answer is
 *       the totalSize with no records;
 *   <li>a field in SELECT must be grouped or aggregated;
 *   <li>number, currency, percent and dateTime fields cannot be grouped ({@code groupable} false);
 *   <li>SUM takes number, currency and percent fields; COUNT(field) any but boolean;
 *   <li>an aggregate query with LIMIT needs GROUP BY;
 *   <li>ORDER BY names a grouped field or an aggregate;
 *   <li>an unaliased aggregate is named {@code expr0}, {@code expr1}… in SELECT order; a grouped
 *       field by its name (a parent field by its last part: {@code Account.Name} is {@code Name});
 *   <li>aliases are for aggregate queries only, and not SOQL keywords.
 * </ul>
 *
 * The fake knows COUNT and SUM only (AVG, MIN, MAX, COUNT_DISTINCT, HAVING, ROLLUP and CUBE are
 * refused as malformed, which Salesforce would answer).
 */
record SoqlAggregate(
    List<Item> items, List<String> groupBy, boolean countOnly, Set<String> currencyFields) {

  enum Function {
    COUNT,
    SUM
  }

  /**
   * One SELECT item: a grouped field ({@code function} null), or an aggregate of {@code field}
   * ({@code field} null for COUNT()); {@code name} is its key in the AggregateResult.
   */
  record Item(String field, Function function, String name) {

    /** The expression as ORDER BY names it: {@code SUM(Amount)}, or the field. */
    String expression() {
      return expression(function, field);
    }

    static String expression(Function function, String field) {
      return function == null ? field : function + "(" + (field == null ? "" : field) + ")";
    }
  }

  /** A SELECT item as parsed, before output names are given. */
  record Parsed(String field, Function function, String alias) {}

  /** The keywords SOQL refuses as alias names. */
  static final Set<String> RESERVED =
      Set.of(
          "AND",
          "ASC",
          "DESC",
          "EXCLUDES",
          "FIRST",
          "FROM",
          "GROUP",
          "HAVING",
          "IN",
          "INCLUDES",
          "LAST",
          "LIKE",
          "LIMIT",
          "NOT",
          "NULL",
          "NULLS",
          "OR",
          "SELECT",
          "USING",
          "WHERE",
          "WITH");

  /** The most groups one answer holds: an aggregate query has no query locator. */
  static final int MAX_GROUPS = 2000;

  /**
   * The aggregate query these parts make, or null when they make a plain one (no aggregate, no
   * GROUP BY; an alias is then refused).
   */
  static SoqlAggregate of(
      SObjectSchema schema,
      List<Parsed> select,
      List<String> groupBy,
      List<Order> orderBy,
      Integer limit) {
    boolean aggregate = !groupBy.isEmpty() || select.stream().anyMatch(p -> p.function() != null);
    if (!aggregate) {
      if (select.stream().anyMatch(p -> p.alias() != null)) {
        throw malformed("only aggregate expressions use field aliasing");
      }
      return null;
    }
    boolean countOnly =
        select.stream().anyMatch(p -> p.function() == Function.COUNT && p.field() == null);
    if (countOnly) {
      if (select.size() > 1) {
        throw malformed("COUNT() must be the only element in the SELECT list");
      }
      if (!groupBy.isEmpty()) {
        throw malformed("COUNT() and GROUP BY may not be used together; use COUNT(fieldName)");
      }
      if (!orderBy.isEmpty()) {
        throw malformed("COUNT() and ORDER BY may not be used together; use COUNT(fieldName)");
      }
      return new SoqlAggregate(
          List.of(new Item(null, Function.COUNT, null)), List.of(), true, Set.of());
    }
    for (String field : groupBy) {
      Type type = schema.type(field);
      if (type == Type.NUMBER || type == Type.CURRENCY || type == Type.DATETIME) {
        throw malformed("field '" + field + "' can not be grouped in a query call");
      }
    }
    if (limit != null && groupBy.isEmpty()) {
      throw malformed("an aggregate query with LIMIT must have a GROUP BY clause");
    }
    List<Item> items = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int implied = 0;
    for (Parsed p : select) {
      if (p.function() == null && !groupBy.contains(p.field())) {
        throw malformed("Field must be grouped or aggregated: " + p.field());
      }
      if (p.function() != null) {
        supports(schema, p.function(), p.field());
      }
      String name = p.alias();
      if (name == null) {
        name =
            p.function() == null
                ? p.field().substring(p.field().lastIndexOf('.') + 1)
                : "expr" + implied++;
      }
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        throw malformed("duplicate alias: " + name);
      }
      items.add(new Item(p.field(), p.function(), name));
    }
    for (Order order : orderBy) {
      boolean aggregated = order.field().endsWith(")");
      if (!aggregated && !groupBy.contains(order.field())) {
        throw malformed("Ordered field must be grouped or aggregated: " + order.field());
      }
    }
    Set<String> currency = new HashSet<>();
    for (String lower : schema.names()) {
      SObjectSchema.Field field = schema.field(lower);
      if (field.type() == Type.CURRENCY) {
        currency.add(field.name());
      }
    }
    return new SoqlAggregate(List.copyOf(items), List.copyOf(groupBy), false, Set.copyOf(currency));
  }

  /** Refuses an aggregate of a field type the function does not take. */
  static void supports(SObjectSchema schema, Function function, String field) {
    if (field == null) {
      return;
    }
    Type type = schema.type(field);
    boolean numeric = type == Type.NUMBER || type == Type.CURRENCY;
    boolean fits = function == Function.SUM ? numeric : type != Type.BOOLEAN;
    if (!fits) {
      throw malformed("field " + field + " does not support aggregate operator " + function);
    }
  }
}
