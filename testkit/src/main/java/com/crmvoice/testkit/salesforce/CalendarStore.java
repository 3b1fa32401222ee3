package com.crmvoice.testkit.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fake's Events and their EventRelations, and the names of the contacts and users they may
 * relate to (the fake holds no Contact records of its own). Query rows are copies with the
 * relationship fields filled in ({@code Who.Name}, {@code Relation.Name}, and {@code
 * <relation>.__type} for the nested object's attributes), as Salesforce answers them; a deleted
 * Event and its relations stay for queryAll, with IsDeleted true and a new SystemModstamp. Guarded
 * by the fake's monitor.
 */
final class CalendarStore {

  private final Map<String, Map<String, Object>> events = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> relations = new LinkedHashMap<>();
  private final Map<String, String[]> people = new HashMap<>();
  private long nextEvent = 1;
  private long nextRelation = 1;
  private long nextContact = 1;

  /** A contact (003…) by name, for an Event to be with; answers its Id. */
  String addContact(String name) {
    String id = String.format("003%012dAAA", nextContact++);
    people.put(id, new String[] {"Contact", name});
    return id;
  }

  /**
   * An Event of {@code owner}; {@code who} (a lead or contact id) is its WhoId and an EventRelation
   * with IsParent true; each of {@code invitees} an EventRelation with IsInvitee true.
   */
  String addEvent(
      String owner,
      String subject,
      Instant start,
      Instant end,
      String who,
      List<String> invitees,
      Instant stamp) {
    String id = String.format("00U%012dAAA", nextEvent++);
    Map<String, Object> e = new HashMap<>();
    e.put("Id", id);
    e.put("OwnerId", owner);
    e.put("Subject", subject);
    e.put("StartDateTime", start);
    e.put("EndDateTime", end);
    e.put("ActivityDate", LocalDate.ofInstant(start, ZoneOffset.UTC));
    e.put("IsAllDayEvent", Boolean.FALSE);
    e.put("WhoId", who);
    e.put("IsDeleted", Boolean.FALSE);
    stamp(e, stamp, true);
    events.put(id, e);
    if (who != null) {
      relation(id, who, true, false, stamp);
    }
    for (String invitee : invitees) {
      relation(id, invitee, false, true, stamp);
    }
    return id;
  }

  private void relation(String event, String who, boolean parent, boolean invitee, Instant stamp) {
    String id = String.format("0RE%012dAAA", nextRelation++);
    Map<String, Object> r = new HashMap<>();
    r.put("Id", id);
    r.put("EventId", event);
    r.put("RelationId", who);
    r.put("IsParent", parent);
    r.put("IsInvitee", invitee);
    r.put("IsWhat", Boolean.FALSE);
    r.put("IsDeleted", Boolean.FALSE);
    r.put("Status", invitee ? "New" : null);
    stamp(r, stamp, true);
    relations.put(id, r);
  }

  /** Changes an Event's fields (a reschedule, a new subject); bumps its stamps. */
  void updateEvent(String id, Map<String, Object> fields, Instant stamp) {
    Map<String, Object> e = events.get(id);
    if (e == null || Boolean.TRUE.equals(e.get("IsDeleted"))) {
      throw new IllegalArgumentException("no such event " + id);
    }
    e.putAll(fields);
    if (fields.containsKey("StartDateTime")) {
      e.put(
          "ActivityDate",
          LocalDate.ofInstant((Instant) fields.get("StartDateTime"), ZoneOffset.UTC));
    }
    stamp(e, stamp, false);
  }

  /** Deletes an Event and its relations, as the recycle bin keeps them. */
  void deleteEvent(String id, Instant stamp) {
    Map<String, Object> e = events.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no such event " + id);
    }
    e.put("IsDeleted", Boolean.TRUE);
    stamp(e, stamp, false);
    for (Map<String, Object> r : relations.values()) {
      if (id.equals(r.get("EventId"))) {
        r.put("IsDeleted", Boolean.TRUE);
        stamp(r, stamp, false);
      }
    }
  }

  private static void stamp(Map<String, Object> record, Instant stamp, boolean created) {
    if (created) {
      record.put("CreatedDate", stamp);
    }
    record.put("LastModifiedDate", stamp);
    record.put("SystemModstamp", stamp);
  }

  /** Query rows of Event or EventRelation; deleted ones only for queryAll. */
  List<Map<String, Object>> rows(String object, boolean all, Function<String, String> leadName) {
    Map<String, Map<String, Object>> source = object.equals("Event") ? events : relations;
    String idField = object.equals("Event") ? "WhoId" : "RelationId";
    String relationship = object.equals("Event") ? "Who" : "Relation";
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> record : source.values()) {
      if (!all && Boolean.TRUE.equals(record.get("IsDeleted"))) {
        continue;
      }
      Map<String, Object> row = new HashMap<>(record);
      String who = (String) record.get(idField);
      if (who != null) {
        String[] person = people.get(who);
        String name = person != null ? person[1] : leadName.apply(who);
        if (name != null) {
          row.put(relationship + ".Name", name);
          row.put(relationship + ".__type", person != null ? person[0] : "Lead");
          row.put(relationship + ".__id", who);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  Map<String, Object> event(String id) {
    Map<String, Object> e = events.get(id);
    return e == null ? null : new HashMap<>(e);
  }
}
