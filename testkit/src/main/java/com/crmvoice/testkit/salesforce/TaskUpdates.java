package com.crmvoice.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * {@code PATCH /composite/sobjects}: sObject Collections update, as
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_update.htm
 * documents it: up to 200 records, each with {@code attributes.type} and an {@code id}, updated in
 * order, one SaveResult ({@code id}, {@code success}, {@code errors}) per record in request order,
 * 200 OK even when some fail ({@code allOrNone} false). The fake updates Task records only (Status,
 * Subject, Priority, Description, ActivityDate) here, and hands a record of a type registered with
 * {@link #otherType} (Opportunity) to its updater; any other type is a per-record error.
 */
final class TaskUpdates {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> UPDATABLE =
      Set.of("Status", "Subject", "Priority", "Description", "ActivityDate");
  private static final Set<String> STATUSES =
      Set.of("Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred");

  /** Updates one record of another type in an sObject Collections update (within the lock). */
  interface RecordUpdater {
    /** The record's SaveResult: {@code id}, {@code success}, {@code errors}. */
    ObjectNode update(JsonNode record);
  }

  private final FakeSalesforce fake;
  private final FakeSalesforceActivities activities;
  private final Map<String, RecordUpdater> otherTypes =
      new java.util.concurrent.ConcurrentHashMap<>();

  TaskUpdates(FakeSalesforce fake, FakeSalesforceActivities activities) {
    this.fake = fake;
    this.activities = activities;
  }

  /** Records of {@code type} in a Collections update go to {@code updater} (Opportunity). */
  void otherType(String type, RecordUpdater updater) {
    otherTypes.put(type, updater);
  }

  void update(HttpExchange exchange) throws IOException {
    JsonNode body = fake.collectionsBody(exchange);
    if (body == null) {
      return;
    }
    ArrayNode results = JSON.createArrayNode();
    synchronized (fake) {
      for (JsonNode record : body.get("records")) {
        RecordUpdater other = otherTypes.get(record.path("attributes").path("type").asText(""));
        if (other != null) {
          results.add(other.update(record));
          continue;
        }
        ObjectNode result = results.addObject();
        String id = record.path("id").asText("");
        String problem = problem(record, id);
        if (problem != null) {
          String[] parts = problem.split("\\|", 2);
          if (!id.isEmpty()) {
            result.put("id", id);
          }
          result.put("success", false);
          result
              .putArray("errors")
              .addObject()
              .put("statusCode", parts[0])
              .put("message", parts[1])
              .putArray("fields");
          continue;
        }
        Map<String, Object> task = activities.taskById(id);
        record
            .fields()
            .forEachRemaining(
                e -> {
                  if (UPDATABLE.contains(e.getKey())) {
                    task.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
                  }
                });
        task.put("LastModifiedDate", fake.stamp());
        result.put("id", id).put("success", true);
        result.putArray("errors");
      }
    }
    fake.afterCommit();
    fake.sendJson(exchange, 200, results, true);
  }

  /** Salesforce's per-record error ("CODE|message"), or null when the update is valid. */
  private String problem(JsonNode record, String id) {
    if (!record.isObject() || !record.path("attributes").path("type").isTextual()) {
      return "INVALID_TYPE|Each record must have attributes with a type";
    }
    String type = record.path("attributes").path("type").asText();
    if (id.isEmpty()) {
      return "MISSING_ARGUMENT|Id not specified in an update call";
    }
    if (!type.equals("Task")) {
      return "INVALID_TYPE|the fake updates Task records only, not " + type;
    }
    if (activities.taskById(id) == null) {
      return "ENTITY_IS_DELETED|entity is deleted";
    }
    var names = record.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("attributes") && !name.equals("id") && !UPDATABLE.contains(name)) {
        return "INVALID_FIELD_FOR_INSERT_UPDATE|Unable to create/update fields: " + name;
      }
    }
    if (record.has("Status") && !STATUSES.contains(record.get("Status").asText())) {
      return "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST|Status: bad value for restricted picklist"
          + " field: "
          + record.get("Status").asText();
    }
    return null;
  }
}
