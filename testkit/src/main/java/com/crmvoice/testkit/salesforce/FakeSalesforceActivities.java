package com.crmvoice.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake Salesforce's Tasks, Lead describe and conditional Lead updates:
 *
 * <ul>
 *   <li>{@code GET /sobjects/Lead/describe}: the Lead's fields, Status as a picklist whose {@code
 *       picklistValues} carry active, defaultValue, label, validFor and value, as describe shapes
 *       them
 *       (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm).
 *   <li>{@code PATCH /sobjects/Lead/{id}}: sObject Rows update, 204 No Content; {@code
 *       If-Unmodified-Since} (an RFC 1123 date) answers 412 Precondition Failed when the lead's
 *       LastModifiedDate is after it, and an unparseable value 400
 *       (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/intro_rest_conditional_requests.htm);
 *       a converted lead cannot be updated; Status must be a value of the picklist.
 *   <li>{@code PATCH /composite/sobjects/Task/{externalIdField}}: sObject Collections upsert of
 *       Tasks on the external id (up to 200), per-record results with {@code created}; WhoId must
 *       be a lead the fake holds; Subject, Status, TaskSubtype and ActivityDate are checked.
 * </ul>
 *
 * <p>Still more lenient than Salesforce: the dates compare at whole seconds as HTTP dates do, but
 * LastModifiedDate keeps milliseconds; a Lead update may set only the fields the skill writes
 * (Status, names, company, email, phone) and runs no validation rules; Tasks are not queryable with
 * SOQL and {@code POST /composite/sobjects} takes Lead records only; allOrNone is not honoured for
 * Tasks (each record stands alone).
 */
final class FakeSalesforceActivities {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final Set<String> UPDATABLE =
      Set.of("Status", "FirstName", "LastName", "Company", "Email", "Phone");
  private static final Set<String> TASK_STATUSES =
      Set.of("Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred");
  private static final Set<String> TASK_SUBTYPES =
      Set.of("Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn");
  private static final Set<String> TASK_FIELDS =
      Set.of(
          "OwnerId",
          "WhoId",
          "Subject",
          "Description",
          "ActivityDate",
          "Status",
          "TaskSubtype",
          "Priority",
          FakeSalesforce.EXTERNAL_ID_FIELD);

  private final FakeSalesforce fake;
  private final List<Map<String, Object>> tasks = new ArrayList<>();
  private final Map<String, Map<String, Object>> tasksByExternalId = new HashMap<>();
  private List<String> statusValues =
      List.of(
          "Open - Not Contacted",
          "Working - Contacted",
          "Closed - Converted",
          "Closed - Not Converted");
  private final Map<String, Integer> appliedUpdates = new HashMap<>();
  private long nextTaskNumber = 1;

  private final TaskUpdates updates;

  FakeSalesforceActivities(FakeSalesforce fake) {
    this.fake = fake;
    this.updates = new TaskUpdates(fake, this);
  }

  /** The stored task (not a copy), or null; the caller holds the fake's monitor. */
  Map<String, Object> taskById(String id) {
    for (Map<String, Object> task : tasks) {
      if (id.equals(task.get("Id"))) {
        return task;
      }
    }
    return null;
  }

