package com.crmvoice.testkit.salesforce;

import static com.crmvoice.testkit.salesforce.Exchanges.JSON;
import static com.crmvoice.testkit.salesforce.Exchanges.errors;

import com.crmvoice.testkit.salesforce.SoqlEngine.QueryException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query, queryAll and queryMore resources: a SOQL query over the store, answered in pages of
 * the {@code Sforce-Query-Options} batch size (200 to 2000) with a {@code nextRecordsUrl} that
 * queryMore follows until {@code done}; an aggregate query ({@link AggregateResults}) in one page.
 */
final class QueryResource {

  private static final Pattern BATCH_SIZE = Pattern.compile("batchSize=(\\d+)");

  private record Cursor(
      String object,
      List<Map<String, Object>> rows,
      List<String> fields,
      int batchSize,
      String version) {}

  /** The query rows of an object other than Lead (Event, EventRelation, Task). */
  interface OtherRows {
    List<Map<String, Object>> rows(String object, boolean all);
  }

  private final Object lock;
  private final LeadStore store;
  private final OtherRows otherRows;
  private final SoqlEngine engine;
  private final AggregateResults.Currency currency;
  private final Exchanges exchanges;
  private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
  private volatile int defaultBatchSize = 2000;
  private long nextCursor = 1;

  /**
   * @param currency converts a record's amount to the corporate currency, for the SUM of a currency
   *     field
   */
  QueryResource(
      Object lock,
      LeadStore store,
      OtherRows otherRows,
      SoqlEngine engine,
      AggregateResults.Currency currency,
      Exchanges exchanges) {
    this.lock = lock;
    this.store = store;
    this.otherRows = otherRows;
    this.engine = engine;
    this.currency = currency;
    this.exchanges = exchanges;
  }

  void defaultBatchSize(int size) {
    this.defaultBatchSize = size;
  }

  /** GET /query or /queryAll ({@code all}: deleted and merged-away leads too). */
  void query(HttpExchange exchange, String version, boolean all) throws IOException {
    String q = Exchanges.queryParameter(exchange.getRequestURI().getRawQuery(), "q");
    if (q == null) {
      exchanges.sendJson(
          exchange, 400, errors("MALFORMED_QUERY", "A query string has to be specified"), true);
      return;
    }
    SoqlEngine.Query query;
    try {
      query = engine.parse(q);
    } catch (QueryException e) {
      exchanges.sendJson(exchange, 400, errors(e.errorCode, e.getMessage()), true);
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    AggregateResults.Answer aggregated = null;
    synchronized (lock) {
      String owner = SoqlEngine.ownerEquality(query.where());
      Iterable<Map<String, Object>> candidates =
          query.object().equals("Lead")
              ? store.candidates(owner, all)
              : otherRows.rows(query.object(), all);
      for (Map<String, Object> record : candidates) {
        if (engine.matches(query.where(), record)) {
          rows.add(record);
        }
      }
      if (query.aggregate() != null) {
        try {
          aggregated = AggregateResults.evaluate(query, rows, engine, currency);
        } catch (QueryException e) {
          exchanges.sendJson(exchange, 400, errors(e.errorCode, e.getMessage()), true);
          return;
        }
      }
    }
    if (aggregated != null) {
      sendAggregate(exchange, aggregated);
      return;
    }
    if (!query.orderBy().isEmpty()) {
      rows.sort(engine.comparator(query.orderBy()));
    }
    if (query.limit() != null && rows.size() > query.limit()) {
      rows = new ArrayList<>(rows.subList(0, query.limit()));
    }
    int batch = batchSize(exchange);
    sendPage(exchange, new Cursor(query.object(), rows, query.fields(), batch, version), 0, null);
  }

  /**
   * An aggregate query's answer, always one page: AggregateResult records (attributes with a type
   * and no url), or none for COUNT(), whose count is the totalSize.
   */
  private void sendAggregate(HttpExchange exchange, AggregateResults.Answer answer)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("totalSize", answer.totalSize());
    body.put("done", true);
    ArrayNode records = body.putArray("records");
    for (Map<String, Object> row : answer.records()) {
      ObjectNode record = records.addObject();
      record.putObject("attributes").put("type", "AggregateResult");
      row.forEach((name, value) -> Exchanges.putValue(record, name, value));
    }
    exchanges.sendJson(exchange, 200, body, true);
  }

