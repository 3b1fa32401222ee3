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
          "regardingobjectid_lead_task", "leads");

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
    if (values.containsKey("statuscode") && table == schema.leads) {
      Schema.StatusOption option =
          Schema.leadStatus(((Number) values.get("statuscode")).intValue());
      int state = ((Number) values.getOrDefault("statecode", row.get("statecode"))).intValue();
      if (option == null || option.state() != state) {
        return DvResponse.error(
            400,
            "0x80040203",
            values.get("statuscode")
                + " is not a valid status code for state code lead.statecode "
                + state);
      }
    }
    table.update((String) row.get(table.idColumn), values);
    fake.appliedUpdate(table, (String) row.get(table.idColumn));
    return written(table, row, request, false);
  }

  private DvResponse written(
      Table table, Map<String, Object> row, DvRequest request, boolean created) {
    String entityId = fake.apiRoot() + "/" + table.entitySet + "(" + row.get(table.idColumn) + ")";
    if (request.prefers("return=representation")
        || "return=representation".equals(request.header("Prefer"))) {
      List<String> select =
          QueryResource.select(table, QueryResource.options(request.rawQuery()).get("$select"));
      return DvResponse.json(
              created ? 201 : 200, QueryResource.representation(table, row, select, false))
          .with("ETag", Table.etag(row))
          .with("Preference-Applied", "return=representation");
    }
    return DvResponse.noContent().with("OData-EntityId", entityId);
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
        boolean exists =
            target.equals("systemusers") ? fake.users().isUser(id) : schema.leads.row(id) != null;
        if (!exists) {
          String entity = target.equals("systemusers") ? "systemuser" : "lead";
          return DvResponse.error(
              404, "0x80040217", entity + " With Id = " + id + " Does Not Exist");
        }
        values.put(nav.equals("ownerid") ? "_ownerid_value" : "_regardingobjectid_value", id);
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
      } else if (name.equals("directioncode")) {
        values.put(name, value.asBoolean());
      } else if (name.equals("statecode") || name.equals("statuscode")) {
        if (!value.isIntegralNumber()) {
          return DvResponse.error(
              400, "0x80060888", "Cannot convert the literal to the expected type 'Edm.Int32'.");
        }
        values.put(name, value.asInt());
      } else {
        try {
          values.put(name, java.time.OffsetDateTime.parse(value.asText()).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
          return DvResponse.error(
              400, "0x80060888", "Cannot convert the literal to 'Edm.DateTimeOffset'.");
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
