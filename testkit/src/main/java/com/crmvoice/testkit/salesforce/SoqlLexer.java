package com.crmvoice.testkit.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * SOQL's tokens: words, string literals with SOQL's escapes, numbers, datetimes, dates
 * (2026-01-01), operators.
 */
final class SoqlLexer {

  enum Kind {
    WORD,
    STRING,
    NUMBER,
    DATETIME,
    DATE,
    OP,
    LPAREN,
    RPAREN,
    COMMA,
    END
  }

  record Token(Kind kind, String text, Object value, int position) {}

  private SoqlLexer() {}

  static List<Token> tokenize(String soql) {
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
        i = string(soql, i, tokens);
      } else if (c == '=') {
        tokens.add(new Token(Kind.OP, "=", null, i++));
      } else if (c == '!' || c == '<' || c == '>') {
        i = operator(soql, i, tokens);
      } else if (Character.isDigit(c) || c == '-' || c == '+') {
        i = numberOrDate(soql, i, tokens);
      } else if (Character.isLetter(c) || c == '_') {
        i = word(soql, i, tokens);
      } else {
        throw SoqlEngine.malformed("unexpected token: '" + c + "'");
      }
    }
    tokens.add(new Token(Kind.END, "<EOF>", null, n));
    return tokens;
  }

  /**
   * A string literal from its opening quote, its escapes read as SOQL reads them. Returns the
   * position after it.
   */
  private static int string(String soql, int at, List<Token> tokens) {
    int n = soql.length();
    int i = at;
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
              throw SoqlEngine.malformed("invalid unicode escape");
            }
            try {
              value.append((char) Integer.parseInt(soql.substring(i, i + 4), 16));
            } catch (NumberFormatException ex) {
              throw SoqlEngine.malformed("invalid unicode escape");
            }
            i += 4;
          }
          default ->
              throw SoqlEngine.malformed(
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
      throw SoqlEngine.malformed("unterminated string literal");
    }
    tokens.add(new Token(Kind.STRING, soql.substring(start, i), value.toString(), start));
    return i;
  }

  /** A comparison operator: =, !=, <, <=, >, >= or <>. Returns the position after it. */
  private static int operator(String soql, int at, List<Token> tokens) {
    int n = soql.length();
    int i = at;
    char c = soql.charAt(at);
    int start = i++;
    if (i < n && (soql.charAt(i) == '=' || (c == '<' && soql.charAt(i) == '>'))) {
      i++;
    }
    String op = soql.substring(start, i);
    if (op.equals("!")) {
      throw SoqlEngine.malformed("unexpected token: '!'");
    }
    tokens.add(new Token(Kind.OP, op, null, start));
    return i;
  }

  /** A number, date or datetime literal. Returns the position after it. */
  private static int numberOrDate(String soql, int at, List<Token> tokens) {
    int n = soql.length();
    int i = at;
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
        throw SoqlEngine.malformed("invalid datetime literal '" + text + "'");
      }
    } else if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        tokens.add(new Token(Kind.DATE, text, java.time.LocalDate.parse(text), start));
      } catch (DateTimeParseException e) {
        throw SoqlEngine.malformed("invalid date literal '" + text + "'");
      }
    } else {
      try {
        tokens.add(new Token(Kind.NUMBER, text, new BigDecimal(text), start));
      } catch (NumberFormatException e) {
        throw SoqlEngine.malformed("unexpected token: '" + text + "'");
      }
    }
    return i;
  }

  /** A word: a keyword or a (dotted) field name. Returns the position after it. */
  private static int word(String soql, int at, List<Token> tokens) {
    int n = soql.length();
    int i = at;
    int start = i++;
    while (i < n
        && (Character.isLetterOrDigit(soql.charAt(i))
            || soql.charAt(i) == '_'
            || soql.charAt(i) == '.')) {
      i++;
    }
    tokens.add(new Token(Kind.WORD, soql.substring(start, i), null, start));
    return i;
  }

  /** SOQL datetime literals: 2026-01-01T10:00:00Z, with optional fraction, or with +hh:mm. */
  private static Instant parseDateTime(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
