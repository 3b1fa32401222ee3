package com.crmvoice.adapters.dataverse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * OData literals and filter conditions for the Dataverse Web API, never pasting a value: a string
 * literal is quoted with every single quote doubled (OData ABNF, {@code SQUOTE-in-string = SQUOTE
 * SQUOTE}) and the whole query option is percent-encoded; a GUID must be one (it is written bare,
 * as OData writes GUID literals); a date-time is written in UTC with milliseconds. Column names
 * must be logical names. A value holding a control character is refused: no column CRM Voice
 * filters on holds one, and a stray one in a URL is a bug.
 */
public final class OData {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,99}");
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private OData() {}

  /** A column or entity set's logical name, checked. */
  public static String name(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a logical name: " + name);
    }
    return name;
  }

  /** {@code 'value'} with each {@code '} doubled. */
  public static String string(String value) {
    if (value == null) {
      throw new IllegalArgumentException("a string literal needs a value");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException("a control character cannot be put in a literal");
      }
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /** Whether {@code value} is a GUID in its 8-4-4-4-12 form. */
  public static boolean isGuid(String value) {
    return value != null && GUID.matcher(value).matches();
  }

  /** A GUID literal (lowercase, bare). */
  public static String guid(String value) {
    if (!isGuid(value)) {
      throw new IllegalArgumentException("not a GUID");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** A DateTimeOffset literal in UTC, milliseconds: 2026-01-01T10:00:00.000Z. */
  public static String dateTime(Instant instant) {
    Instant ms = instant.truncatedTo(ChronoUnit.MILLIS);
    String text = ms.toString();
    // Instant.toString drops a zero fraction; Dataverse takes either, the fake compares instants.
    return text.contains(".") ? text : text.replace("Z", ".000Z");
  }

  /** A Date literal (date-only columns such as estimatedclosedate): 2026-01-31, bare. */
  public static String date(java.time.LocalDate day) {
    return day.toString();
  }

  public static String le(String column, String literal) {
    return name(column) + " le " + literal;
  }

  public static String lt(String column, String literal) {
    return name(column) + " lt " + literal;
  }

  /** {@code column ne null}: the column holds a value. */
  public static String notNull(String column) {
    return name(column) + " ne null";
  }

  public static String eq(String column, String literal) {
    return name(column) + " eq " + literal;
  }

  public static String ge(String column, String literal) {
    return name(column) + " ge " + literal;
  }

  /** {@code (column eq a or column eq b ...)} of already-rendered literals. */
  public static String anyOf(String column, Collection<String> literals) {
    if (literals.isEmpty()) {
      throw new IllegalArgumentException("anyOf needs at least one value");
    }
    return literals.stream().map(l -> eq(column, l)).collect(Collectors.joining(" or ", "(", ")"));
  }

  public static String and(String... conditions) {
    return String.join(" and ", List.of(conditions));
  }

  /** A query string of options in order: {@code $select=a,b&$filter=...}, each value encoded. */
  public static String query(String... optionsAndValues) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i + 1 < optionsAndValues.length; i += 2) {
      if (optionsAndValues[i + 1] == null) {
        continue;
      }
      query.append(query.length() == 0 ? "?" : "&");
      query.append(optionsAndValues[i]).append('=').append(encode(optionsAndValues[i + 1]));
    }
    return query.toString();
  }

  /** Percent-encoding for a query option value or a key in a path (spaces as %20, not +). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code leads(crmvoice_commandid='x')}: a row addressed by an alternate key. */
  public static String byKey(String entitySet, String keyColumn, String value) {
    return name(entitySet) + "(" + name(keyColumn) + "=" + encode(string(value)) + ")";
  }

  /** {@code leads(guid)}: a row addressed by its primary key. */
  public static String byId(String entitySet, String id) {
    return name(entitySet) + "(" + guid(id) + ")";
  }
}
