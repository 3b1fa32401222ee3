package com.crmvoice.adapters.dataverse;

import com.crmvoice.adapters.dataverse.DataverseHttp.Answer;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmGateway.CreateTaskRequest;
import com.crmvoice.core.port.CrmGateway.PicklistValue;
import com.crmvoice.core.port.CrmGateway.StatusUpdateRequest;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The Dataverse writes: idempotent creates (an upsert on the command id alternate key with {@code
 * If-None-Match: *}, so an existing row answers 412 and is looked up rather than overwritten),
 * phone calls and tasks regarding a lead, conditional status updates ({@code If-Match} on the row's
 * {@code @odata.etag}: a 412 is the "changed since you heard it" case), each kind several to one
 * {@code $batch} of independent requests; and the lead statuses read from the statuscode
 * attribute's metadata.
 *
 * <p>A status is its label ("Contacted") both ways: reads carry the label (FormattedValue), writes
 * map it to the option's value through the metadata. Options of the Open state (statecode 0) and of
 * the Disqualified state (statecode 2: "No Longer Interested" closes the lead) are offered and
 * accepted, a disqualifying one written with its statecode (Dataverse refuses a statuscode of
 * another state than the row's). Qualifying (statecode 1) is Dynamics' QualifyLead action, which
 * creates an account, a contact and an opportunity: not offered.
 */
final class DataverseActivities {

  /** A row to create under a command id; null in a list stands for a request refused up front. */
  record NewRow(String commandId, ObjectNode body) {}

  private record Current(String status, Instant modifiedAt, int state, String etag) {}

  private record StatusOption(int value, String label, int state) {}

  private static final String STATUS_METADATA =
      "EntityDefinitions(LogicalName='lead')/Attributes(LogicalName='statuscode')"
          + "/Microsoft.Dynamics.CRM.StatusAttributeMetadata?$select=LogicalName"
          + "&$expand=OptionSet($select=Options)";

  private final DataverseHttp http;
  private volatile List<StatusOption> statusOptions;

  DataverseActivities(DataverseHttp http) {
    this.http = http;
  }

  // ---- creates ----

  /**
   * Creates rows in {@code entitySet} by upsert on the command id key, one $batch; rows that
   * already exist (412) are looked up by key in one query and answered Created(id, false).
   */
  List<CreateResult> upsertNew(String entitySet, String idColumn, List<NewRow> rows) {
    String key = http.config().commandIdColumn();
    List<Batch.Operation> operations = new ArrayList<>();
    List<Integer> sent = new ArrayList<>();
    CreateResult[] results = new CreateResult[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      NewRow row = rows.get(i);
      if (row == null) {
        results[i] = new CreateResult.Rejected("MALFORMED_ID", "not a Dataverse id (a GUID)");
        continue;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("If-None-Match", "*");
      headers.put("Prefer", "return=representation");
      operations.add(
          new Batch.Operation(
              "PATCH",
              OData.byKey(entitySet, key, row.commandId()) + OData.query("$select", idColumn),
              row.body(),
              headers));
      sent.add(i);
    }
    if (operations.isEmpty()) {
      return List.of(results);
    }
    List<Answer> answers = http.batch(operations);
    Map<String, Integer> existing = new LinkedHashMap<>();
    for (int n = 0; n < answers.size(); n++) {
      int i = sent.get(n);
      Answer answer = answers.get(n);
      if (answer.status() == 201 || answer.status() == 200) {
        results[i] =
            new CreateResult.Created(answer.json().path(idColumn).asText(), answer.status() == 201);
      } else if (answer.status() == 412) {
        existing.put(rows.get(i).commandId(), i);
      } else {
        results[i] = createFailure(answer);
      }
    }
    if (!existing.isEmpty()) {
      Map<String, String> ids = idsByCommandId(entitySet, idColumn, existing.keySet());
      existing.forEach(
          (commandId, i) -> {
            String id = ids.get(commandId);
            // Gone between the 412 and the query (deleted meanwhile): the next try creates it.
            results[i] =
                id == null
                    ? new CreateResult.Retryable("ROW_VANISHED", "the row was deleted meanwhile")
                    : new CreateResult.Created(id, false);
          });
    }
    return List.of(results);
  }

  private Map<String, String> idsByCommandId(
      String entitySet, String idColumn, java.util.Collection<String> commandIds) {
    String key = http.config().commandIdColumn();
    Map<String, String> ids = new HashMap<>();
    List<String> all = List.copyOf(commandIds);
    for (int from = 0; from < all.size(); from += DataverseCrmGateway.IDS_PER_FILTER) {
      List<String> chunk =
          all.subList(from, Math.min(all.size(), from + DataverseCrmGateway.IDS_PER_FILTER));
      String path =
          entitySet
              + OData.query(
                  "$select",
                  idColumn + "," + key,
                  "$filter",
                  OData.anyOf(key, chunk.stream().map(OData::string).toList()));
      try (Stream<JsonNode> found = http.query(path, r -> r)) {
        found.forEach(r -> ids.put(r.path(key).asText(), r.path(idColumn).asText()));
      }
    }
    return ids;
  }

  private static CreateResult createFailure(Answer answer) {
    RuntimeException failure = DataverseHttp.failure(answer);
    if (failure instanceof CrmUnavailableException e) {
      return new CreateResult.Retryable(e.errorCode(), e.getMessage());
    }
    CrmRejectedException e = (CrmRejectedException) failure;
    return new CreateResult.Rejected(e.errorCode(), e.getMessage());
  }

  /**
   * A logged call is a completed outgoing phone call (statecode 1 Completed, statuscode 2 Made), a
   * follow-up an open task due that day; both regarding the lead and owned by the user.
   */
  List<CreateResult> createActivities(List<CreateTaskRequest> requests) {
    List<NewRow> calls = new ArrayList<>();
    List<NewRow> tasks = new ArrayList<>();
    List<Integer> callAt = new ArrayList<>();
    List<Integer> taskAt = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      CreateTaskRequest r = requests.get(i);
      boolean valid = OData.isGuid(r.ownerId()) && OData.isGuid(r.leadId());
      NewRow row = valid ? new NewRow(r.externalId(), activityBody(r)) : null;
      (r.completedCall() ? calls : tasks).add(row);
      (r.completedCall() ? callAt : taskAt).add(i);
    }
    CreateResult[] results = new CreateResult[requests.size()];
    if (!calls.isEmpty()) {
      List<CreateResult> done = upsertNew("phonecalls", "activityid", calls);
      for (int n = 0; n < done.size(); n++) {
        results[callAt.get(n)] = done.get(n);
      }
    }
    if (!tasks.isEmpty()) {
      List<CreateResult> done = upsertNew("tasks", "activityid", tasks);
      for (int n = 0; n < done.size(); n++) {
        results[taskAt.get(n)] = done.get(n);
      }
    }
    return List.of(results);
  }

  private static ObjectNode activityBody(CreateTaskRequest r) {
    ObjectNode body = DataverseHttp.JSON.createObjectNode();
    String kind = r.completedCall() ? "phonecall" : "task";
    body.put("subject", LeadRows.truncate(r.subject(), 200));
    LeadRows.putIfPresent(body, "description", r.description());
    // The user's day at noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11.
    body.put("scheduledend", r.activityDate() + "T12:00:00Z");
    body.put(
        "regardingobjectid_lead_" + kind + "@odata.bind", "/" + OData.byId("leads", r.leadId()));
    body.put("ownerid@odata.bind", "/" + OData.byId("systemusers", r.ownerId()));
    if (r.completedCall()) {
      body.put("directioncode", true);
      body.put("actualend", r.activityDate() + "T12:00:00Z");
      body.put("statecode", 1);
      body.put("statuscode", 2);
    }
    return body;
  }

  // ---- status updates ----

  List<UpdateResult> updateLeadStatuses(List<StatusUpdateRequest> requests) {
    Map<String, Current> current = readCurrent(requests);
    UpdateResult[] results = new UpdateResult[requests.size()];
    List<Batch.Operation> patches = new ArrayList<>();
    List<Integer> patched = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      StatusUpdateRequest request = requests.get(i);
      Current now = OData.isGuid(request.leadId()) ? current.get(lower(request.leadId())) : null;
      if (now == null) {
        results[i] =
            new UpdateResult.Rejected(CrmGateway.LEAD_NOT_FOUND, "Dataverse has no such lead");
      } else if (request.newStatus().equals(now.status())) {
        results[i] = new UpdateResult.Updated(false, now.modifiedAt());
      } else if (now.state() != LeadRows.OPEN && now.state() != DISQUALIFIED) {
        // Qualifying moves statuscode too: say why, not just "changed". (A disqualified lead may
        // be set back to an open status: the undo of "not interested" reactivates it.)
        results[i] = new UpdateResult.Rejected(CrmGateway.LEAD_NOT_OPEN, "the lead is qualified");
      } else if (changedSinceHeard(request, now)) {
        results[i] =
            new UpdateResult.Rejected(
                CrmGateway.LEAD_CHANGED, "the lead changed since the user heard it");
      } else {
        StatusOption option = offeredOption(request.newStatus());
        if (option == null) {
          results[i] =
              new UpdateResult.Rejected(
                  "INVALID_STATUS", "not an open or disqualifying lead status of this org");
          continue;
        }
        ObjectNode body = DataverseHttp.JSON.createObjectNode().put("statuscode", option.value());
        if (option.state() != now.state()) {
          body.put("statecode", option.state()); // disqualifies, or reactivates
        }
        patches.add(
            new Batch.Operation(
                "PATCH",
                OData.byId("leads", request.leadId()),
                body,
                Map.of("If-Match", now.etag())));
        patched.add(i);
      }
    }
    return ConditionalWrites.send(
        results, patched, () -> http.batch(patches), DataverseActivities::updateResult);
  }

  private static UpdateResult updateResult(Answer answer) {
    return ConditionalWrites.result(
        answer,
        CrmGateway.LEAD_CHANGED,
        "Dataverse: the row's version changed",
        CrmGateway.LEAD_NOT_FOUND,
        "Dataverse has no such lead");
  }

  /**
   * The version is modifiedon, which Dataverse keeps at whole seconds: a change in the same second
   * as the version the user heard does not move it, so the status the user heard is compared too.
   * (The If-Match on the ETag read just before guards the moment between that read and the write.)
   */
  private static boolean changedSinceHeard(StatusUpdateRequest request, Current now) {
    if (request.heardModifiedAt() != null
        && !request.heardModifiedAt().truncatedTo(ChronoUnit.SECONDS).equals(now.modifiedAt())) {
      return true;
    }
    return request.expectedStatus() != null
        && !Objects.equals(request.expectedStatus(), now.status());
  }

  private Map<String, Current> readCurrent(List<StatusUpdateRequest> requests) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    requests.stream()
        .map(StatusUpdateRequest::leadId)
        .filter(OData::isGuid)
        .map(DataverseActivities::lower)
        .forEach(ids::add);
    List<String> all = List.copyOf(ids);
    Map<String, Current> current = new HashMap<>();
    for (int from = 0; from < all.size(); from += DataverseCrmGateway.IDS_PER_FILTER) {
      List<String> chunk =
          all.subList(from, Math.min(all.size(), from + DataverseCrmGateway.IDS_PER_FILTER));
      String path =
          LeadRows.ENTITY_SET
              + OData.query(
                  "$select",
                  "leadid,statecode,statuscode,modifiedon",
                  "$filter",
                  OData.anyOf("leadid", chunk));
      try (Stream<JsonNode> rows = http.query(path, r -> r)) {
        rows.forEach(
            r ->
                current.put(
                    lower(r.path("leadid").asText()),
                    new Current(
                        LeadRows.status(r),
                        Instant.parse(r.path("modifiedon").asText()),
                        r.path("statecode").asInt(-1),
                        r.path("@odata.etag").asText())));
      }
    }
    return current;
  }

  // ---- statuses ----

  List<PicklistValue> leadStatuses() {
    List<StatusOption> options = readStatusOptions();
    List<PicklistValue> values = new ArrayList<>();
    for (StatusOption option : options) {
      if (option.state() == LeadRows.OPEN) {
        values.add(new PicklistValue(option.label(), option.label(), values.isEmpty()));
      }
    }
    for (StatusOption option : options) {
      if (option.state() == DISQUALIFIED) {
        values.add(new PicklistValue(option.label(), option.label(), false));
      }
    }
    return values;
  }

  /** The lead's Disqualified state (statecode 2). */
  static final int DISQUALIFIED = 2;

  private static boolean offered(StatusOption option) {
    return option.state() == LeadRows.OPEN || option.state() == DISQUALIFIED;
  }

  private StatusOption offeredOption(String label) {
    List<StatusOption> options = statusOptions;
    if (options == null || options.stream().noneMatch(o -> o.label().equals(label))) {
      options = readStatusOptions(); // new to this container, or added to the org since
    }
    return options.stream()
        .filter(o -> offered(o) && o.label().equals(label))
        .findFirst()
        .orElse(null);
  }

  private List<StatusOption> readStatusOptions() {
    JsonNode metadata = http.send("GET", STATUS_METADATA, null, Map.of());
    List<StatusOption> options = new ArrayList<>();
    if (metadata != null) {
      for (JsonNode option : metadata.path("OptionSet").path("Options")) {
        String label = option.path("Label").path("UserLocalizedLabel").path("Label").asText(null);
        if (label != null) {
          options.add(
              new StatusOption(
                  option.path("Value").asInt(), label, option.path("State").asInt(-1)));
        }
      }
    }
    if (options.isEmpty()) {
      throw new CrmRejectedException("NO_STATUS_OPTIONS", "lead statuscode has no options");
    }
    statusOptions = List.copyOf(options);
    return statusOptions;
  }

  private static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
