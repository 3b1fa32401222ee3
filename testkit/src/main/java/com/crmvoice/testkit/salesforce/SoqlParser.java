package com.crmvoice.testkit.salesforce;

import static com.crmvoice.testkit.salesforce.SoqlEngine.malformed;

import com.crmvoice.testkit.salesforce.SoqlEngine.And;
import com.crmvoice.testkit.salesforce.SoqlEngine.Compare;
import com.crmvoice.testkit.salesforce.SoqlEngine.Condition;
import com.crmvoice.testkit.salesforce.SoqlEngine.In;
import com.crmvoice.testkit.salesforce.SoqlEngine.Not;
import com.crmvoice.testkit.salesforce.SoqlEngine.Or;
import com.crmvoice.testkit.salesforce.SoqlEngine.Order;
import com.crmvoice.testkit.salesforce.SoqlEngine.Query;
import com.crmvoice.testkit.salesforce.SoqlEngine.QueryException;
import com.crmvoice.testkit.salesforce.SoqlLexer.Kind;
import com.crmvoice.testkit.salesforce.SoqlLexer.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one SOQL query of {@link SoqlEngine}'s subset against its object's schema: field names are
 * canonicalised and literals checked against the field's type, as Salesforce does before it runs a
 * query. One parser per query: it keeps its position in fields.
 */
final class SoqlParser {

  private final java.util.Map<String, SObjectSchema> schemas;
  private final List<Token> tokens;
  private SObjectSchema schema;
  private int at;

  /**
   * @param schemas the queryable objects, by lower-case API name
   */
  SoqlParser(java.util.Map<String, SObjectSchema> schemas, String soql) {
    this.schemas = schemas;
    this.tokens = SoqlLexer.tokenize(soql);
  }

  Query parse() {
    expectWord("SELECT");
    // The object comes after the fields: find it first, so the fields are checked against it.
    int select = at;
    while (peek().kind() != Kind.END
        && !(peek().kind() == Kind.WORD && peek().text().equalsIgnoreCase("FROM"))) {
      at++;
    }
    expectWord("FROM");
    schema = objectSchema(next());
    int afterFrom = at;
    at = select;
    List<SoqlAggregate.Parsed> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (acceptKind(Kind.COMMA));
    expectWord("FROM");
    at = afterFrom;
    Condition where = null;
    if (acceptWord("WHERE")) {
      where = orExpression();
    }
    List<String> groupBy = acceptWord("GROUP") ? groupBy() : List.of();
    List<Order> orderBy = acceptWord("ORDER") ? orderBy() : List.of();
    Integer limit = acceptWord("LIMIT") ? limit() : null;
    if (peek().kind() != Kind.END) {
      throw malformed("unexpected token: '" + peek().text() + "'");
    }
    SoqlAggregate aggregate = SoqlAggregate.of(schema, items, groupBy, orderBy, limit);
    if (aggregate == null && orderBy.stream().anyMatch(o -> o.field().endsWith(")"))) {
      throw malformed("an aggregate in ORDER BY needs an aggregate query");
    }
    List<String> fields =
        aggregate == null ? items.stream().map(SoqlAggregate.Parsed::field).toList() : List.of();
    return new Query(schema.objectName(), fields, where, List.copyOf(orderBy), limit, aggregate);
  }

  /** One SELECT item: a field or COUNT() / COUNT(field) / SUM(field), then an optional alias. */
  private SoqlAggregate.Parsed selectItem() {
    if (peek().kind() == Kind.WORD && tokens.get(at + 1).kind() == Kind.LPAREN) {
      String[] call = aggregateCall();
      SoqlAggregate.Function function = SoqlAggregate.Function.valueOf(call[0]);
      return new SoqlAggregate.Parsed(call[1], function, alias());
    }
    return new SoqlAggregate.Parsed(field(next()), null, alias());
  }

