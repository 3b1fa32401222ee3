package com.crmvoice.adapters.salesforce;

import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link CalendarGateway} over Salesforce's REST API, every query built with {@link Soql} (values
 * quoted and escaped, never pasted).
 *
 * <ul>
 *   <li>Meetings: Events by StartDateTime, with {@code Who.Name} (the WhoId, the primary lead or
 *       contact), then one query per 200 events for their invitees, {@code EventRelation} rows with
 *       {@code IsInvitee = true} and {@code Relation.Name} (a lead, contact or user), as the Object
 *       Reference documents them.
 *   <li>Tasks: {@code IsClosed = false AND ActivityDate <= day} (ActivityDate is the due date).
 *   <li>New leads: {@code CreatedDate >= since}, not converted, not in a closed status.
 *   <li>Changes: three queryAll queries (Event, Task, Lead) on SystemModstamp, so deleted records
 *       come back too and their owner is recomputed.
 *   <li>Completing: the tasks' current version read in one query per 100, then one sObject
 *       Collections update ({@code PATCH /composite/sobjects}, allOrNone false) per 200 of those
 *       still open and as the user heard them. Collections updates take no per-record precondition,
 *       so a change between the read and the write is not seen (the window is one round trip); a
 *       task already completed is answered done without a write.
 * </ul>
 */
public final class SalesforceCalendarGateway implements CalendarGateway {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int IDS_PER_QUERY = 100;
  private static final String[] EVENT_FIELDS = {
    "Id", "OwnerId", "Subject", "StartDateTime", "EndDateTime", "IsAllDayEvent", "Who.Name"
  };
  private static final String[] TASK_FIELDS = {
    "Id", "OwnerId", "Subject", "ActivityDate", "LastModifiedDate", "Who.Name"
  };
  private static final String[] LEAD_FIELDS = {
    "Id", "OwnerId", "FirstName", "LastName", "Company", "CreatedDate"
  };

  private final SalesforceHttp http;
  private final SalesforceConfig config;

  SalesforceCalendarGateway(SalesforceHttp http, SalesforceConfig config) {
    this.http = http;
    this.config = config;
  }

  // ---- meetings ----

  @Override
  public Stream<CalendarEvent> events(Instant from, Instant to) {
    List<CalendarEvent> events;
    try (Stream<CalendarEvent> rows = http.query(eventQuery(from, to, null), this::toEvent)) {
      events = rows.toList();
    }
    return withInvitees(events).stream();
  }

  @Override
  public Map<String, List<CalendarEvent>> eventsOf(
      Collection<String> ownerIds, Instant from, Instant to) {
    List<CalendarEvent> events = new ArrayList<>();
    for (List<String> chunk : chunks(ownerIds, SalesforceCrmGateway.OWNERS_PER_QUERY)) {
      try (Stream<CalendarEvent> rows = http.query(eventQuery(from, to, chunk), this::toEvent)) {
        rows.forEach(events::add);
      }
    }
    return byOwner(ownerIds, withInvitees(events), CalendarEvent::ownerId);
  }

  private static String eventQuery(Instant from, Instant to, List<String> owners) {
    Soql soql =
        Soql.select(EVENT_FIELDS)
            .from("Event")
            .where(Soql.atOrAfter("StartDateTime", from), Soql.before("StartDateTime", to));
    if (owners != null) {
      soql.where(Soql.in("OwnerId", owners));
    }
    return soql.orderBy("OwnerId", true).orderBy("StartDateTime", true).orderBy("Id", true).build();
  }

  private CalendarEvent toEvent(JsonNode r) {
    List<String> with = new ArrayList<>();
    String who = r.path("Who").path("Name").asText(null);
    if (who != null) {
      with.add(who);
    }
    return new CalendarEvent(
        r.path("Id").asText(),
        r.path("OwnerId").asText(),
        r.path("Subject").asText(null),
        LeadRecords.parseDateTime(r.path("StartDateTime").asText()),
        r.hasNonNull("EndDateTime")
            ? LeadRecords.parseDateTime(r.get("EndDateTime").asText())
            : null,
        r.path("IsAllDayEvent").asBoolean(false),
        with);
  }

