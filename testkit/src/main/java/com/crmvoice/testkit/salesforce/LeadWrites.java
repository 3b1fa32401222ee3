package com.crmvoice.testkit.salesforce;

import static com.crmvoice.testkit.salesforce.Exchanges.JSON;
import static com.crmvoice.testkit.salesforce.FakeSalesforce.EXTERNAL_ID_FIELD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One Lead write as Salesforce validates and applies it, shared by sObject Rows create and upsert
 * and sObject Collections: field names, writability, types, required fields, lengths, email, owner,
 * the duplicate rule, then the assignment rule and the store. Callers hold the fake's monitor.
 */
final class LeadWrites {

  private static final Pattern OWNER_ID = Pattern.compile("^005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$");
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  /** A written record's id and whether it was created, or Salesforce's per-record errors. */
  record Outcome(String id, boolean created, ArrayNode errors) {}

  /** The request headers that change what a write does. */
  record Context(String autoAssign, boolean allowSave) {

    static Context of(HttpExchange exchange, String version) {
      return new Context(
          exchange.getRequestHeaders().getFirst("Sforce-Auto-Assign"),
          DuplicateRule.allowSave(
              exchange.getRequestHeaders().getFirst("Sforce-Duplicate-Rule-Header"), version));
    }
  }

  private record Problem(String statusCode, String message, String fields) {}

  private final SObjectSchema schema;
  private final LeadStore store;
  private final Faults faults;
  private final OrgSettings org;

  LeadWrites(SObjectSchema schema, LeadStore store, Faults faults, OrgSettings org) {
    this.schema = schema;
    this.store = store;
    this.faults = faults;
    this.org = org;
  }

