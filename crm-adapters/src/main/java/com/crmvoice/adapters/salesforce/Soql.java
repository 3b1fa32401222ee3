package com.crmvoice.adapters.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small SOQL builder that never pastes a value into a query: identifiers must be API names,
 * strings are quoted and escaped per Salesforce's SOQL rules (\' \" \\ \n \r \t \b \f), datetimes
 * are rendered as SOQL datetime literals. A value holding another control character cannot be
 * expressed in SOQL and is refused.
 *
 * <pre>Soql.select("Id", "Name").from("Lead").where(Soql.eq("OwnerId", owner)).limit(5).build()
 * </pre>
 */
public final class Soql {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

  /** A field of a related record in SELECT: one relationship name, a dot, a field name. */
  private static final Pattern RELATIONSHIP_FIELD =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}\\.[A-Za-z][A-Za-z0-9_]{0,79}");

  private final List<String> fields;
  private String object;
  private final List<Condition> where = new ArrayList<>();
  private final List<String> orderBy = new ArrayList<>();
  private Integer limit;

  private Soql(List<String> fields) {
    this.fields = fields;
  }

  /** One rendered filter condition. */
  public record Condition(String soql) {}

  /** Fields by API name; a related record's field as {@code Who.Name}. */
  public static Soql select(String... fields) {
    List<String> checked = new ArrayList<>();
    for (String field : fields) {
      if (field != null && RELATIONSHIP_FIELD.matcher(field).matches()) {
        checked.add(field);
      } else {
        checked.add(identifier(field));
      }
    }
    return new Soql(checked);
  }

  public Soql from(String sObject) {
    this.object = identifier(sObject);
    return this;
  }

  /** Conditions joined by AND. */
  public Soql where(Condition... conditions) {
    where.addAll(List.of(conditions));
    return this;
  }

  public Soql orderBy(String field, boolean ascending) {
    orderBy.add(identifier(field) + (ascending ? " ASC" : " DESC"));
    return this;
  }

  public Soql limit(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("LIMIT must not be negative");
    }
    this.limit = n;
    return this;
  }

  public String build() {
    if (object == null) {
      throw new IllegalStateException("FROM is missing");
    }
    StringBuilder soql =
        new StringBuilder("SELECT ")
            .append(String.join(", ", fields))
            .append(" FROM ")
            .append(object);
    if (!where.isEmpty()) {
      soql.append(" WHERE ");
      for (int i = 0; i < where.size(); i++) {
        soql.append(i == 0 ? "" : " AND ").append(where.get(i).soql());
      }
    }
    if (!orderBy.isEmpty()) {
      soql.append(" ORDER BY ").append(String.join(", ", orderBy));
    }
    if (limit != null) {
      soql.append(" LIMIT ").append(limit);
    }
    return soql.toString();
  }

  public static Condition eq(String field, String value) {
    return new Condition(identifier(field) + " = " + quote(value));
  }

  public static Condition eq(String field, boolean value) {
    return new Condition(identifier(field) + " = " + value);
  }

  public static Condition atOrAfter(String field, Instant value) {
    return new Condition(identifier(field) + " >= " + literal(value));
  }

  public static Condition before(String field, Instant value) {
    return new Condition(identifier(field) + " < " + literal(value));
  }

  /**
   * {@code field <= day}, a SOQL date literal (2026-01-01): for date fields such as ActivityDate.
   */
  public static Condition onOrBefore(String field, LocalDate day) {
    return new Condition(identifier(field) + " <= " + day.format(DateTimeFormatter.ISO_LOCAL_DATE));
  }

  public static Condition in(String field, Collection<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    List<String> quoted = values.stream().map(Soql::quote).toList();
    return new Condition(identifier(field) + " IN (" + String.join(", ", quoted) + ")");
  }

  public static Condition notIn(String field, Collection<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("NOT IN needs at least one value");
    }
    List<String> quoted = values.stream().map(Soql::quote).toList();
    return new Condition(identifier(field) + " NOT IN (" + String.join(", ", quoted) + ")");
  }

  /** {@code field >= day}, a SOQL date literal (yyyy-MM-dd), never quoted. */
  public static Condition onOrAfter(String field, LocalDate day) {
    return new Condition(identifier(field) + " >= " + day.format(DateTimeFormatter.ISO_LOCAL_DATE));
  }

  /** An API name (field or object); anything else is refused, never quoted into place. */
  public static String identifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a SOQL identifier: " + name);
    }
    return name;
  }

  /** A string literal, quoted and escaped; null becomes the keyword null. */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (Character.isISOControl(c)) {
            throw new IllegalArgumentException(
                "a SOQL string cannot hold control character U+" + String.format("%04X", (int) c));
          }
          out.append(c);
        }
      }
    }
    return out.append('\'').toString();
  }

  /**
   * A SOQL datetime literal in UTC to the second, rounded down (SOQL's documented form
   * 2026-01-01T10:00:00Z), so an "at or after" filter never misses the instant itself.
   */
  public static String literal(Instant value) {
    return DATETIME.format(value.truncatedTo(ChronoUnit.SECONDS));
  }

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
}