  /** The events with their invitees' names after the WhoId's, in one query per 100 events. */
  private List<CalendarEvent> withInvitees(List<CalendarEvent> events) {
    if (events.isEmpty()) {
      return events;
    }
    Map<String, Set<String>> invitees = new HashMap<>();
    List<String> ids = events.stream().map(CalendarEvent::id).toList();
    for (List<String> chunk : chunks(ids, IDS_PER_QUERY)) {
      String soql =
          Soql.select("EventId", "Relation.Name")
              .from("EventRelation")
              .where(Soql.in("EventId", chunk), Soql.eq("IsInvitee", true))
              .orderBy("EventId", true)
              .orderBy("Id", true)
              .build();
      try (Stream<JsonNode> rows = http.query(soql, r -> r)) {
        rows.forEach(
            r -> {
              String name = r.path("Relation").path("Name").asText(null);
              if (name != null) {
                invitees
                    .computeIfAbsent(r.path("EventId").asText(), k -> new LinkedHashSet<>())
                    .add(name);
              }
            });
      }
    }
    List<CalendarEvent> answer = new ArrayList<>(events.size());
    for (CalendarEvent e : events) {
      Set<String> more = invitees.get(e.id());
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
    return http.query(taskQuery(lastDay, null), SalesforceCalendarGateway::toTask);
  }

  @Override
  public Map<String, List<OpenTask>> openTasksOf(Collection<String> ownerIds, LocalDate lastDay) {
    List<OpenTask> tasks = new ArrayList<>();
    for (List<String> chunk : chunks(ownerIds, SalesforceCrmGateway.OWNERS_PER_QUERY)) {
      try (Stream<OpenTask> rows =
          http.query(taskQuery(lastDay, chunk), SalesforceCalendarGateway::toTask)) {
        rows.forEach(tasks::add);
      }
    }
    return byOwner(ownerIds, tasks, OpenTask::ownerId);
  }

  private static String taskQuery(LocalDate lastDay, List<String> owners) {
    Soql soql =
        Soql.select(TASK_FIELDS)
            .from("Task")
            .where(Soql.eq("IsClosed", false), Soql.onOrBefore("ActivityDate", lastDay));
    if (owners != null) {
      soql.where(Soql.in("OwnerId", owners));
    }
    return soql.orderBy("OwnerId", true).orderBy("ActivityDate", true).orderBy("Id", true).build();
  }

  private static OpenTask toTask(JsonNode r) {
    return new OpenTask(
        r.path("Id").asText(),
        r.path("OwnerId").asText(),
        r.path("Subject").asText(null),
        LocalDate.parse(r.path("ActivityDate").asText()),
        r.path("Who").path("Name").asText(null),
        r.hasNonNull("LastModifiedDate")
            ? LeadRecords.parseDateTime(r.get("LastModifiedDate").asText())
            : null);
  }

  // ---- new leads ----

  @Override
  public Stream<LeadArrival> leadsCreatedSince(Instant since) {
    return http.query(leadQuery(since, null), SalesforceCalendarGateway::toArrival);
  }

  @Override
  public Map<String, List<LeadArrival>> leadsCreatedSinceOf(
      Collection<String> ownerIds, Instant since) {
    List<LeadArrival> leads = new ArrayList<>();
    for (List<String> chunk : chunks(ownerIds, SalesforceCrmGateway.OWNERS_PER_QUERY)) {
      try (Stream<LeadArrival> rows =
          http.query(leadQuery(since, chunk), SalesforceCalendarGateway::toArrival)) {
        rows.forEach(leads::add);
      }
    }
    return byOwner(ownerIds, leads, LeadArrival::ownerId);
  }

  private String leadQuery(Instant since, List<String> owners) {
    Soql soql =
        Soql.select(LEAD_FIELDS)
            .from("Lead")
            .where(Soql.atOrAfter("CreatedDate", since), Soql.eq("IsConverted", false));
    if (!config.closedStatuses().isEmpty()) {
      soql.where(Soql.notIn("Status", config.closedStatuses()));
    }
    if (owners != null) {
      soql.where(Soql.in("OwnerId", owners));
    }
    return soql.orderBy("OwnerId", true).orderBy("CreatedDate", false).orderBy("Id", true).build();
  }

  private static LeadArrival toArrival(JsonNode r) {
    String first = r.path("FirstName").asText(null);
    String last = r.path("LastName").asText("");
    return new LeadArrival(
        r.path("Id").asText(),
        r.path("OwnerId").asText(),
        first == null ? last : first + " " + last,
        r.path("Company").asText(null),
        LeadRecords.parseDateTime(r.path("CreatedDate").asText()));
  }

  // ---- changes ----

  @Override
  public Changes changedSince(Instant since) {
    Set<String> owners = new HashSet<>();
    int records = 0;
    Instant newest = null;
    for (String object : List.of("Event", "Task", "Lead")) {
      String soql =
          Soql.select("OwnerId", "SystemModstamp")
              .from(object)
              .where(Soql.atOrAfter("SystemModstamp", since))
              .orderBy("SystemModstamp", true)
              .build();
      try (Stream<JsonNode> rows = http.query("/queryAll", soql, r -> r)) {
        for (JsonNode r : (Iterable<JsonNode>) rows::iterator) {
          records++;
          owners.add(r.path("OwnerId").asText());
          Instant stamp = LeadRecords.parseDateTime(r.path("SystemModstamp").asText());
          if (newest == null || stamp.isAfter(newest)) {
            newest = stamp;
          }
        }
      }
    }
    return new Changes(owners, records, newest);
  }

  // ---- completing tasks ----

  private record Current(boolean closed, Instant modifiedAt) {}

  @Override
  public List<UpdateResult> completeTasks(List<CompleteTaskRequest> requests) {
    Map<String, Current> current = new HashMap<>();
    List<String> ids =
        List.copyOf(
            new LinkedHashSet<>(requests.stream().map(CompleteTaskRequest::taskId).toList()));
    for (List<String> chunk : chunks(ids, IDS_PER_QUERY)) {
      String soql =
          Soql.select("Id", "IsClosed", "LastModifiedDate")
              .from("Task")
              .where(Soql.in("Id", chunk))
              .build();
      try (Stream<JsonNode> rows = http.query(soql, r -> r)) {
        rows.forEach(
            r ->
                current.put(
                    r.path("Id").asText(),
                    new Current(
                        r.path("IsClosed").asBoolean(false),
                        LeadRecords.parseDateTime(r.path("LastModifiedDate").asText()))));
      }
    }
    UpdateResult[] results = new UpdateResult[requests.size()];
    List<Integer> toWrite = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      CompleteTaskRequest request = requests.get(i);
      Current now = current.get(request.taskId());
      if (now == null) {
        results[i] = new UpdateResult.Rejected(TASK_NOT_FOUND, "Salesforce has no such task");
      } else if (now.closed()) {
        results[i] = new UpdateResult.Updated(false, now.modifiedAt());
      } else if (request.heardModifiedAt() != null
          && !request.heardModifiedAt().equals(now.modifiedAt())) {
        results[i] =
            new UpdateResult.Rejected(TASK_CHANGED, "the task changed since the user heard it");
      } else {
        toWrite.add(i);
      }
    }
    List<CreateResult> written =
        SalesforceCrmGateway.inCollectionsCalls(
            toWrite.stream().map(requests::get).toList(), this::completeChunk);
    for (int k = 0; k < toWrite.size(); k++) {
      CreateResult r = written.get(k);
      results[toWrite.get(k)] =
          r instanceof CreateResult.Created
              ? new UpdateResult.Updated(true, null)
              : r instanceof CreateResult.Rejected rejected
                  ? new UpdateResult.Rejected(rejected.errorCode(), rejected.message())
                  : new UpdateResult.Retryable(
                      ((CreateResult.Retryable) r).errorCode(),
                      ((CreateResult.Retryable) r).message());
    }
    return List.of(results);
  }