  /**
   * Validates and applies one record: a create, or with {@code externalValue} an upsert on the
   * external id; answers its id or Salesforce's per-record errors.
   */
  Outcome write(ObjectNode input, String userId, String externalValue, Context context) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Object> values = values(input, problems);
    if (externalValue != null) {
      values.put(EXTERNAL_ID_FIELD, externalValue);
    }
    String existingId = externalValue == null ? null : store.idByExternalId(externalValue);
    Map<String, Object> merged =
        new HashMap<>(
            existingId == null ? Map.of() : LeadStore.withoutNulls(store.live(existingId)));
    merged.putAll(values);
    checkRecord(values, merged, problems);
    Object owner = merged.getOrDefault("OwnerId", userId);
    if (owner == null || !OWNER_ID.matcher(owner.toString()).matches()) {
      problems.add(
          new Problem(
              "INVALID_CROSS_REFERENCE_KEY",
              "Owner ID: id value of incorrect type: " + owner,
              "OwnerId"));
    }
    DuplicateRule.Action duplicateRule =
        faults.duplicateRuleActive() ? DuplicateRule.Action.BLOCK : org.duplicateRule();
    if (problems.isEmpty()
        && existingId == null
        && duplicateRule != null
        && DuplicateRule.matches(merged, store.live())
        && DuplicateRule.blocks(duplicateRule, context.allowSave())) {
      problems.add(new Problem("DUPLICATES_DETECTED", DuplicateRule.ALERT_TEXT, ""));
    }
    if (problems.isEmpty() && faults.takeLockError()) {
      problems.add(
          new Problem(
              "UNABLE_TO_LOCK_ROW",
              "unable to obtain exclusive access to this record or 1 records: "
                  + (existingId == null ? "00Q000000000000AAA" : existingId),
              ""));
    }
    if (!problems.isEmpty()) {
      return new Outcome(null, false, toJson(problems));
    }
    return apply(values, existingId, owner.toString(), context);
  }

  /** The input's fields by canonical name; unknown, read-only and non-text fields are problems. */
  private Map<String, Object> values(ObjectNode input, List<Problem> problems) {
    Map<String, Object> values = new HashMap<>();
    input
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals("attributes")) {
                return;
              }
              String field = schema.canonical(e.getKey());
              if (field == null) {
                problems.add(
                    new Problem(
                        "INVALID_FIELD",
                        "No such column '" + e.getKey() + "' on sobject of type Lead",
                        e.getKey()));
                return;
              }
              if (!schema.field(field).writable()) {
                problems.add(
                    new Problem(
                        "INVALID_FIELD_FOR_INSERT_UPDATE",
                        "Unable to create/update fields: "
                            + field
                            + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
                        field));
                return;
              }
              JsonNode value = e.getValue();
              if (value.isNull()) {
                values.put(field, null);
              } else if (!value.isTextual()) {
                problems.add(
                    new Problem(
                        "JSON_PARSER_ERROR",
                        "Cannot deserialize instance of string from "
                            + value.getNodeType()
                            + " value",
                        field));
              } else {
                values.put(field, value.asText());
              }
            });
    return values;
  }

  /** Required fields of the record as it would be, lengths and the email of the values sent. */
  private void checkRecord(
      Map<String, Object> values, Map<String, Object> merged, List<Problem> problems) {
    List<String> missing = new ArrayList<>();
    for (String required : List.of("LastName", "Company")) {
      Object v = merged.get(required);
      if (v == null || v.toString().isBlank()) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          new Problem(
              "REQUIRED_FIELD_MISSING",
              "Required fields are missing: " + missing,
              String.join(",", missing)));
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      SObjectSchema.Field field = schema.field(e.getKey());
      if (e.getValue() instanceof String s
          && field.maxLength() > 0
          && s.codePointCount(0, s.length()) > field.maxLength()) {
        problems.add(
            new Problem(
                "STRING_TOO_LONG",
                field.label()
                    + ": data value too large: "
                    + s
                    + " (max length="
                    + field.maxLength()
                    + ")",
                field.name()));
      }
    }
    if (values.get("Email") instanceof String email && !EMAIL.matcher(email).matches()) {
      problems.add(
          new Problem("INVALID_EMAIL_ADDRESS", "Email: invalid email address: " + email, "Email"));
    }
  }

  private Outcome apply(
      Map<String, Object> values, String existingId, String owner, Context context) {
    // The active assignment rule runs on created and updated leads unless Sforce-Auto-Assign is
    // FALSE:
    // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm
    LeadAssignmentRule rule = org.assignmentRule();
    Instant stamp = store.nextStamp();
    if (existingId != null) {
      Map<String, Object> current = store.live(existingId);
      Map<String, Object> next = new HashMap<>(current);
      next.putAll(values);
      if (rule != null) {
        next.put("OwnerId", rule.ownerAfter(context.autoAssign(), (String) next.get("OwnerId")));
      }
      next.put("LastModifiedDate", stamp);
      next.put("SystemModstamp", stamp);
      store.replace(existingId, current, next);
      return new Outcome(existingId, false, null);
    }
    Map<String, Object> record = new HashMap<>(values);
    record.put("OwnerId", rule == null ? owner : rule.ownerAfter(context.autoAssign(), owner));
    record.putIfAbsent("Status", "Open - Not Contacted");
    record.put("IsConverted", Boolean.FALSE);
    record.put("IsDeleted", Boolean.FALSE);
    record.put("CreatedDate", stamp);
    record.put("LastModifiedDate", stamp);
    record.put("SystemModstamp", stamp);
    return new Outcome(store.store(record), true, null);
  }

  private static ArrayNode toJson(List<Problem> problems) {
    ArrayNode errors = JSON.createArrayNode();
    for (Problem p : problems) {
      ObjectNode error = errors.addObject();
      error.put("statusCode", p.statusCode());
      error.put("message", p.message());
      ArrayNode fields = error.putArray("fields");
      for (String f : p.fields().split(",")) {
        if (!f.isEmpty()) {
          fields.add(f);
        }
      }
    }
    return errors;
  }
}
