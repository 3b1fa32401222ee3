package com.crmvoice.testkit.dataverse;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One Dataverse table of the fake (lead, phonecall, task, opportunity, ...): rows by primary key,
 * the command id alternate key's index (tables without one have a null key column), column types, a
 * row version per write (the {@code @odata.etag}), createdon and modifiedon at whole seconds as
 * Dataverse keeps them, and each string column's maximum length. Not thread-safe: callers hold the
 * {@link FakeDataverse}'s monitor.
 */
final class Table {

  /** A table's state at one moment, to roll a change set back to. */
  record Snapshot(Map<String, Map<String, Object>> rows, Map<String, String> byKey) {}

  final String entitySet;
  final String logicalName;
  final String idColumn;
  final String keyColumn;
  final Map<String, Integer> stringColumns;
  final Set<String> columns;

  /**
   * The type of each column that is neither a string nor a date-time: int, bool, decimal (money),
   * date (a date-only column), guid (a lookup's _x_value).
   */
  final Map<String, String> types = new HashMap<>();

  private final Clock clock;
  private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
  private final Map<String, String> byKey = new HashMap<>();
  private long version = 1000;

  Table(
      String entitySet,
      String logicalName,
      String idColumn,
      String keyColumn,
      Map<String, Integer> stringColumns,
      Set<String> otherColumns,
      Clock clock) {
    this.entitySet = entitySet;
    this.logicalName = logicalName;
    this.idColumn = idColumn;
    this.keyColumn = keyColumn;
    this.stringColumns = Map.copyOf(stringColumns);
    java.util.HashSet<String> all = new java.util.HashSet<>(otherColumns);
    all.addAll(stringColumns.keySet());
    all.add(idColumn);
    if (keyColumn != null) {
      all.add(keyColumn);
    }
    all.addAll(List.of("createdon", "modifiedon", "versionnumber", "_ownerid_value"));
    this.columns = Set.copyOf(all);
    this.clock = clock;
  }

  /** Declares columns of one type (see {@link #types}); answers this table. */
  Table typed(String type, String... names) {
    for (String name : names) {
      types.put(name, type);
    }
    return this;
  }

  /** A column's type: string, int, bool, decimal, date, guid or datetime. */
  String type(String column) {
    if (stringColumns.containsKey(column)) {
      return "string";
    }
    if (column.startsWith("_") && column.endsWith("_value")) {
      return "guid";
    }
    return types.getOrDefault(column, "datetime");
  }

  /** Inserts a row (values by column); answers its id. */
  String insert(Map<String, Object> values) {
    Map<String, Object> row = new HashMap<>(values);
    String id = (String) row.computeIfAbsent(idColumn, k -> UUID.randomUUID().toString());
    Instant now = now();
    row.putIfAbsent("createdon", now);
    row.put("modifiedon", now);
    row.put("versionnumber", ++version);
    rows.put(id, row);
    Object key = keyColumn == null ? null : row.get(keyColumn);
    if (key != null) {
      byKey.put(key.toString().toLowerCase(Locale.ROOT), id);
    }
    return id;
  }

  /** Changes a row's values; a new version and modifiedon. */
  void update(String id, Map<String, Object> values) {
    Map<String, Object> row = rows.get(id);
    if (row == null) {
      throw new IllegalArgumentException("no " + logicalName + " " + id);
    }
    row.putAll(values);
    row.put("modifiedon", now());
    row.put("versionnumber", ++version);
  }

  void delete(String id) {
    Map<String, Object> row = rows.remove(id);
    if (row != null && keyColumn != null && row.get(keyColumn) != null) {
      byKey.remove(row.get(keyColumn).toString().toLowerCase(Locale.ROOT));
    }
  }

  Map<String, Object> row(String id) {
    return id == null ? null : rows.get(id.toLowerCase(Locale.ROOT));
  }

  /** The row holding this alternate key value (compared ignoring case, as Dataverse does). */
  Map<String, Object> rowByKey(String keyValue) {
    return row(byKey.get(keyValue.toLowerCase(Locale.ROOT)));
  }

  Collection<Map<String, Object>> rows() {
    return rows.values();
  }

  List<Map<String, Object>> copies() {
    List<Map<String, Object>> copies = new ArrayList<>();
    rows.values().forEach(r -> copies.add(Map.copyOf(withoutNulls(r))));
    return copies;
  }

  static String etag(Map<String, Object> row) {
    return "W/\"" + row.get("versionnumber") + "\"";
  }

  Snapshot snapshot() {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    rows.forEach((k, v) -> copy.put(k, new HashMap<>(v)));
    return new Snapshot(copy, new HashMap<>(byKey));
  }

  void restore(Snapshot snapshot) {
    rows.clear();
    rows.putAll(snapshot.rows());
    byKey.clear();
    byKey.putAll(snapshot.byKey());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  static Map<String, Object> withoutNulls(Map<String, Object> row) {
    Map<String, Object> copy = new HashMap<>();
    row.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
