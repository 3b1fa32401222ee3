package com.crmvoice.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one CRM user's day holds, as the cache keeps it: their meetings in the refresher's window
 * (soonest first), their open tasks due up to the window's last day (earliest due first) and the
 * leads that became theirs recently (newest first). The skill picks today's part in the user's time
 * zone; the window is wide enough for every zone (docs/briefing.md, "The cache").
 */
public record Agenda(
    String ownerId, List<CalendarEvent> events, List<OpenTask> tasks, List<LeadArrival> newLeads) {

  /**
   * Most items of each kind kept per owner: a day's worth many times over, one item in DynamoDB.
   */
  public static final int MAX_PER_SECTION = 50;

  public static final Comparator<CalendarEvent> SOONEST_FIRST =
      Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::id);
  public static final Comparator<OpenTask> EARLIEST_DUE_FIRST =
      Comparator.comparing(OpenTask::dueDate).thenComparing(OpenTask::id);
  public static final Comparator<LeadArrival> NEWEST_FIRST =
      Comparator.comparing(LeadArrival::createdAt).reversed().thenComparing(LeadArrival::id);

  /** Sorts each section and keeps at most {@link #MAX_PER_SECTION} of it. */
  public Agenda {
    LeadActivity.requireText(ownerId, "ownerId");
    events = events.stream().sorted(SOONEST_FIRST).limit(MAX_PER_SECTION).toList();
    tasks = tasks.stream().sorted(EARLIEST_DUE_FIRST).limit(MAX_PER_SECTION).toList();
    newLeads = newLeads.stream().sorted(NEWEST_FIRST).limit(MAX_PER_SECTION).toList();
  }

  public static Agenda empty(String ownerId) {
    return new Agenda(ownerId, List.of(), List.of(), List.of());
  }

  /** The same agenda without the task (a task completed by the user). */
  public Agenda withoutTask(String taskId) {
    return new Agenda(
        ownerId, events, tasks.stream().filter(t -> !t.id().equals(taskId)).toList(), newLeads);
  }

  /**
   * The same agenda with the task (a task the user created); this agenda when one with its id is
   * already there, so a redelivered create adds it once.
   */
  public Agenda withTask(OpenTask task) {
    if (!task.ownerId().equals(ownerId)) {
      throw new IllegalArgumentException("task belongs to another owner");
    }
    if (tasks.stream().anyMatch(t -> t.id().equals(task.id()))) {
      return this;
    }
    return new Agenda(
        ownerId, events, Stream.concat(tasks.stream(), Stream.of(task)).toList(), newLeads);
  }

  /**
   * A fingerprint of everything the agenda holds: equal agendas, equal digests. Lets a pass skip an
   * owner whose day did not change without reading the stored one.
   */
  public String digest() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    field(sha, ownerId);
    for (CalendarEvent e : events) {
      field(sha, "E");
      field(sha, e.id());
      field(sha, e.subject());
      field(sha, e.start().toString());
      field(sha, e.end() == null ? null : e.end().toString());
      field(sha, Boolean.toString(e.allDay()));
      field(sha, String.join("\u0000", e.with()));
    }
    for (OpenTask t : tasks) {
      field(sha, "T");
      field(sha, t.id());
      field(sha, t.subject());
      field(sha, t.dueDate().toString());
      field(sha, t.whoName());
      field(sha, t.modifiedAt() == null ? null : t.modifiedAt().toString());
    }
    for (LeadArrival l : newLeads) {
      field(sha, "L");
      field(sha, l.id());
      field(sha, l.name());
      field(sha, l.company());
      field(sha, l.createdAt().toString());
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 16);
  }

  // Length-prefixed, -1 for null: no two different agendas read the same.
  private static void field(MessageDigest sha, String value) {
    byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    sha.update(
        Integer.toString(value == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }
}
