package com.crmvoice.adapters.dataverse;

import com.crmvoice.adapters.dataverse.DataverseHttp.Answer;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link CalendarGateway} over the Dataverse Web API, on the transport of a {@link
 * DataverseCrmGateway}; every value in a query is a checked GUID or a rendered literal ({@link
 * OData}), nothing the user says reaches one.
 *
 * <ul>
 *   <li>Meetings: appointments (not canceled: statecode ne 2) by scheduledstart, with the regarding
 *       row's name (the lookup's FormattedValue: a lead's or contact's full name) first, then the
 *       required and optional attendees (activityparty rows, participationtypemask 5 and 6, the
 *       owner left out) in one query per 50 appointments.
 *   <li>Tasks: open ones (statecode 0) with a due date (scheduledend) before the day after {@code
 *       lastDay}, midnight UTC; the due day is scheduledend's day in UTC (CRM Voice writes
 *       follow-ups at noon UTC, so their day is the same everywhere).
 *   <li>New leads: open leads (statecode 0) by createdon.
 *   <li>Changes: appointments, tasks and leads by modifiedon, the three first pages in one $batch.
 *       Deleted rows are not seen (Dataverse's queries never return them): a deleted appointment
 *       leaves the agenda at the next full pass.
 *   <li>Completing: the tasks' statecode and modifiedon (with their ETag) in one query per 50, then
 *       {@code PATCH tasks(id)} with statecode 1 (Completed) and statuscode 5 and {@code If-Match}
 *       for each task still open and as heard, all in one $batch; a 412 is TASK_CHANGED. A task
 *       already completed or canceled is done without a write.
 * </ul>
 */
public final class DataverseCalendarGateway implements CalendarGateway {

  /** activityparty.participationtypemask of required and optional attendees. */
  static final List<String> ATTENDEE_MASKS = List.of("5", "6");

  private static final String EVENT_SELECT =
      "activityid,_ownerid_value,subject,scheduledstart,scheduledend,isalldayevent,"
          + "_regardingobjectid_value";
  private static final String TASK_SELECT =
      "activityid,_ownerid_value,subject,scheduledend,_regardingobjectid_value,modifiedon";
  private static final String LEAD_SELECT =
      "leadid,_ownerid_value,firstname,lastname,companyname,createdon";

  private final DataverseHttp http;

  DataverseCalendarGateway(DataverseHttp http) {
    this.http = http;
  }

  // ---- meetings ----

  @Override
  public Stream<CalendarEvent> events(Instant from, Instant to) {
    List<CalendarEvent> events;
    try (Stream<CalendarEvent> rows =
        http.query(eventQuery(from, to, null), DataverseCalendarGateway::toEvent)) {
      events = rows.toList();
    }
    return withAttendees(events).stream();
  }

  @Override
  public Map<String, List<CalendarEvent>> eventsOf(
      Collection<String> ownerIds, Instant from, Instant to) {
    List<CalendarEvent> events = new ArrayList<>();
    for (List<String> chunk : guidChunks(ownerIds)) {
      try (Stream<CalendarEvent> rows =
          http.query(eventQuery(from, to, chunk), DataverseCalendarGateway::toEvent)) {
        rows.forEach(events::add);
      }
    }
    return byOwner(ownerIds, withAttendees(events), CalendarEvent::ownerId);
  }

  private static String eventQuery(Instant from, Instant to, List<String> owners) {
    String filter =
        OData.and(
            OData.ge("scheduledstart", OData.dateTime(from)),
            OData.lt("scheduledstart", OData.dateTime(to)),
            "statecode ne 2");
    return "appointments"
        + OData.query(
            "$select",
            EVENT_SELECT,
            "$filter",
            owners == null ? filter : OData.and(filter, OData.anyOf("_ownerid_value", owners)),
            "$orderby",
            "_ownerid_value asc,scheduledstart asc,activityid asc");
  }

  private static CalendarEvent toEvent(JsonNode r) {
    List<String> with = new ArrayList<>();
    String regarding = formatted(r, "_regardingobjectid_value");
    if (regarding != null) {
      with.add(regarding);
    }
    return new CalendarEvent(
        r.path("activityid").asText(),
        r.path("_ownerid_value").asText(),
        DealRows.text(r, "subject"),
        Instant.parse(r.path("scheduledstart").asText()),
        r.hasNonNull("scheduledend") ? Instant.parse(r.get("scheduledend").asText()) : null,
        r.path("isalldayevent").asBoolean(false),
        with);
  }

  /** The events with their attendees' names after the regarding row's, one query per 50. */
  private List<CalendarEvent> withAttendees(List<CalendarEvent> events) {
    if (events.isEmpty()) {
      return events;
    }
    Map<String, Set<String>> attendees = new HashMap<>();
    Map<String, String> owners = new HashMap<>();
    events.forEach(e -> owners.put(lower(e.id()), lower(e.ownerId())));
    for (List<String> chunk : guidChunks(events.stream().map(CalendarEvent::id).toList())) {
      String path =
          "activityparties"
              + OData.query(
                  "$select",
                  "_activityid_value,_partyid_value,participationtypemask",
                  "$filter",
                  OData.and(
                      OData.anyOf("participationtypemask", ATTENDEE_MASKS),
                      OData.anyOf("_activityid_value", chunk)));
      try (Stream<JsonNode> rows = http.query(path, r -> r)) {
        rows.forEach(
            r -> {
              String activity = lower(r.path("_activityid_value").asText());
              String party = r.path("_partyid_value").asText("");
              String name = formatted(r, "_partyid_value");
              if (name != null && !party.equalsIgnoreCase(owners.get(activity))) {
                attendees.computeIfAbsent(activity, k -> new LinkedHashSet<>()).add(name);
              }
            });
      }
    }
    List<CalendarEvent> answer = new ArrayList<>(events.size());
    for (CalendarEvent e : events) {
      Set<String> more = attendees.get(lower(e.id()));
      if (more == null) {
        answer.add(e);
        continue;
      }
      Set<String> with = new LinkedHashSet<>(e.with());
      with.addAll(more);
      answer.add(
          new CalendarEvent(
              e.id(), e.ownerId(), e.subject(), e.start(), e.end(), e.allDay(), List.copyOf(with)));
    }
    return answer;
  }

  // ---- tasks ----

  @Override
  public Stream<OpenTask> openTasksDueBy(LocalDate lastDay) {
    return http.query(taskQuery(lastDay, null), DataverseCalendarGateway::toTask);
  }

  @Override
  public Map<String, List<OpenTask>> openTasksOf(Collection<String> ownerIds, LocalDate lastDay) {
    List<OpenTask> tasks = new ArrayList<>();
    for (List<String> chunk : guidChunks(ownerIds)) {
      try (Stream<OpenTask> rows =
          http.query(taskQuery(lastDay, chunk), DataverseCalendarGateway::toTask)) {
        rows.forEach(tasks::add);
      }
    }
    return byOwner(ownerIds, tasks, OpenTask::ownerId);
  }

  private static String taskQuery(LocalDate lastDay, List<String> owners) {
    Instant end = lastDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    String filter = OData.and("statecode eq 0", OData.lt("scheduledend", OData.dateTime(end)));
    return "tasks"
        + OData.query(
            "$select",
            TASK_SELECT,
            "$filter",
            owners == null ? filter : OData.and(filter, OData.anyOf("_ownerid_value", owners)),
            "$orderby",
            "_ownerid_value asc,scheduledend asc,activityid asc");
  }

  private static OpenTask toTask(JsonNode r) {
    return new OpenTask(
        r.path("activityid").asText(),
        r.path("_ownerid_value").asText(),
        DealRows.text(r, "subject"),
        LocalDate.ofInstant(Instant.parse(r.path("scheduledend").asText()), ZoneOffset.UTC),
        formatted(r, "_regardingobjectid_value"),
        r.hasNonNull("modifiedon") ? Instant.parse(r.get("modifiedon").asText()) : null);
  }

  // ---- new leads ----

  @Override
  public Stream<LeadArrival> leadsCreatedSince(Instant since) {
    return http.query(leadQuery(since, null), DataverseCalendarGateway::toArrival);
  }

  @Override
  public Map<String, List<LeadArrival>> leadsCreatedSinceOf(
      Collection<String> ownerIds, Instant since) {
    List<LeadArrival> leads = new ArrayList<>();
    for (List<String> chunk : guidChunks(ownerIds)) {
      try (Stream<LeadArrival> rows =
          http.query(leadQuery(since, chunk), DataverseCalendarGateway::toArrival)) {
        rows.forEach(leads::add);
      }
    }
    return byOwner(ownerIds, leads, LeadArrival::ownerId);
  }

  private static String leadQuery(Instant since, List<String> owners) {
    String filter =
        OData.and(
            OData.ge("createdon", OData.dateTime(since)),
            OData.eq("statecode", Integer.toString(LeadRows.OPEN)));
    return LeadRows.ENTITY_SET
        + OData.query(
            "$select",
            LEAD_SELECT,
            "$filter",
            owners == null ? filter : OData.and(filter, OData.anyOf("_ownerid_value", owners)),
            "$orderby",
            "_ownerid_value asc,createdon desc,leadid asc");
  }

  private static LeadArrival toArrival(JsonNode r) {
    String first = DealRows.text(r, "firstname");
    String last = r.path("lastname").asText("");
    return new LeadArrival(
        r.path("leadid").asText(),
        r.path("_ownerid_value").asText(),
        first == null ? last : first + " " + last,
        DealRows.text(r, "companyname"),
        Instant.parse(r.path("createdon").asText()));
  }

  // ---- changes ----

  /** The first pages of the three change queries in one $batch; later pages as queries. */
  @Override
  public Changes changedSince(Instant since) {
    List<Batch.Operation> queries = new ArrayList<>();
    for (String set : List.of("appointments", "tasks", LeadRows.ENTITY_SET)) {
      queries.add(
          new Batch.Operation(
              "GET",
              set
                  + OData.query(
                      "$select",
                      "_ownerid_value,modifiedon",
                      "$filter",
                      OData.ge("modifiedon", OData.dateTime(since)),
                      "$orderby",
                      "modifiedon asc"),
              null,
              Map.of("Prefer", DataverseHttp.queryPreference())));
    }
    Set<String> owners = new HashSet<>();
    int records = 0;
    Instant newest = null;
    for (Answer answer : http.batch(queries)) {
      if (answer.status() != 200 || answer.json() == null) {
        throw DataverseHttp.failure(answer);
      }
      try (Stream<JsonNode> rows = http.continued(answer.json(), r -> r)) {
        for (JsonNode r : (Iterable<JsonNode>) rows::iterator) {
          records++;
          owners.add(r.path("_ownerid_value").asText());
          Instant stamp = Instant.parse(r.path("modifiedon").asText());
          if (newest == null || stamp.isAfter(newest)) {
            newest = stamp;
          }
        }
      }
    }
    return new Changes(owners, records, newest);
  }

  // ---- completing tasks ----

  private record Current(int state, Instant modifiedAt, String etag) {}

  @Override
  public List<UpdateResult> completeTasks(List<CompleteTaskRequest> requests) {
    Map<String, Current> current = new HashMap<>();
    List<String> ids =
        requests.stream().map(CompleteTaskRequest::taskId).filter(OData::isGuid).toList();
    for (List<String> chunk : guidChunks(ids)) {
      String path =
          "tasks"
              + OData.query(
                  "$select",
                  "activityid,statecode,modifiedon",
                  "$filter",
                  OData.anyOf("activityid", chunk));
      try (Stream<JsonNode> rows = http.query(path, r -> r)) {
        rows.forEach(
            r ->
                current.put(
                    lower(r.path("activityid").asText()),
                    new Current(
                        r.path("statecode").asInt(-1),
                        Instant.parse(r.path("modifiedon").asText()),
                        r.path("@odata.etag").asText())));
      }
    }
    UpdateResult[] results = new UpdateResult[requests.size()];
    List<Batch.Operation> patches = new ArrayList<>();
    List<Integer> patched = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      CompleteTaskRequest request = requests.get(i);
      Current now = OData.isGuid(request.taskId()) ? current.get(lower(request.taskId())) : null;
      if (now == null) {
        results[i] = new UpdateResult.Rejected(TASK_NOT_FOUND, "Dataverse has no such task");
      } else if (now.state() != 0) {
        results[i] = new UpdateResult.Updated(false, now.modifiedAt());
      } else if (request.heardModifiedAt() != null
          && !request.heardModifiedAt().truncatedTo(ChronoUnit.SECONDS).equals(now.modifiedAt())) {
        results[i] =
            new UpdateResult.Rejected(TASK_CHANGED, "the task changed since the user heard it");
      } else {
        patches.add(
            new Batch.Operation(
                "PATCH",
                OData.byId("tasks", request.taskId()),
                DataverseHttp.JSON.createObjectNode().put("statecode", 1).put("statuscode", 5),
                Map.of("If-Match", now.etag())));
        patched.add(i);
      }
    }
    return ConditionalWrites.send(
        results, patched, () -> http.batch(patches), DataverseCalendarGateway::completion);
  }

  private static UpdateResult completion(Answer answer) {
    return ConditionalWrites.result(
        answer,
        TASK_CHANGED,
        "Dataverse: the task's version changed",
        TASK_NOT_FOUND,
        "Dataverse has no such task");
  }

  // ---- helpers ----

  private static String formatted(JsonNode row, String column) {
    JsonNode label = row.get(column + LeadRows.FORMATTED);
    return label == null || label.isNull() || label.asText().isBlank() ? null : label.asText();
  }

  /**
   * Distinct GUIDs (checked, lowercase) in chunks of {@value DataverseCrmGateway#IDS_PER_FILTER}.
   */
  private static List<List<String>> guidChunks(Collection<String> ids) {
    List<String> all =
        List.copyOf(new LinkedHashSet<>(ids.stream().map(DataverseDealGateway::guid).toList()));
    List<List<String>> chunks = new ArrayList<>();
    int size = DataverseCrmGateway.IDS_PER_FILTER;
    for (int from = 0; from < all.size(); from += size) {
      chunks.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return chunks;
  }

  /** Rows by owner: every given owner a key, ids compared ignoring case. */
  private static <T> Map<String, List<T>> byOwner(
      Collection<String> ownerIds, List<T> rows, Function<T, String> owner) {
    Map<String, List<T>> answer = new LinkedHashMap<>();
    Map<String, String> byLowercase = new HashMap<>();
    ownerIds.forEach(
        o -> {
          answer.put(o, new ArrayList<>());
          byLowercase.put(lower(o), o);
        });
    for (T row : rows) {
      String key = byLowercase.get(lower(owner.apply(row)));
      if (key != null) {
        answer.get(key).add(row);
      }
    }
    answer.replaceAll((o, list) -> List.copyOf(list));
    return answer;
  }

  private static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
