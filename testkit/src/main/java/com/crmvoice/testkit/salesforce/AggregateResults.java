package com.crmvoice.testkit.salesforce;

import com.crmvoice.testkit.salesforce.SoqlAggregate.Function;
import com.crmvoice.testkit.salesforce.SoqlAggregate.Item;
import com.crmvoice.testkit.salesforce.SoqlEngine.Order;
import com.crmvoice.testkit.salesforce.SoqlEngine.Query;
import com.crmvoice.testkit.salesforce.SoqlEngine.QueryException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an aggregate query ({@link SoqlAggregate}) over the rows its WHERE clause kept: one
 * group per distinct GROUP BY value list (one group of all rows, even of none, without GROUP BY),
 * each item computed per group, ORDER BY and LIMIT over the groups. COUNT(field) counts the rows
 * whose field is not null (COUNT(Id) all of them); SUM ignores nulls and is null for a group with
 * no value. A currency field's SUM is in the org's corporate currency ("Aggregate function results
 * on currency fields default to the system currency"): each record's amount is converted at its
 * CurrencyIsoCode's rate, the sum rounded to the corporate currency's two decimals. More than
 * {@value SoqlAggregate#MAX_GROUPS} groups are refused, since the answer cannot be paged (the
 * message is Salesforce's; the error code is the fake's choice, the reference names none).
 */
final class AggregateResults {

  /** A record's amount of a currency field in the corporate currency. */
  interface Currency {
    BigDecimal toCorporate(Map<String, Object> row, BigDecimal amount);
  }

  /**
   * The answer: {@code totalSize} (the count for COUNT(), else the number of groups) and the
   * groups, each its items' values by their output names in SELECT order.
   */
  record Answer(int totalSize, List<Map<String, Object>> records) {}

  private AggregateResults() {}

  static Answer evaluate(
      Query query, List<Map<String, Object>> rows, SoqlEngine engine, Currency currency) {
    SoqlAggregate aggregate = query.aggregate();
    if (aggregate.countOnly()) {
      int count = query.limit() == null ? rows.size() : Math.min(rows.size(), query.limit());
      return new Answer(count, List.of());
    }
    Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    if (aggregate.groupBy().isEmpty()) {
      groups.put(List.of(), rows);
    } else {
      for (Map<String, Object> row : rows) {
        List<Object> key = new ArrayList<>();
        for (String field : aggregate.groupBy()) {
          key.add(row.get(field));
        }
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }
    List<Map<String, Object>> values = new ArrayList<>();
    for (List<Map<String, Object>> group : groups.values()) {
      values.add(groupValues(aggregate, query.orderBy(), group, currency));
    }
    if (!query.orderBy().isEmpty()) {
      values.sort(engine.comparator(query.orderBy()));
    }
    if (query.limit() != null && values.size() > query.limit()) {
      values = values.subList(0, query.limit());
    }
    if (values.size() > SoqlAggregate.MAX_GROUPS) {
      throw new QueryException(
          "MALFORMED_QUERY",
          "Aggregate query does not support queryMore(), use LIMIT to restrict the results to a"
              + " single batch");
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (Map<String, Object> group : values) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (Item item : aggregate.items()) {
        record.put(item.name(), group.get(item.expression()));
      }
      records.add(record);
    }
    return new Answer(records.size(), records);
  }

  /** One group's grouped fields and aggregates, keyed by expression (StageName, SUM(Amount)). */
  private static Map<String, Object> groupValues(
      SoqlAggregate aggregate,
      List<Order> orderBy,
      List<Map<String, Object>> group,
      Currency currency) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : aggregate.groupBy()) {
      values.put(field, group.isEmpty() ? null : group.get(0).get(field));
    }
    for (Item item : aggregate.items()) {
      if (item.function() != null) {
        values.put(
            item.expression(), compute(item.function(), item.field(), group, aggregate, currency));
      }
    }
    for (Order order : orderBy) {
      String expression = order.field();
      if (expression.endsWith(")") && !values.containsKey(expression)) {
        int open = expression.indexOf('(');
        Function function = Function.valueOf(expression.substring(0, open));
        String field = expression.substring(open + 1, expression.length() - 1);
        values.put(
            expression,
            compute(function, field.isEmpty() ? null : field, group, aggregate, currency));
      }
    }
    return values;
  }

  private static Object compute(
      Function function,
      String field,
      List<Map<String, Object>> group,
      SoqlAggregate aggregate,
      Currency currency) {
    if (function == Function.COUNT) {
      long count = group.stream().filter(r -> field == null || r.get(field) != null).count();
      return BigDecimal.valueOf(count);
    }
    boolean isCurrency = aggregate.currencyFields().contains(field);
    BigDecimal sum = null;
    for (Map<String, Object> row : group) {
      if (row.get(field) instanceof BigDecimal value) {
        BigDecimal amount = isCurrency ? currency.toCorporate(row, value) : value;
        sum = sum == null ? amount : sum.add(amount);
      }
    }
    return sum != null && isCurrency ? sum.setScale(2, RoundingMode.HALF_UP) : sum;
  }
}
