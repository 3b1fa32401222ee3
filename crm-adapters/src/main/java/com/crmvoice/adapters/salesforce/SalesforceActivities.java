package com.crmvoice.adapters.salesforce;

import com.crmvoice.adapters.salesforce.SalesforceHttp.Answer;
import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmGateway.CreateTaskRequest;
import com.crmvoice.core.port.CrmGateway.PicklistValue;
import com.crmvoice.core.port.CrmGateway.StatusUpdateRequest;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The writes on existing leads over Salesforce's REST API: conditional status updates, tasks
 * (logged calls and follow-ups) through sObject Collections, and the Lead Status picklist read with
 * describe.
 *
 * <p>Contract: a status update is applied only to the version of the lead the user heard (else
 * {@link CrmGateway#LEAD_CHANGED}), one PATCH each with {@code If-Unmodified-Since}, since sObject
 * Collections update cannot carry a precondition per record
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/intro_rest_conditional_requests.htm);
 * a task is upserted on the external id field holding the command id, so a redelivered command
 * finds its task. How and why: docs/work-a-lead.md, "The write path".
 */
final class SalesforceActivities {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** RFC 1123 HTTP-date, as If-Unmodified-Since takes it. */
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private static final int QUERY_CHUNK = 100;

  private final SalesforceHttp gateway;
  private final SalesforceConfig config;

  SalesforceActivities(SalesforceHttp gateway, SalesforceConfig config) {
    this.gateway = gateway;
    this.config = config;
  }

  private record Current(String status, Instant modifiedAt, boolean converted) {}

  List<UpdateResult> updateLeadStatuses(List<StatusUpdateRequest> requests) {
    Map<String, Current> current = readCurrent(requests);
    List<UpdateResult> results = new ArrayList<>(requests.size());
    int unavailable = 0;
    CrmUnavailableException lastFailure = null;
    for (StatusUpdateRequest request : requests) {
      Current now = current.get(request.leadId());
      if (now == null) {
        results.add(
            new UpdateResult.Rejected(CrmGateway.LEAD_NOT_FOUND, "Salesforce has no such lead"));
      } else if (request.newStatus().equals(now.status())) {
        results.add(new UpdateResult.Updated(false, now.modifiedAt()));
      } else if (changedSinceHeard(request, now)) {
        results.add(
            new UpdateResult.Rejected(
                CrmGateway.LEAD_CHANGED, "the lead changed since the user heard it"));
      } else if (now.converted()) {
        results.add(new UpdateResult.Rejected(CrmGateway.LEAD_NOT_OPEN, "the lead is converted"));
      } else {
        try {
          results.add(patch(request, now));
        } catch (CrmUnavailableException e) {
          unavailable++;
          lastFailure = e;
          results.add(new UpdateResult.Retryable(e.errorCode(), e.getMessage()));
        }
      }
    }
    if (unavailable > 0 && unavailable == requests.size()) {
      throw lastFailure;
    }
    return results;
  }

  private static final java.util.regex.Pattern RECORD_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

  /** A Salesforce record id, checked before it becomes part of a URL path. */
  private static String recordId(String id) {
    if (id == null || !RECORD_ID.matcher(id).matches()) {
      throw new CrmRejectedException("MALFORMED_ID", "not a Salesforce record id");
    }
    return id;
  }

  private static boolean changedSinceHeard(StatusUpdateRequest request, Current now) {
    if (request.heardModifiedAt() != null) {
      return !request.heardModifiedAt().equals(now.modifiedAt());
    }
    return !Objects.equals(request.expectedStatus(), now.status());
  }

  private UpdateResult patch(StatusUpdateRequest request, Current now) {
    ObjectNode body = JSON.createObjectNode().put("Status", request.newStatus());
    // HTTP dates have whole seconds; Salesforce's LastModifiedDate too (.000). The query above
    // compared the version exactly; this guards the moment between that read and this write.
    String since = HTTP_DATE.format(now.modifiedAt().truncatedTo(ChronoUnit.SECONDS));
    Answer answer =
        gateway.sendConditional(
            "PATCH",
            gateway.dataPath("/sobjects/Lead/" + recordId(request.leadId())),
            body,
            Map.of("If-Unmodified-Since", since));
    if (answer.status() == 204 || answer.status() == 200) {
      return new UpdateResult.Updated(true, null);
    }
    if (answer.status() == 412) {
      return new UpdateResult.Rejected(
          CrmGateway.LEAD_CHANGED, "Salesforce: modified since " + since);
    }
    if (answer.status() == 404) {
      return new UpdateResult.Rejected(CrmGateway.LEAD_NOT_FOUND, "Salesforce has no such lead");
    }
    RuntimeException failure = gateway.failure(answer);
    if (failure instanceof CrmRejectedException rejected) {
      return new UpdateResult.Rejected(rejected.errorCode(), rejected.getMessage());
    }
    throw failure;
  }

  private Map<String, Current> readCurrent(List<StatusUpdateRequest> requests) {
    Set<String> ids = new LinkedHashSet<>();
    requests.forEach(r -> ids.add(r.leadId()));
    List<String> all = List.copyOf(ids);
    Map<String, Current> current = new HashMap<>();
    for (int from = 0; from < all.size(); from += QUERY_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + QUERY_CHUNK));
      String soql =
          Soql.select("Id", "Status", "LastModifiedDate", "IsConverted")
              .from("Lead")
              .where(Soql.in("Id", chunk))
              .build();
      try (Stream<JsonNode> rows = gateway.query(soql, r -> r)) {
        rows.forEach(
            r ->
                current.put(
                    r.path("Id").asText(),
                    new Current(
                        r.hasNonNull("Status") ? r.get("Status").asText() : null,
                        LeadRecords.parseDateTime(r.path("LastModifiedDate").asText()),
                        r.path("IsConverted").asBoolean(false))));
      }
    }
    return current;
  }

  List<CreateResult> createTasks(List<CreateTaskRequest> requests) {
    return SalesforceCrmGateway.inCollectionsCalls(requests, this::createTaskChunk);
  }

  private List<CreateResult> createTaskChunk(List<CreateTaskRequest> chunk) {
    String externalField = config.externalIdField();
    ObjectNode body = JSON.createObjectNode();
    body.put("allOrNone", false);
    ArrayNode records = body.putArray("records");
    for (CreateTaskRequest request : chunk) {
      ObjectNode record = records.addObject();
      record.putObject("attributes").put("type", "Task");
      record.put("OwnerId", request.ownerId());
      record.put("WhoId", request.leadId());
      record.put("Subject", request.subject());
      record.put("ActivityDate", request.activityDate().toString());
      if (request.completedCall()) {
        record.put("TaskSubtype", "Call");
        record.put("Status", "Completed");
      } else {
        record.put("Status", "Not Started");
      }
      if (request.description() != null) {
        record.put("Description", request.description());
      }
      if (externalField != null) {
        record.put(externalField, request.externalId());
      }
    }
    JsonNode response =
        externalField == null
            ? gateway.send("POST", gateway.dataPath("/composite/sobjects"), body)
            : gateway.send(
                "PATCH",
                gateway.dataPath("/composite/sobjects/Task/" + Soql.identifier(externalField)),
                body);
    return SalesforceCrmGateway.collectionsResults(response, chunk.size());
  }

  List<PicklistValue> leadStatuses() {
    JsonNode describe = gateway.send("GET", gateway.dataPath("/sobjects/Lead/describe"), null);
    for (JsonNode field : describe.path("fields")) {
      if ("Status".equals(field.path("name").asText())) {
        List<PicklistValue> values = new ArrayList<>();
        for (JsonNode value : field.path("picklistValues")) {
          if (value.path("active").asBoolean(true)) {
            values.add(
                new PicklistValue(
                    value.path("value").asText(),
                    value.path("label").asText(value.path("value").asText()),
                    value.path("defaultValue").asBoolean(false)));
          }
        }
        return values;
      }
    }
    throw new CrmRejectedException("NO_STATUS_FIELD", "Lead describe has no Status field");
  }
}
