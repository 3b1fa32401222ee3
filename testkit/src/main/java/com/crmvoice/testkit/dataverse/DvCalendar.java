package com.crmvoice.testkit.dataverse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The test controls of the fake environment's calendar, set up and read directly (not over the Web
 * API, not counted as calls): contacts, appointments (scheduled, regarding a lead or contact, with
 * their activity parties: the owner as organizer, participationtypemask 7, and each attendee as a
 * required one, 5) and tasks (open until completed; due at noon UTC of their day, as the adapter
 * writes follow-ups). Every method holds the fake's monitor.
 */
public final class DvCalendar {

  /** activityparty.participationtypemask of a required attendee. */
  public static final int REQUIRED_ATTENDEE = 5;

  /** activityparty.participationtypemask of the organizer. */
  public static final int ORGANIZER = 7;

  private final FakeDataverse fake;
  private final Schema schema;

  DvCalendar(FakeDataverse fake, Schema schema) {
    this.fake = fake;
    this.schema = schema;
  }

  public String addContact(String firstName, String lastName) {
    synchronized (fake) {
      Map<String, Object> row = new HashMap<>();
      row.put("firstname", firstName);
      row.put("lastname", lastName);
      row.put("fullname", firstName + " " + lastName);
      return schema.contacts.insert(row);
    }
  }

  /**
   * Inserts a scheduled appointment of {@code ownerId} regarding {@code regardingId} (a lead or a
   * contact, or null) with these attendees (lead, contact or user ids); answers its id.
   */
  public String insertAppointment(
      String ownerId,
      String subject,
      Instant start,
      Instant end,
      String regardingId,
      List<String> attendeeIds) {
    synchronized (fake) {
      String owner = ownerId.toLowerCase(Locale.ROOT);
      Map<String, Object> row = new HashMap<>();
      row.put("_ownerid_value", owner);
      row.put("subject", subject);
      row.put("scheduledstart", start);
      row.put("scheduledend", end);
      row.put("isalldayevent", false);
      row.put("statecode", 3);
      row.put("statuscode", 5);
      row.put("_regardingobjectid_value", regardingId);
      String id = schema.appointments.insert(row);
      party(id, owner, ORGANIZER);
      for (String attendee : attendeeIds) {
        party(id, attendee, REQUIRED_ATTENDEE);
      }
      return id;
    }
  }

  private void party(String activityId, String partyId, int mask) {
    Map<String, Object> row = new HashMap<>();
    row.put("_activityid_value", activityId);
    row.put("_partyid_value", partyId.toLowerCase(Locale.ROOT));
    row.put("participationtypemask", mask);
    schema.activityparties.insert(row);
  }

  /** Changes an appointment (scheduledstart, subject, _ownerid_value, ...): a new modifiedon. */
  public void updateAppointment(String id, Map<String, Object> columns) {
    synchronized (fake) {
      schema.appointments.update(id.toLowerCase(Locale.ROOT), new HashMap<>(columns));
    }
  }

  /** Deletes an appointment and its activity parties (Dataverse's queries no longer see them). */
  public void deleteAppointment(String id) {
    synchronized (fake) {
      String key = id.toLowerCase(Locale.ROOT);
      schema.appointments.delete(key);
      schema.activityparties.rows().stream()
          .filter(p -> key.equals(p.get("_activityid_value")))
          .map(p -> (String) p.get("activitypartyid"))
          .toList()
          .forEach(schema.activityparties::delete);
    }
  }

  public List<Map<String, Object>> appointments() {
    synchronized (fake) {
      return schema.appointments.copies();
    }
  }

  /**
   * Inserts an open task (Not Started) of {@code ownerId} regarding a lead (or null), due a day.
   */
  public String insertTask(String ownerId, String regardingLeadId, String subject, LocalDate due) {
    synchronized (fake) {
      Map<String, Object> row = new HashMap<>();
      row.put("_ownerid_value", ownerId.toLowerCase(Locale.ROOT));
      row.put("_regardingobjectid_value", regardingLeadId);
      row.put("subject", subject);
      row.put("scheduledend", due.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
      row.put("statecode", 0);
      row.put("statuscode", 2);
      return schema.tasks.insert(row);
    }
  }

  /** Changes a task directly (subject, statecode, ...): a new version and modifiedon. */
  public void updateTask(String id, Map<String, Object> columns) {
    synchronized (fake) {
      schema.tasks.update(id.toLowerCase(Locale.ROOT), new HashMap<>(columns));
    }
  }

  public void deleteTask(String id) {
    synchronized (fake) {
      schema.tasks.delete(id.toLowerCase(Locale.ROOT));
    }
  }

  /** The task as stored (a copy without nulls), or null. */
  public Map<String, Object> task(String id) {
    synchronized (fake) {
      Map<String, Object> row = schema.tasks.row(id);
      return row == null ? null : Map.copyOf(Table.withoutNulls(row));
    }
  }
}
