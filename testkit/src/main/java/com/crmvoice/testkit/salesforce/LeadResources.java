package com.crmvoice.testkit.salesforce;

import static com.crmvoice.testkit.salesforce.Exchanges.JSON;
import static com.crmvoice.testkit.salesforce.Exchanges.errors;
import static com.crmvoice.testkit.salesforce.FakeSalesforce.EXTERNAL_ID_FIELD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Lead's sObject resources: Rows read, create and upsert by external id, and sObject
 * Collections create and upsert (up to 200 records, allOrNone rolled back as a whole). Every write
 * goes through {@link LeadWrites}; the fault hook after a commit runs once per request.
 */
final class LeadResources {

  private final Object lock;
  private final SObjectSchema schema;
  private final LeadStore store;
  private final LeadWrites writes;
  private final Exchanges exchanges;
  private final Runnable afterCommit;

  LeadResources(
      Object lock,
      SObjectSchema schema,
      LeadStore store,
      LeadWrites writes,
      Exchanges exchanges,
      Runnable afterCommit) {
    this.lock = lock;
    this.schema = schema;
    this.store = store;
    this.writes = writes;
    this.exchanges = exchanges;
    this.afterCommit = afterCommit;
  }

  /** GET /sobjects/Lead/{id}. */
  void get(HttpExchange exchange, String version, String id) throws IOException {
    Map<String, Object> record;
    boolean deleted;
    synchronized (lock) {
      record = store.live(id);
      deleted = store.deleted(id) != null;
    }
    if (deleted) {
      exchanges.sendJson(exchange, 404, errors("ENTITY_IS_DELETED", "entity is deleted"), true);
      return;
    }
    if (record == null) {
      exchanges.sendJson(
          exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"), true);
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.putObject("attributes")
        .put("type", "Lead")
        .put("url", "/services/data/v" + version + "/sobjects/Lead/" + id);
    for (String field : new TreeSet<>(record.keySet())) {
      Exchanges.putValue(body, field, record.get(field));
    }
    exchanges.sendJson(exchange, 200, body, true);
  }

  /** POST /sobjects/Lead: 201 with the new id. */
  void create(HttpExchange exchange, String version, String userId) throws IOException {
    writeOne(exchange, version, userId, null);
  }

  /** PATCH /sobjects/Lead/{externalIdField}/{value}: 201 created or 200 updated. */
  void upsert(HttpExchange exchange, String version, String userId, String rest)
      throws IOException {
    String[] parts = rest.substring("/sobjects/Lead/".length()).split("/", 2);
    if (!EXTERNAL_ID_FIELD.equals(schema.canonical(parts[0]))) {
      exchanges.sendJson(
          exchange,
          400,
          errors(
              "NOT_FOUND",
              "Provided external ID field does not exist or is not accessible: " + parts[0]),
          true);
      return;
    }
    writeOne(exchange, version, userId, URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
  }

  /** sObject Rows create ({@code externalValue} null) or upsert: one record, one answer. */
  private void writeOne(HttpExchange exchange, String version, String userId, String externalValue)
      throws IOException {
    JsonNode body = Exchanges.readJson(exchange);
    if (body == null || !body.isObject()) {
      exchanges.sendParserError(exchange, "Unexpected request body: expected a JSON object");
      return;
    }
    LeadWrites.Outcome outcome;
    synchronized (lock) {
      outcome =
          writes.write(
              (ObjectNode) body, userId, externalValue, LeadWrites.Context.of(exchange, version));
    }
    afterCommit.run();
    if (outcome.errors() != null) {
      // sObject Rows errors name the code errorCode where Collections name it statusCode.
      ArrayNode errors = JSON.createArrayNode();
      outcome
          .errors()
          .forEach(
              e ->
                  errors
                      .addObject()
                      .put("message", e.path("message").asText())
                      .put("errorCode", e.path("statusCode").asText())
                      .set("fields", e.path("fields")));
      exchanges.sendJson(exchange, 400, errors, true);
      return;
    }
    ObjectNode result = JSON.createObjectNode().put("id", outcome.id()).put("success", true);
    result.putArray("errors");
    if (externalValue == null) {
      exchanges.sendJson(exchange, 201, result, true);
    } else {
      result.put("created", outcome.created());
      exchanges.sendJson(exchange, outcome.created() ? 201 : 200, result, true);
    }
  }

  /**
   * POST /composite/sobjects ({@code externalField} null) or PATCH
   * /composite/sobjects/Lead/{externalField}: per-record results, in the order sent.
   */
  void collections(HttpExchange exchange, String version, String userId, String externalField)
      throws IOException {
    if (externalField != null && !EXTERNAL_ID_FIELD.equals(schema.canonical(externalField))) {
      exchanges.sendNotAnExternalId(exchange, externalField, "Lead");
      return;
    }
    JsonNode body = exchanges.collectionsBody(exchange);
    if (body == null) {
      return;
    }
    JsonNode records = body.get("records");
    boolean allOrNone = body.path("allOrNone").asBoolean(false);
    LeadWrites.Context context = LeadWrites.Context.of(exchange, version);
    ArrayNode results = JSON.createArrayNode();
    synchronized (lock) {
      LeadStore.Snapshot before = allOrNone ? store.snapshot() : null;
      List<LeadWrites.Outcome> outcomes = new ArrayList<>();
      for (JsonNode record : records) {
        outcomes.add(writeRecord(record, userId, externalField != null, context));
      }
      boolean anyFailed = outcomes.stream().anyMatch(o -> o.errors() != null);
      if (allOrNone && anyFailed) {
        store.restore(before);
      }
      for (LeadWrites.Outcome outcome : outcomes) {
        addResult(results, outcome, externalField != null, allOrNone && anyFailed);
      }
    }
    afterCommit.run();
    exchanges.sendJson(exchange, 200, results, true);
  }

  private LeadWrites.Outcome writeRecord(
      JsonNode record, String userId, boolean upsert, LeadWrites.Context context) {
    if (!record.isObject() || !"Lead".equals(record.path("attributes").path("type").asText())) {
      return failed("INVALID_TYPE", "Each record must have attributes with type Lead");
    }
    String externalValue = null;
    if (upsert) {
      externalValue = record.path(EXTERNAL_ID_FIELD).asText(null);
      if (externalValue == null || externalValue.isBlank()) {
        return failed("MISSING_ARGUMENT", EXTERNAL_ID_FIELD + " not specified");
      }
    }
    return writes.write((ObjectNode) record, userId, externalValue, context);
  }

  private static LeadWrites.Outcome failed(String statusCode, String message) {
    return new LeadWrites.Outcome(null, false, Exchanges.recordErrors(statusCode, message));
  }

  private static void addResult(
      ArrayNode results, LeadWrites.Outcome outcome, boolean upsert, boolean rolledBack) {
    ObjectNode result = results.addObject();
    if (outcome.errors() == null && !rolledBack) {
      result.put("id", outcome.id()).put("success", true).putArray("errors");
      if (upsert) {
        result.put("created", outcome.created());
      }
    } else {
      result.put("success", false);
      if (outcome.errors() != null) {
        result.set("errors", outcome.errors());
      } else {
        result.set(
            "errors",
            Exchanges.recordErrors(
                "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "Record rolled back because not all records were valid and the request was using AllOrNone header"));
      }
    }
  }
}