  /** GET /query/{locator}-{offset}: the next page of an earlier query. */
  void queryMore(HttpExchange exchange, String locatorAndOffset) throws IOException {
    int dash = locatorAndOffset.lastIndexOf('-');
    String locator = locatorAndOffset.substring(0, dash);
    int offset = Integer.parseInt(locatorAndOffset.substring(dash + 1));
    Cursor cursor = cursors.get(locator);
    if (cursor == null || offset > cursor.rows().size()) {
      exchanges.sendJson(
          exchange, 400, errors("INVALID_QUERY_LOCATOR", "invalid query locator"), true);
      return;
    }
    sendPage(exchange, cursor, offset, locator);
  }

  private void sendPage(HttpExchange exchange, Cursor cursor, int offset, String locator)
      throws IOException {
    int end = Math.min(cursor.rows().size(), offset + cursor.batchSize());
    ObjectNode body = JSON.createObjectNode();
    body.put("totalSize", cursor.rows().size());
    boolean done = end >= cursor.rows().size();
    body.put("done", done);
    if (!done) {
      String id = locator;
      if (id == null) {
        synchronized (lock) {
          id = String.format("01gFAKE%011d", nextCursor++);
        }
        cursors.put(id, cursor);
      }
      body.put(
          "nextRecordsUrl", "/services/data/v" + cursor.version() + "/query/" + id + "-" + end);
    } else if (locator != null) {
      cursors.remove(locator);
    }
    ArrayNode records = body.putArray("records");
    for (Map<String, Object> row : cursor.rows().subList(offset, end)) {
      ObjectNode record = records.addObject();
      ObjectNode attributes = record.putObject("attributes");
      attributes.put("type", cursor.object());
      attributes.put(
          "url",
          "/services/data/v"
              + cursor.version()
              + "/sobjects/"
              + cursor.object()
              + "/"
              + row.get("Id"));
      for (String field : cursor.fields()) {
        int dot = field.indexOf('.');
        if (dot > 0) {
          relationship(record, field.substring(0, dot), field.substring(dot + 1), row, cursor);
        } else {
          Exchanges.putValue(
              record,
              field,
              field.equals("Name") && cursor.object().equals("Lead") ? name(row) : row.get(field));
        }
      }
    }
    exchanges.sendJson(exchange, 200, body, true);
  }

  /**
   * A relationship field as Salesforce answers it: a nested object with its own attributes, or null
   * when the lookup is empty ({@code "Who":null}).
   */
  private static void relationship(
      ObjectNode record, String relation, String field, Map<String, Object> row, Cursor cursor) {
    Object type = row.get(relation + ".__type");
    if (type == null) {
      record.putNull(relation);
      return;
    }
    ObjectNode nested =
        record.get(relation) instanceof ObjectNode existing ? existing : record.putObject(relation);
    if (!nested.has("attributes")) {
      nested
          .putObject("attributes")
          .put("type", type.toString())
          .put(
              "url",
              "/services/data/v"
                  + cursor.version()
                  + "/sobjects/"
                  + type
                  + "/"
                  + row.get(relation + ".__id"));
    }
    Exchanges.putValue(nested, field, row.get(relation + "." + field));
  }

  private int batchSize(HttpExchange exchange) {
    String options = exchange.getRequestHeaders().getFirst("Sforce-Query-Options");
    if (options != null) {
      Matcher m = BATCH_SIZE.matcher(options);
      if (m.find()) {
        return Math.max(200, Math.min(2000, Integer.parseInt(m.group(1))));
      }
    }
    return defaultBatchSize;
  }

  private static String name(Map<String, Object> row) {
    Object first = row.get("FirstName");
    return first == null ? (String) row.get("LastName") : first + " " + row.get("LastName");
  }
}
