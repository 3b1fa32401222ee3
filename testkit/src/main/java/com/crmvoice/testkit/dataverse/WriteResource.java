package com.crmvoice.testkit.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and updates: POST to a collection (204 with OData-EntityId, or 201 and the row with
 * {@code Prefer: return=representation}); PATCH of a row by alternate key or id, an upsert unless
 * {@code If-Match: *} (update only: 404 when absent) or {@code If-None-Match: *} (create only: 412
 * "A record with matching key values already exists." when present); {@code If-Match} with an ETag:
 * 412 when the row's version moved on. Bodies are checked like Dataverse checks them: known columns
 * only, string lengths, a statuscode of the row's state, {@code @odata.bind} to rows that exist
 * (owner to systemusers, regarding to leads).
 */
final class WriteResource {

  private static final Pattern BIND = Pattern.compile("/?([a-z]+)\\(([0-9a-fA-F-]{36})\\)");
  private static final Map<String, String> BINDS =
      Map.of(
          "ownerid", "systemusers",
          "regardingobjectid_lead_phonecall", "leads",
          "regardingobjectid_lead_task", "leads",
          "customerid_account", "accounts",
          "transactioncurrencyid", "transactioncurrencies");

  /** The lookup column each bindable navigation property sets. */
  private static final Map<String, String> BOUND_COLUMNS =
      Map.of(
          "ownerid", "_ownerid_value",
          "customerid_account", "_customerid_value",
          "transactioncurrencyid", "_transactioncurrencyid_value");

  private final FakeDataverse fake;
  private final Schema schema;

  WriteResource(FakeDataverse fake, Schema schema) {
    this.fake = fake;
    this.schema = schema;
  }

  DvResponse create(Table table, DvRequest request) {
    Map<String, Object> values = new HashMap<>();
    DvResponse bad = values(table, request, values, true);
    if (bad != null) {
      return bad;
    }
    values.putIfAbsent("_ownerid_value", request.userId());
    String id = table.insert(values);
    return written(table, table.row(id), request, true);
  }

  /** PATCH on a row; {@code row} is null when no row has this key or id. */
  DvResponse patch(
      Table table, Map<String, Object> row, Map<String, Object> identity, DvRequest request) {
    String ifMatch = request.header("If-Match");
    String ifNoneMatch = request.header("If-None-Match");
    if (row != null && "*".equals(ifNoneMatch)) {
      return DvResponse.error(
          412, "0x80040237", "A record with matching key values already exists.");
    }
    if (row == null && ifMatch != null) {
      return DvResponse.error(
          404,
          "0x80040217",
          table.logicalName + " With Id = " + identity.values() + " Does Not Exist");
    }
    if (row != null
        && ifMatch != null
        && !ifMatch.equals("*")
        && !ifMatch.equals(Table.etag(row))) {
      return DvResponse.error(
          412,
          "0x80060882",
          "The version of the existing record doesn't match the RowVersion property provided.");
    }
    Map<String, Object> values = new HashMap<>();
    DvResponse bad = values(table, request, values, row == null);
    if (bad != null) {
      return bad;
    }
    if (row == null) {
      values.putAll(identity);
      values.putIfAbsent("_ownerid_value", request.userId());
      String id = table.insert(values);
      return written(table, table.row(id), request, true);
    }
    values.keySet().removeAll(identity.keySet());
    DvResponse refused = stateRules(table, row, values);
    if (refused != null) {
      return refused;
    }
    table.update((String) row.get(table.idColumn), values);
    fake.appliedUpdate(table, (String) row.get(table.idColumn));
    return written(table, row, request, false);
  }

  /**
   * What Dataverse refuses in an update of an existing row: a statuscode that does not belong to
   * the row's (new) statecode; any change of an inactive opportunity or activity (closed records
   * are read-only until reopened); an opportunity's statecode (closing one takes the WinOpportunity
   * or LoseOpportunity action).
   */
  private static DvResponse stateRules(
      Table table, Map<String, Object> row, Map<String, Object> values) {
    boolean opportunity = table.logicalName.equals("opportunity");
    int current = row.get("statecode") == null ? 0 : ((Number) row.get("statecode")).intValue();
    if (opportunity && values.containsKey("statecode")) {
      return DvResponse.error(
          400,
          "0x80040203",
          "An opportunity is closed with the WinOpportunity or LoseOpportunity action.");
    }
    if (current != 0 && !table.logicalName.equals("lead")) {
      return DvResponse.error(
          400,
          "0x80040203",
          "The " + table.logicalName + " is closed or canceled and cannot be edited.");
    }
    java.util.List<Schema.StatusOption> options = Schema.statuses(table.logicalName);
    if (values.containsKey("statuscode") && !options.isEmpty()) {
      Schema.StatusOption option =
          Schema.option(options, ((Number) values.get("statuscode")).intValue());
      int state = ((Number) values.getOrDefault("statecode", current)).intValue();
      if (option == null || option.state() != state) {
        // As Dataverse answers: "(0x80048408) 6 is not a valid status code for state code ..."
        return DvResponse.error(
            400,
            "0x80048408",
            values.get("statuscode")
                + " is not a valid status code for state code "
                + table.logicalName
                + ".statecode "
                + state);
      }
    }
    return null;
  }