  /** Inserts a task directly (demo data, tests); fields as the REST API takes them. */
  String insertTask(Map<String, Object> fields, Instant stamp) {
    synchronized (fake) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("Id", String.format("00T%012dAAA", nextTaskNumber++));
      fields.forEach(
          (k, v) -> {
            if (v != null) {
              task.put(k, v.toString());
            }
          });
      task.putIfAbsent("Status", "Not Started");
      task.putIfAbsent("Priority", "Normal");
      task.putIfAbsent("TaskSubtype", "Task");
      task.put("CreatedDate", stamp);
      task.put("LastModifiedDate", stamp);
      tasks.add(task);
      return (String) task.get("Id");
    }
  }

  /**
   * Query rows of Task: typed (ActivityDate a date), IsClosed derived from the status (Completed is
   * the org's closed status), SystemModstamp the last modification, Who.Name the lead's name.
   */
  List<Map<String, Object>> taskRows(java.util.function.Function<String, String> leadName) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> task : tasks) {
      Map<String, Object> row = new HashMap<>(task);
      Object date = task.get("ActivityDate");
      row.put("ActivityDate", date == null ? null : LocalDate.parse(date.toString()));
      row.put("IsClosed", "Completed".equals(task.get("Status")));
      row.put("IsDeleted", Boolean.FALSE);
      row.put("SystemModstamp", task.get("LastModifiedDate"));
      Object who = task.get("WhoId");
      String name = who == null ? null : leadName.apply(who.toString());
      if (name != null) {
        row.put("Who.Name", name);
        row.put("Who.__type", "Lead");
        row.put("Who.__id", who);
      }
      rows.add(row);
    }
    return rows;
  }

  static String kindOf(String method, String rest) {
    if (method.equals("GET") && rest.matches("(?i)/sobjects/Lead/describe/?")) {
      return "describe-lead";
    }
    if (method.equals("PATCH")
        && rest.matches("(?i)/sobjects/Lead/[A-Za-z0-9]{15}([A-Za-z0-9]{3})?")) {
      return "sobject-update";
    }
    if (method.equals("PATCH") && rest.matches("(?i)/composite/sobjects/Task/[A-Za-z0-9_]+")) {
      return "composite-upsert-task";
    }
    if (method.equals("PATCH") && rest.equals("/composite/sobjects")) {
      return "composite-update";
    }
    return null;
  }

  /** Answers a request of one of this class's kinds; false for any other kind. */
  boolean handle(String kind, HttpExchange exchange, String version, String userId, String rest)
      throws IOException {
    switch (kind) {
      case "describe-lead" -> describe(exchange);
      case "sobject-update" -> update(exchange, rest.substring(rest.lastIndexOf('/') + 1));
      case "composite-upsert-task" ->
          upsertTasks(exchange, userId, rest.substring(rest.lastIndexOf('/') + 1));
      case "composite-update" -> updates.update(exchange);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Records of {@code type} in a Collections update go to {@code updater}. */
  void collectionsUpdater(String type, TaskUpdates.RecordUpdater updater) {
    updates.otherType(type, updater);
  }

  // ---- test controls ----

  List<Map<String, Object>> tasks() {
    synchronized (fake) {
      return tasks.stream().map(Map::copyOf).toList();
    }
  }

  int appliedUpdates(String leadId) {
    synchronized (fake) {
      return appliedUpdates.getOrDefault(leadId, 0);
    }
  }

  void leadStatusValues(List<String> values) {
    synchronized (fake) {
      statusValues = List.copyOf(values);
    }
  }

  List<String> leadStatusValues() {
    synchronized (fake) {
      return statusValues;
    }
  }

  // ---- describe ----

  private void describe(HttpExchange exchange) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", "Lead").put("label", "Lead").put("updateable", true).put("createable", true);
    ArrayNode fields = body.putArray("fields");
    for (String name :
        List.of("Id", "OwnerId", "FirstName", "LastName", "Company", "Email", "Phone")) {
      fields.addObject().put("name", name).put("type", name.endsWith("Id") ? "id" : "string");
    }
    ObjectNode status =
        fields
            .addObject()
            .put("name", "Status")
            .put("label", "Lead Status")
            .put("type", "picklist")
            .put("restrictedPicklist", true)
            .put("updateable", true);
    ArrayNode values = status.putArray("picklistValues");
    List<String> current = leadStatusValues();
    for (int i = 0; i < current.size(); i++) {
      values
          .addObject()
          .put("active", true)
          .put("defaultValue", i == 0)
          .put("label", current.get(i))
          .putNull("validFor")
          .put("value", current.get(i));
    }
    fake.sendJson(exchange, 200, body, true);
  }

  // ---- conditional update ----

  private void update(HttpExchange exchange, String id) throws IOException {
    String condition = exchange.getRequestHeaders().getFirst("If-Unmodified-Since");
    Instant unmodifiedSince = null;
    if (condition != null) {
      try {
        unmodifiedSince = Instant.from(HTTP_DATE.parse(condition));
      } catch (DateTimeParseException e) {
        fake.sendJson(
            exchange,
            400,
            FakeSalesforce.errors("INVALID_HEADER_VALUE", "If-Unmodified-Since is not a date"),
            true);
        return;
      }
    }
    JsonNode body = FakeSalesforce.readJson(exchange);
    if (body == null || !body.isObject()) {
      fake.sendJson(
          exchange,
          400,
          FakeSalesforce.errors("JSON_PARSER_ERROR", "Unexpected request body"),
          true);
      return;
    }
    Map<String, Object> changes = updatableChanges(exchange, body);
    if (changes == null) {
      return;
    }
    Refusal refusal;
    synchronized (fake) {
      refusal = refusal(id, changes, unmodifiedSince, condition);
      if (refusal == null) {
        fake.updateLead(id, changes);
        appliedUpdates.merge(id, 1, Integer::sum);
      }
    }
    if (refusal != null) {
      fake.sendJson(exchange, refusal.status(), refusal.errors(), true);
      return;
    }
    fake.afterCommit();
    exchange.sendResponseHeaders(204, -1);
  }

  /** The body's fields, or null after a 400 when one is not updatable. */
  private Map<String, Object> updatableChanges(HttpExchange exchange, JsonNode body)
      throws IOException {
    Map<String, Object> changes = new LinkedHashMap<>();
    var names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!UPDATABLE.contains(name)) {
        fake.sendJson(
            exchange,
            400,
            FakeSalesforce.errors(
                "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + name),
            true);
        return null;
      }
      JsonNode value = body.get(name);
      changes.put(name, value.isNull() ? null : value.asText());
    }
    return changes;
  }

  private record Refusal(int status, ArrayNode errors) {}

  /** Why Salesforce refuses this update of the lead, or null when it applies (holding the fake). */
  private Refusal refusal(
      String id, Map<String, Object> changes, Instant unmodifiedSince, String condition) {
    Map<String, Object> lead = fake.lead(id);
    if (lead == null) {
      return new Refusal(
          404, FakeSalesforce.errors("NOT_FOUND", "The requested resource does not exist"));
    }
    if (unmodifiedSince != null
        && ((Instant) lead.get("LastModifiedDate"))
            .truncatedTo(ChronoUnit.SECONDS)
            .isAfter(unmodifiedSince)) {
      return new Refusal(
          412,
          FakeSalesforce.errors(
              "PRECONDITION_FAILED", "The record was modified after " + condition));
    }
    if (Boolean.TRUE.equals(lead.get("IsConverted"))) {
      return new Refusal(
          400,
          FakeSalesforce.errors("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead"));
    }
    if (changes.containsKey("Status") && !statusValues.contains(changes.get("Status"))) {
      return new Refusal(
          400,
          FakeSalesforce.errors(
              "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
              "Lead Status: bad value for restricted picklist field: " + changes.get("Status")));
    }
    return null;
  }

  // ---- tasks ----

  private void upsertTasks(HttpExchange exchange, String userId, String field) throws IOException {
    if (!FakeSalesforce.EXTERNAL_ID_FIELD.equalsIgnoreCase(field)) {
      fake.sendNotAnExternalId(exchange, field, "Task");
      return;
    }
    JsonNode body = fake.collectionsBody(exchange);
    if (body == null) {
      return;
    }
    JsonNode records = body.get("records");
    ArrayNode results = JSON.createArrayNode();
    synchronized (fake) {
      for (JsonNode record : records) {
        upsertTask(record, userId, results.addObject());
      }
    }
    fake.afterCommit();
    fake.sendJson(exchange, 200, results, true);
  }

  /** One record of a Task upsert: refused, updated in place by its external id, or created. */
  private void upsertTask(JsonNode record, String userId, ObjectNode result) {
    String problem = validateTask(record);
    if (problem != null) {
      String[] parts = problem.split("\\|", 2);
      result.put("success", false);
      result
          .putArray("errors")
          .addObject()
          .put("statusCode", parts[0])
          .put("message", parts[1])
          .putArray("fields");
      return;
    }
    String external = record.get(FakeSalesforce.EXTERNAL_ID_FIELD).asText();
    Map<String, Object> existing = tasksByExternalId.get(external);
    Instant stamp = fake.stamp();
    if (existing != null) {
      record
          .fields()
          .forEachRemaining(
              e -> {
                if (TASK_FIELDS.contains(e.getKey()) && !e.getKey().equals("TaskSubtype")) {
                  existing.put(e.getKey(), e.getValue().asText());
                }
              });
      existing.put("LastModifiedDate", stamp);
      result.put("id", (String) existing.get("Id")).put("success", true).put("created", false);
      result.putArray("errors");
      return;
    }
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("Id", String.format("00T%012dAAA", nextTaskNumber++));
    record
        .fields()
        .forEachRemaining(
            e -> {
              if (TASK_FIELDS.contains(e.getKey())) {
                task.put(e.getKey(), e.getValue().asText());
              }
            });
    task.putIfAbsent("OwnerId", userId);
    task.putIfAbsent("Status", "Not Started");
    task.putIfAbsent("Priority", "Normal");
    task.putIfAbsent("TaskSubtype", "Task");
    task.put("CreatedDate", stamp);
    task.put("LastModifiedDate", stamp);
    tasks.add(task);
    tasksByExternalId.put(external, task);
    result.put("id", (String) task.get("Id")).put("success", true).put("created", true);
    result.putArray("errors");
  }

  /** Salesforce's per-record error for a Task ("CODE|message"), or null when it is valid. */
  private String validateTask(JsonNode record) {
    if (!record.isObject() || !"Task".equals(record.path("attributes").path("type").asText())) {
      return "INVALID_TYPE|Each record must have attributes with type Task";
    }
    var names = record.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("attributes") && !TASK_FIELDS.contains(name)) {
        return "INVALID_FIELD|No such column '" + name + "' on entity 'Task'";
      }
    }
    String external = record.path(FakeSalesforce.EXTERNAL_ID_FIELD).asText("");
    if (external.isBlank()) {
      return "MISSING_ARGUMENT|" + FakeSalesforce.EXTERNAL_ID_FIELD + " not specified";
    }
    String who = record.path("WhoId").asText("");
    if (!who.isEmpty() && fake.lead(who) == null) {
      return "INVALID_CROSS_REFERENCE_KEY|Name ID: id value of incorrect type: " + who;
    }
    String subject = record.path("Subject").asText("");
    if (subject.length() > 255) {
      return "STRING_TOO_LONG|Subject: data value too large";
    }
    if (record.path("Description").asText("").length() > 32000) {
      return "STRING_TOO_LONG|Comments: data value too large";
    }
    String status = record.path("Status").asText("Not Started");
    if (!TASK_STATUSES.contains(status)) {
      return "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST|Status: bad value for restricted picklist field: "
          + status;
    }
    String subtype = record.path("TaskSubtype").asText("Task");
    if (!TASK_SUBTYPES.contains(subtype)) {
      return "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST|Task Subtype: bad value for restricted picklist field: "
          + subtype;
    }
    if (record.hasNonNull("ActivityDate")) {
      try {
        LocalDate.parse(record.get("ActivityDate").asText());
      } catch (DateTimeParseException e) {
        return "INVALID_TYPE_ON_FIELD_IN_RECORD|Due Date Only: value not of required type";
      }
    }
    return null;
  }
}
