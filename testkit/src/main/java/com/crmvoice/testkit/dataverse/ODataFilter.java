package com.crmvoice.testkit.dataverse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The $filter subset the fake understands: comparisons ({@code eq ne gt ge lt le}) of a column with
 * a literal, {@code and}, {@code or}, {@code not} and parentheses. Literals: strings in single
 * quotes with a quote doubled (OData's only escape; a lone quote inside ends the literal and what
 * follows is a syntax error), GUIDs, integers, date-times (bare, ISO 8601), dates (2026-01-31,
 * compared with date-only columns), {@code null}, {@code true}, {@code false}. Anything else,
 * functions such as contains() included, is refused with a {@link BadQuery}, as Dataverse refuses
 * what it cannot parse. Strings compare ignoring case, as Dataverse's default collation does.
 */
final class ODataFilter {

  /** A query the fake refuses: 400 with this message. */
  static final class BadQuery extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadQuery(String message) {
      super(message);
    }
  }

  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(?:(\\()|(\\))|('(?:[^']|'')*'(?!'))|([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
              + "|(\\d{4}-\\d{2}-\\d{2}(?:T[0-9:.]+(?:Z|[+-]\\d{2}:\\d{2}))?)|(-?\\d+)|([A-Za-z_][A-Za-z0-9_]*)|('))");

  private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

  private record Token(String kind, String text) {}

  private final List<Token> tokens;
  private final Set<String> columns;
  private int at;

  private ODataFilter(List<Token> tokens, Set<String> columns) {
    this.tokens = tokens;
    this.columns = columns;
  }

  /** The filter as a predicate over rows (column name to value). */
  static Predicate<Map<String, Object>> parse(String filter, Set<String> columns) {
    ODataFilter parser = new ODataFilter(tokenize(filter), columns);
    Predicate<Map<String, Object>> p = parser.or();
    if (parser.at != parser.tokens.size()) {
      throw new BadQuery("Syntax error at position " + parser.at + " in '" + filter + "'.");
    }
    return p;
  }

  private static List<Token> tokenize(String filter) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(filter);
    int pos = 0;
    while (pos < filter.length()) {
      if (filter.substring(pos).isBlank()) {
        break;
      }
      if (!m.find(pos) || m.start() != pos) {
        throw new BadQuery("Syntax error at position " + pos + " in '" + filter + "'.");
      }
      if (m.group(1) != null) {
        tokens.add(new Token("(", "("));
      } else if (m.group(2) != null) {
        tokens.add(new Token(")", ")"));
      } else if (m.group(3) != null) {
        String raw = m.group(3);
        tokens.add(new Token("string", raw.substring(1, raw.length() - 1).replace("''", "'")));
      } else if (m.group(4) != null) {
        tokens.add(new Token("guid", m.group(4).toLowerCase(Locale.ROOT)));
      } else if (m.group(5) != null) {
        tokens.add(new Token("datetime", m.group(5)));
      } else if (m.group(6) != null) {
        tokens.add(new Token("int", m.group(6)));
      } else if (m.group(7) != null) {
        tokens.add(new Token("name", m.group(7)));
      } else {
        throw new BadQuery(
            "Unterminated string literal at position " + pos + " in '" + filter + "'.");
      }
      pos = m.end();
    }
    return tokens;
  }

  private Token peek() {
    return at < tokens.size() ? tokens.get(at) : null;
  }

  private boolean keyword(String word) {
    Token t = peek();
    if (t != null && t.kind().equals("name") && t.text().equals(word)) {
      at++;
      return true;
    }
    return false;
  }

  private Predicate<Map<String, Object>> or() {
    Predicate<Map<String, Object>> left = and();
    while (keyword("or")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<Map<String, Object>> and() {
    Predicate<Map<String, Object>> left = unary();
    while (keyword("and")) {
      left = left.and(unary());
    }
    return left;
  }

  private Predicate<Map<String, Object>> unary() {
    if (keyword("not")) {
      return unary().negate();
    }
    Token t = peek();
    if (t != null && t.kind().equals("(")) {
      at++;
      Predicate<Map<String, Object>> inner = or();
      expect(")");
      return inner;
    }
    return comparison();
  }

  private void expect(String kind) {
    Token t = peek();
    if (t == null || !t.kind().equals(kind)) {
      throw new BadQuery("Syntax error: '" + kind + "' expected at position " + at + ".");
    }
    at++;
  }

  private Predicate<Map<String, Object>> comparison() {
    Token column = peek();
    if (column == null || !column.kind().equals("name")) {
      throw new BadQuery("Syntax error: a property name expected at position " + at + ".");
    }
    at++;
    Token next = peek();
    if (next != null && next.kind().equals("(")) {
      throw new BadQuery("The function '" + column.text() + "' is not supported by this fake.");
    }
    if (!columns.contains(column.text())) {
      throw new BadQuery("Could not find a property named '" + column.text() + "'.");
    }
    Token op = peek();
    if (op == null || !op.kind().equals("name") || !OPERATORS.contains(op.text())) {
      throw new BadQuery("Syntax error: an operator expected at position " + at + ".");
    }
    at++;
    Token literal = peek();
    if (literal == null) {
      throw new BadQuery("Syntax error: a literal expected at the end.");
    }
    at++;
    Object value = literal(literal);
    String name = column.text();
    String operator = op.text();
    return row -> compare(row.get(name), operator, value);
  }

  private static Object literal(Token t) {
    return switch (t.kind()) {
      case "string", "guid" -> t.text();
      case "int" -> Long.parseLong(t.text());
      case "datetime" -> {
        try {
          if (!t.text().contains("T")) {
            yield java.time.LocalDate.parse(t.text());
          }
          yield java.time.OffsetDateTime.parse(t.text()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
          throw new BadQuery("Invalid date-time literal '" + t.text() + "'.");
        }
      }
      case "name" ->
          switch (t.text()) {
            case "null" -> NULL;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadQuery("A literal expected, got '" + t.text() + "'.");
          };
      default -> throw new BadQuery("A literal expected, got '" + t.text() + "'.");
    };
  }

  private static final Object NULL = new Object();

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean compare(Object actual, String op, Object literal) {
    if (literal == NULL) {
      return op.equals("eq") ? actual == null : op.equals("ne") && actual != null;
    }
    if (actual == null) {
      return op.equals("ne");
    }
    int c;
    if (actual instanceof String s && literal instanceof String l) {
      c = s.toLowerCase(Locale.ROOT).compareTo(l.toLowerCase(Locale.ROOT));
    } else if (actual instanceof Number n && literal instanceof Long l) {
      c = Long.compare(n.longValue(), l);
    } else if (actual instanceof Instant i && literal instanceof Instant l) {
      c = i.compareTo(l);
    } else if (actual instanceof java.time.LocalDate d
        && literal instanceof java.time.LocalDate l) {
      c = d.compareTo(l);
    } else if (actual instanceof Boolean b && literal instanceof Boolean l) {
      c = b.compareTo(l);
    } else {
      throw new BadQuery("Incompatible types in a comparison with " + op + ".");
    }
    return switch (op) {
      case "eq" -> c == 0;
      case "ne" -> c != 0;
      case "gt" -> c > 0;
      case "ge" -> c >= 0;
      case "lt" -> c < 0;
      default -> c <= 0;
    };
  }
}