  private DvResponse written(
      Table table, Map<String, Object> row, DvRequest request, boolean created) {
    String entityId = fake.apiRoot() + "/" + table.entitySet + "(" + row.get(table.idColumn) + ")";
    if (request.prefers("return=representation")
        || "return=representation".equals(request.header("Prefer"))) {
      List<String> select =
          QueryResource.select(table, QueryResource.options(request.rawQuery()).get("$select"));
      return DvResponse.json(
              created ? 201 : 200, QueryResource.representation(table, row, select, null))
          .with("ETag", Table.etag(row))
          .with("Preference-Applied", "return=representation");
    }
    return DvResponse.noContent().with("OData-EntityId", entityId);
  }

  /** A non-string column's value by its type; a 400 when the JSON value does not convert. */
  private static DvResponse typed(
      Table table, String name, JsonNode value, Map<String, Object> values) {
    String type = table.type(name);
    try {
      switch (type) {
        case "bool" -> {
          if (!value.isBoolean()) {
            return convert("Edm.Boolean");
          }
          values.put(name, value.asBoolean());
        }
        case "int" -> {
          if (!value.isIntegralNumber()) {
            return convert("Edm.Int32");
          }
          values.put(name, value.asInt());
        }
        case "decimal" -> {
          if (!value.isNumber()) {
            return convert("Edm.Decimal");
          }
          values.put(name, value.decimalValue());
        }
        case "date" -> values.put(name, java.time.LocalDate.parse(value.asText()));
        default -> values.put(name, java.time.OffsetDateTime.parse(value.asText()).toInstant());
      }
    } catch (java.time.format.DateTimeParseException e) {
      return convert(type.equals("date") ? "Edm.Date" : "Edm.DateTimeOffset");
    }
    return null;
  }

  private static DvResponse convert(String type) {
    return DvResponse.error(
        400, "0x80060888", "Cannot convert the literal to the expected type '" + type + "'.");
  }

  /** The body's columns as values; a 400 (or 404 for a missing bound row) when it breaks a rule. */
  private DvResponse values(
      Table table, DvRequest request, Map<String, Object> values, boolean create) {
    JsonNode body;
    try {
      body = DvResponse.JSON.readTree(request.body() == null ? "" : request.body());
    } catch (Exception e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      return DvResponse.error(400, "0x80040203", "The request body must be a JSON object.");
    }
    String contentType = request.header("Content-Type");
    if (contentType == null || !contentType.startsWith("application/json")) {
      return DvResponse.error(415, "0x80040203", "Content-Type must be application/json.");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.endsWith("@odata.bind")) {
        String nav = name.substring(0, name.length() - "@odata.bind".length());
        String target = BINDS.get(nav);
        if (target == null
            || (nav.startsWith("regarding") && !nav.endsWith("_" + table.logicalName))) {
          return DvResponse.error(
              400,
              "0x80060888",
              "An undeclared property '"
                  + nav
                  + "' which only has property annotations in the payload.");
        }
        Matcher m = BIND.matcher(value.asText());
        if (!m.matches() || !m.group(1).equals(target)) {
          return DvResponse.error(
              400,
              "0x80060888",
              "The @odata.bind value of " + nav + " is not a " + target + " URI.");
        }
        String id = m.group(2).toLowerCase();
        Table bound = schema.table(target);
        boolean exists =
            target.equals("systemusers") ? fake.users().isUser(id) : bound.row(id) != null;
        if (!exists) {
          String entity = target.equals("systemusers") ? "systemuser" : bound.logicalName;
          return DvResponse.error(
              404, "0x80040217", entity + " With Id = " + id + " Does Not Exist");
        }
        values.put(BOUND_COLUMNS.getOrDefault(nav, "_regardingobjectid_value"), id);
        continue;
      }
      if (!table.columns.contains(name)
          || name.startsWith("_")
          || name.equals(table.idColumn)
          || Set.of("createdon", "modifiedon", "versionnumber").contains(name)) {
        return DvResponse.error(
            400,
            "0x80060888",
            "Invalid property '"
                + name
                + "' was found in entity 'Microsoft.Dynamics.CRM."
                + table.logicalName
                + "'.");
      }
      if (value.isNull()) {
        values.put(name, null);
      } else if (table.stringColumns.containsKey(name)) {
        if (!value.isTextual()) {
          return DvResponse.error(
              400, "0x80060888", "Cannot convert the literal to the expected type 'Edm.String'.");
        }
        int max = table.stringColumns.get(name);
        String text = value.asText();
        if (text.codePointCount(0, text.length()) > max) {
          return DvResponse.error(
              400,
              "0x80044331",
              "A validation error occurred. The length of the '"
                  + name
                  + "' attribute of the '"
                  + table.logicalName
                  + "' entity exceeded the maximum allowed length of '"
                  + max
                  + "'.");
        }
        values.put(name, text);
      } else {
        DvResponse bad = typed(table, name, value, values);
        if (bad != null) {
          return bad;
        }
      }
    }
    if (create && table == schema.leads) {
      values.putIfAbsent("statecode", 0);
      values.putIfAbsent("statuscode", 1);
    }
    if (create && table != schema.leads) {
      values.putIfAbsent("statecode", 0);
      values.putIfAbsent("statuscode", table.logicalName.equals("task") ? 2 : 1);
    }
    return null;
  }
}