  private List<CreateResult> completeChunk(List<CompleteTaskRequest> chunk) {
    ObjectNode body = JSON.createObjectNode();
    body.put("allOrNone", false);
    ArrayNode records = body.putArray("records");
    for (CompleteTaskRequest request : chunk) {
      ObjectNode record = records.addObject();
      record.putObject("attributes").put("type", "Task");
      record.put("id", request.taskId());
      record.put("Status", "Completed");
    }
    JsonNode response = http.send("PATCH", http.dataPath("/composite/sobjects"), body);
    return SalesforceCrmGateway.collectionsResults(response, chunk.size());
  }

  // ---- helpers ----

  private static List<List<String>> chunks(Collection<String> values, int size) {
    List<String> all = List.copyOf(new LinkedHashSet<>(values));
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      chunks.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return chunks;
  }

  private static <T> Map<String, List<T>> byOwner(
      Collection<String> ownerIds, List<T> rows, Function<T, String> owner) {
    Map<String, List<T>> answer = new LinkedHashMap<>();
    ownerIds.forEach(o -> answer.put(o, new ArrayList<>()));
    for (T row : rows) {
      List<T> own = answer.get(owner.apply(row));
      if (own != null) {
        own.add(row);
      }
    }
    answer.replaceAll((o, list) -> List.copyOf(list));
    return answer;
  }
}
