package com.crmvoice.testkit.salesforce;

import static com.crmvoice.testkit.salesforce.Exchanges.JSON;
import static com.crmvoice.testkit.salesforce.Exchanges.errors;
import static com.crmvoice.testkit.salesforce.Exchanges.recordErrors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Opportunity resources: describe (StageName's picklist values), the update of one record
 * (PATCH /sobjects/Opportunity/{id}, honouring {@code If-Unmodified-Since} with 412) and the
 * Opportunity records of an sObject Collections update (PATCH /composite/sobjects, which {@link
 * TaskUpdates} routes here by record type; allOrNone is not honoured there). Fields a client may
 * write: StageName (an active stage, else INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST), Amount,
 * CloseDate (yyyy-MM-dd), NextStep, Probability.
 *
 * <p>More lenient than Salesforce: no validation rules, no field-level security, no record-type
 * specific picklists, no check that the writer may edit the record.
 */
final class OpportunityResources {

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final Set<String> UPDATABLE =
      Set.of("StageName", "Amount", "CloseDate", "NextStep", "Probability");

  private final Object lock;
  private final SalesStore sales;
  private final Exchanges exchanges;
  private final Runnable afterCommit;
  private final Map<String, Integer> appliedUpdates = new HashMap<>();

  OpportunityResources(Object lock, SalesStore sales, Exchanges exchanges, Runnable afterCommit) {
    this.lock = lock;
    this.sales = sales;
    this.exchanges = exchanges;
    this.afterCommit = afterCommit;
  }

  static String kindOf(String method, String rest) {
    if (method.equals("GET") && rest.matches("(?i)/sobjects/Opportunity/describe/?")) {
      return "describe-opportunity";
    }
    if (method.equals("PATCH")
        && rest.matches("(?i)/sobjects/Opportunity/[A-Za-z0-9]{15}([A-Za-z0-9]{3})?")) {
      return "sobject-update-opportunity";
    }
    return null;
  }

  boolean handle(String kind, HttpExchange exchange, String rest) throws IOException {
    switch (kind) {
      case "describe-opportunity" -> describe(exchange);
      case "sobject-update-opportunity" ->
          updateOne(exchange, rest.substring(rest.lastIndexOf('/') + 1));
      default -> {
        return false;
      }
    }
    return true;
  }

  int appliedUpdates(String id) {
    synchronized (lock) {
      return appliedUpdates.getOrDefault(id, 0);
    }
  }

  private void describe(HttpExchange exchange) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", "Opportunity").put("label", "Opportunity").put("updateable", true);
    ArrayNode fields = body.putArray("fields");
    for (String name : List.of("Id", "OwnerId", "Name", "AccountId", "Amount", "CloseDate")) {
      fields.addObject().put("name", name);
    }
    ObjectNode stage =
        fields
            .addObject()
            .put("name", "StageName")
            .put("label", "Stage")
            .put("type", "picklist")
            .put("updateable", true);
    ArrayNode values = stage.putArray("picklistValues");
    List<String> names;
    synchronized (lock) {
      names = sales.activeStageNames();
    }
    for (int i = 0; i < names.size(); i++) {
      values
          .addObject()
          .put("active", true)
          .put("defaultValue", false)
          .put("label", names.get(i))
          .putNull("validFor")
          .put("value", names.get(i));
    }
    exchanges.sendJson(exchange, 200, body, true);
  }

  /** A field error found while reading a change, or null with the change filled in. */
  private ArrayNode readChanges(JsonNode record, Map<String, Object> changes, boolean collection) {
    var names = record.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (collection && (name.equals("attributes") || name.equals("id"))) {
        continue;
      }
      if (!UPDATABLE.contains(name)) {
        return errorsOf(
            collection,
            "INVALID_FIELD_FOR_INSERT_UPDATE",
            "Unable to create/update fields: " + name);
      }
      JsonNode value = record.get(name);
      try {
        changes.put(
            name,
            value.isNull()
                ? null
                : switch (name) {
                  case "Amount", "Probability" -> new BigDecimal(value.asText());
                  case "CloseDate" -> LocalDate.parse(value.asText());
                  default -> value.asText();
                });
      } catch (NumberFormatException | DateTimeParseException e) {
        return errorsOf(collection, "INVALID_TYPE_ON_FIELD_IN_RECORD", name + ": bad value");
      }
    }
    Object stage = changes.get("StageName");
    if (changes.containsKey("StageName")
        && (stage == null || sales.stageRow((String) stage) == null)) {
      return errorsOf(
          collection,
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          "Stage: bad value for restricted picklist field: " + stage);
    }
    return null;
  }

  private static ArrayNode errorsOf(boolean collection, String code, String message) {
    return collection ? recordErrors(code, message) : errors(code, message);
  }

  private void updateOne(HttpExchange exchange, String id) throws IOException {
    String condition = exchange.getRequestHeaders().getFirst("If-Unmodified-Since");
    Instant unmodifiedSince = null;
    if (condition != null) {
      try {
        unmodifiedSince = Instant.from(HTTP_DATE.parse(condition));
      } catch (DateTimeParseException e) {
        exchanges.sendJson(
            exchange,
            400,
            errors("INVALID_HEADER_VALUE", "If-Unmodified-Since is not a date"),
            true);
        return;
      }
    }
    JsonNode body = Exchanges.readJson(exchange);
    if (body == null || !body.isObject()) {
      exchanges.sendParserError(exchange, "Unexpected request body");
      return;
    }
    int status;
    ArrayNode failure;
    synchronized (lock) {
      Map<String, Object> changes = new LinkedHashMap<>();
      failure = readChanges(body, changes, false);
      Map<String, Object> row = sales.opportunity(id);
      if (row == null) {
        status = 404;
        failure = errors("NOT_FOUND", "The requested resource does not exist");
      } else if (unmodifiedSince != null
          && ((Instant) row.get("LastModifiedDate"))
              .truncatedTo(ChronoUnit.SECONDS)
              .isAfter(unmodifiedSince)) {
        status = 412;
        failure = errors("PRECONDITION_FAILED", "The record was modified after " + condition);
      } else if (failure != null) {
        status = 400;
      } else {
        sales.updateOpportunity(id, changes);
        appliedUpdates.merge(id, 1, Integer::sum);
        status = 204;
      }
    }
    if (status != 204) {
      exchanges.sendJson(exchange, status, failure, true);
      return;
    }
    afterCommit.run();
    exchange.sendResponseHeaders(204, -1);
  }

  /**
   * One Opportunity record of an sObject Collections update (PATCH /composite/sobjects, routed by
   * {@link TaskUpdates}); the caller holds the fake's monitor and answers the batch.
   */
  ObjectNode updateRecord(JsonNode record) {
    ObjectNode result = JSON.createObjectNode();
    String id = record.path("id").asText(null);
    Map<String, Object> changes = new LinkedHashMap<>();
    ArrayNode failure;
    if (id == null) {
      failure = recordErrors("MISSING_ARGUMENT", "Id not specified in an update call");
    } else if (sales.opportunity(id) == null) {
      failure = recordErrors("ENTITY_IS_DELETED", "entity is deleted");
    } else {
      failure = readChanges(record, changes, true);
    }
    if (failure == null) {
      sales.updateOpportunity(id, changes);
      appliedUpdates.merge(id, 1, Integer::sum);
      result.put("id", id).put("success", true).putArray("errors");
    } else {
      if (id != null) {
        result.put("id", id);
      }
      result.put("success", false).set("errors", failure);
    }
    return result;
  }
}
