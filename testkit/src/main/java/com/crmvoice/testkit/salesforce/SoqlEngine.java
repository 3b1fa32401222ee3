package com.crmvoice.testkit.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The SOQL subset the fake answers: {@code SELECT f1, f2 FROM Lead [WHERE cond] [ORDER BY f
 * [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n]} with =, !=, <>, <, >, <=, >=, IN, NOT IN, AND, OR,
 * NOT and parentheses; string literals with SOQL's escapes, numbers, true/false, null and datetime
 * literals. Anything else is a {@link QueryException} with Salesforce's error code.
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

  /** A parsed query. */
  record Query(List<String> fields, Condition where, List<Order> orderBy, Integer limit) {}

  record Order(String field, boolean ascending, boolean nullsFirst) {}

  sealed interface Condition {}

  record And(List<Condition> parts) implements Condition {}

  record Or(List<Condition> parts) implements Condition {}

  record Not(Condition inner) implements Condition {}

  record Compare(String field, String op, Object value) implements Condition {}

  record In(String field, List<Object> values, boolean negated) implements Condition {}

  private enum Kind {
    WORD,
    STRING,
    NUMBER,
    DATETIME,
    OP,
    LPAREN,
    RPAREN,
    COMMA,
    END
  }

  private record Token(Kind kind, String text, Object value, int position) {}

  private final LeadSchema schema;
  private List<Token> tokens;
  private int at;

  SoqlEngine(LeadSchema schema) {
    this.schema = schema;
  }

  // The parser keeps its position in fields; the fake serves requests on several threads.
  synchronized Query parse(String soql) {
    tokens = tokenize(soql);
    at = 0;
    expectWord("SELECT");
    List<String> fields = new ArrayList<>();
    do {
      fields.add(field(next()));
    } while (acceptKind(Kind.COMMA));
    expectWord("FROM");
    Token object = next();
    if (object.kind() != Kind.WORD) {
      throw malformed("unexpected token: '" + object.text() + "'");
    }
    if (!object.text().equalsIgnoreCase("Lead")) {
      throw new QueryException(
          "INVALID_TYPE",
          "sObject type '"
              + object.text()
              + "' is not supported. If you are attempting to use a custom"
              + " object, be sure to append the '__c' after the entity name.");
    }
    Condition where = null;
    if (acceptWord("WHERE")) {
      where = orExpression();
    }
    List<Order> orderBy = new ArrayList<>();
    if (acceptWord("ORDER")) {
      expectWord("BY");
      do {
        String field = field(next());
        boolean ascending = true;
        if (acceptWord("DESC")) {
          ascending = false;
        } else {
          acceptWord("ASC");
        }
        boolean nullsFirst = ascending;
        if (acceptWord("NULLS")) {
          if (acceptWord("FIRST")) {
            nullsFirst = true;
          } else {
            expectWord("LAST");
            nullsFirst = false;
          }
        }
        orderBy.add(new Order(field, ascending, nullsFirst));
      } while (acceptKind(Kind.COMMA));
    }
    Integer limit = null;
    if (acceptWord("LIMIT")) {
      Token n = next();
      if (n.kind() != Kind.NUMBER
          || !(n.value() instanceof BigDecimal d)
          || d.scale() > 0
          || d.signum() < 0) {
        throw malformed("LIMIT must be a non-negative integer, found '" + n.text() + "'");
      }
      limit = d.intValueExact();
    }
    if (peek().kind() != Kind.END) {
      throw malformed("unexpected token: '" + peek().text() + "'");
    }
    return new Query(List.copyOf(fields), where, List.copyOf(orderBy), limit);
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

  // ---- grammar ----

  private Condition orExpression() {
    List<Condition> parts = new ArrayList<>();
    parts.add(andExpression());
    while (acceptWord("OR")) {
      parts.add(andExpression());
    }
    return parts.size() == 1 ? parts.get(0) : new Or(parts);
  }

  private Condition andExpression() {
    List<Condition> parts = new ArrayList<>();
    parts.add(unary());
    while (acceptWord("AND")) {
      parts.add(unary());
    }
    return parts.size() == 1 ? parts.get(0) : new And(parts);
  }

  private Condition unary() {
    if (acceptWord("NOT")) {
      return new Not(unary());
    }
    if (acceptKind(Kind.LPAREN)) {
      Condition inner = orExpression();
      if (!acceptKind(Kind.RPAREN)) {
        throw malformed("expecting a right parentheses, found '" + peek().text() + "'");
      }
      return inner;
    }
    Token fieldToken = next();
    String field = field(fieldToken);
    if (acceptWord("IN")) {
      return new In(field, valueList(field), false);
    }
    if (peek().kind() == Kind.WORD && peek().text().equalsIgnoreCase("NOT")) {
      next();
      expectWord("IN");
      return new In(field, valueList(field), true);
    }
    Token op = next();
    if (op.kind() != Kind.OP) {
      throw malformed("unexpected token: '" + op.text() + "'");
    }
    return new Compare(field, op.text(), literal(field, next()));
  }

  private List<Object> valueList(String field) {
    if (!acceptKind(Kind.LPAREN)) {
      throw malformed("expecting a left parentheses, found '" + peek().text() + "'");
    }
    List<Object> values = new ArrayList<>();
    do {
      values.add(literal(field, next()));
    } while (acceptKind(Kind.COMMA));
    if (!acceptKind(Kind.RPAREN)) {
      throw malformed("expecting a right parentheses, found '" + peek().text() + "'");
    }
    return values;
  }

  private Object literal(String field, Token token) {
    LeadSchema.Type type = schema.type(field);
    Object value;
    switch (token.kind()) {
      case STRING -> value = token.value();
      case NUMBER -> value = token.value();
      case DATETIME -> value = token.value();
      case WORD -> {
        String word = token.text().toLowerCase(Locale.ROOT);
        value =
            switch (word) {
              case "null" -> null;
              case "true" -> Boolean.TRUE;
              case "false" -> Boolean.FALSE;
              default -> throw malformed("unexpected token: '" + token.text() + "'");
            };
      }
      default -> throw malformed("unexpected token: '" + token.text() + "'");
    }
    if (value == null) {
      return null;
    }
    boolean fits =
        switch (type) {
          case STRING, ID -> value instanceof String;
          case BOOLEAN -> value instanceof Boolean;
          case DATETIME -> value instanceof Instant;
        };
    if (!fits) {
      throw malformed(
          "value of filter criterion for field '"
              + field
              + "' must be of type "
              + type.soqlName()
              + (type == LeadSchema.Type.DATETIME ? " and should not be enclosed in quotes" : ""));
    }
    return value;
  }

  private String field(Token token) {
    if (token.kind() != Kind.WORD) {
      throw malformed("unexpected token: '" + token.text() + "'");
    }
    String canonical = schema.canonical(token.text());
    if (canonical == null) {
      throw new QueryException(
          "INVALID_FIELD",
          "No such column '"
              + token.text()
              + "' on entity 'Lead'. If you are attempting"
              + " to use a custom field, be sure to append the '__c' after the custom field name.");
    }
    return canonical;
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token token = tokens.get(at);
    if (token.kind() != Kind.END) {
      at++;
    }
    return token;
  }

  private boolean acceptKind(Kind kind) {
    if (peek().kind() == kind) {
      at++;
      return true;
    }
    return false;
  }

  private boolean acceptWord(String word) {
    if (peek().kind() == Kind.WORD && peek().text().equalsIgnoreCase(word)) {
      at++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw malformed("expecting '" + word + "', found '" + peek().text() + "'");
    }
  }

  private static QueryException malformed(String message) {
    return new QueryException("MALFORMED_QUERY", message);
  }

  // ---- lexer ----

  private static List<Token> tokenize(String soql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = soql.length();
    while (i < n) {
      char c = soql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        tokens.add(new Token(Kind.LPAREN, "(", null, i++));
      } else if (c == ')') {
        tokens.add(new Token(Kind.RPAREN, ")", null, i++));
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ",", null, i++));
      } else if (c == '\'') {
        int start = i++;
        StringBuilder value = new StringBuilder();
        boolean closed = false;
        while (i < n) {
          char d = soql.charAt(i++);
          if (d == '\'') {
            closed = true;
            break;
          }
          if (d == '\\') {
            if (i >= n) {
              break;
            }
            char e = soql.charAt(i++);
            switch (e) {
              case 'n' -> value.append('\n');
              case 'r' -> value.append('\r');
              case 't' -> value.append('\t');
              case 'b' -> value.append('\b');
              case 'f' -> value.append('\f');
              case '"' -> value.append('"');
              case '\'' -> value.append('\'');
              case '\\' -> value.append('\\');
              case '_' -> value.append("\\_");
              case '%' -> value.append("\\%");
              case 'u' -> {
                if (i + 4 > n) {
                  throw malformed("invalid unicode escape");
                }
                try {
                  value.append((char) Integer.parseInt(soql.substring(i, i + 4), 16));
                } catch (NumberFormatException ex) {
                  throw malformed("invalid unicode escape");
                }
                i += 4;
              }
              default ->
                  throw malformed(
                      "Invalid string literal '"
                          + soql.substring(start, i)
                          + "'. Illegal character sequence '\\"
                          + e
                          + "' in string literal.");
            }
          } else {
            value.append(d);
          }
        }
        if (!closed) {
          throw malformed("unterminated string literal");
        }
        tokens.add(new Token(Kind.STRING, soql.substring(start, i), value.toString(), start));
      } else if (c == '=') {
        tokens.add(new Token(Kind.OP, "=", null, i++));
      } else if (c == '!' || c == '<' || c == '>') {
        int start = i++;
        if (i < n && (soql.charAt(i) == '=' || (c == '<' && soql.charAt(i) == '>'))) {
          i++;
        }
        String op = soql.substring(start, i);
        if (op.equals("!")) {
          throw malformed("unexpected token: '!'");
        }
        tokens.add(new Token(Kind.OP, op, null, start));
      } else if (Character.isDigit(c) || c == '-' || c == '+') {
        int start = i++;
        while (i < n
            && (Character.isLetterOrDigit(soql.charAt(i)) || ":.+-".indexOf(soql.charAt(i)) >= 0)) {
          i++;
        }
        String text = soql.substring(start, i);
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
          try {
            tokens.add(new Token(Kind.DATETIME, text, parseDateTime(text), start));
          } catch (DateTimeParseException e) {
            throw malformed("invalid datetime literal '" + text + "'");
          }
        } else {
          try {
            tokens.add(new Token(Kind.NUMBER, text, new BigDecimal(text), start));
          } catch (NumberFormatException e) {
            throw malformed("unexpected token: '" + text + "'");
          }
        }
      } else if (Character.isLetter(c) || c == '_') {
        int start = i++;
        while (i < n
            && (Character.isLetterOrDigit(soql.charAt(i))
                || soql.charAt(i) == '_'
                || soql.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, soql.substring(start, i), null, start));
      } else {
        throw malformed("unexpected token: '" + c + "'");
      }
    }
    tokens.add(new Token(Kind.END, "<EOF>", null, n));
    return tokens;
  }

  /** SOQL datetime literals: 2026-01-01T10:00:00Z, with optional fraction, or with +hh:mm. */
  private static Instant parseDateTime(String text) {
    return java.time.OffsetDateTime.parse(text).toInstant();
  }
}