  /** {@code FUNCTION(field)} or {@code COUNT()}: the function's name and the field (or null). */
  private String[] aggregateCall() {
    Token name = next();
    String function = name.text().toUpperCase(Locale.ROOT);
    if (!function.equals("COUNT") && !function.equals("SUM")) {
      throw malformed("the fake does not know the function " + name.text() + "()");
    }
    next(); // (
    String field = peek().kind() == Kind.RPAREN ? null : field(next());
    if (!acceptKind(Kind.RPAREN)) {
      throw malformed("expecting a right parentheses, found '" + peek().text() + "'");
    }
    if (field == null && !function.equals("COUNT")) {
      throw malformed("unexpected token: ')'");
    }
    return new String[] {function, field};
  }

  /** The alias after a SELECT item, or null; a SOQL keyword cannot be one. */
  private String alias() {
    if (peek().kind() != Kind.WORD || peek().text().equalsIgnoreCase("FROM")) {
      return null;
    }
    Token alias = next();
    if (SoqlAggregate.RESERVED.contains(alias.text().toUpperCase(Locale.ROOT))
        || alias.text().contains(".")) {
      throw malformed("unexpected token: '" + alias.text() + "'");
    }
    return alias.text();
  }

  /** GROUP BY's field list. */
  private List<String> groupBy() {
    expectWord("BY");
    List<String> fields = new ArrayList<>();
    do {
      fields.add(field(next()));
    } while (acceptKind(Kind.COMMA));
    return List.copyOf(fields);
  }

  /** The schema of the FROM object, or INVALID_TYPE as Salesforce answers an unknown one. */
  private SObjectSchema objectSchema(Token object) {
    if (object.kind() != Kind.WORD) {
      throw malformed("unexpected token: '" + object.text() + "'");
    }
    SObjectSchema found = schemas.get(object.text().toLowerCase(Locale.ROOT));
    if (found == null) {
      throw new QueryException(
          "INVALID_TYPE",
          "sObject type '"
              + object.text()
              + "' is not supported. If you are attempting to use a custom"
              + " object, be sure to append the '__c' after the entity name.");
    }
    return found;
  }

  /** ORDER BY's field list, with ASC / DESC and NULLS FIRST / LAST (nulls first when ascending). */
  private List<Order> orderBy() {
    List<Order> orderBy = new ArrayList<>();
    expectWord("BY");
    do {
      String field;
      if (peek().kind() == Kind.WORD && tokens.get(at + 1).kind() == Kind.LPAREN) {
        String[] call = aggregateCall();
        SoqlAggregate.Function function = SoqlAggregate.Function.valueOf(call[0]);
        SoqlAggregate.supports(schema, function, call[1]);
        field = SoqlAggregate.Item.expression(function, call[1]);
      } else {
        field = field(next());
      }
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
    return List.copyOf(orderBy);
  }

  /** LIMIT's non-negative integer. */
  private Integer limit() {
    Token n = next();
    if (n.kind() != Kind.NUMBER
        || !(n.value() instanceof BigDecimal d)
        || d.scale() > 0
        || d.signum() < 0) {
      throw malformed("LIMIT must be a non-negative integer, found '" + n.text() + "'");
    }
    return d.intValueExact();
  }

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
    SObjectSchema.Type type = schema.type(field);
    Object value;
    switch (token.kind()) {
      case STRING -> value = token.value();
      case NUMBER -> value = token.value();
      case DATETIME -> value = token.value();
      case DATE -> value = token.value();
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
          case DATE -> value instanceof java.time.LocalDate;
          case NUMBER, CURRENCY -> value instanceof java.math.BigDecimal;
        };
    if (!fits) {
      throw malformed(
          "value of filter criterion for field '"
              + field
              + "' must be of type "
              + type.soqlName()
              + (type == SObjectSchema.Type.DATETIME || type == SObjectSchema.Type.DATE
                  ? " and should not be enclosed in quotes"
                  : ""));
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
              + "' on entity '"
              + schema.objectName()
              + "'. If you are attempting"
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
}
