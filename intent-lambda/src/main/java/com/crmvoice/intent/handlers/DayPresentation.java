package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.interfaces.alexa.presentation.apl.RenderDocumentDirective;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.ClosingDeals.DealMention;
import com.crmvoice.core.service.day.Day;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words and the screen of the day intents: the briefing's sections (each left out when empty,
 * each capped so the whole answer stays near 30 seconds spoken), a meeting's time in the user's
 * zone and locale, lists joined the locale's way, the APL list; and the tasks the user completed in
 * this session (read your writes until the worker has written back).
 */
final class DayPresentation {

  /** Meetings, tasks, new leads and deals read by name at most: the rest are counted. */
  static final int MAX_NAMED = 3;

  /** Tasks read by subject at most ("count, then the first few"). */
  static final int MAX_TASKS_NAMED = 2;

  static final String COMPLETED_TASKS = "completedTasks";
  private static final String APL_TOKEN = "crmvoice-day";
  private static final Map<String, Object> DOCUMENT = load("/com/crmvoice/intent/apl/day.json");

  private DayPresentation() {}

  /** The answer, with the session kept open and the day's own offer after it. */
  static java.util.Optional<com.amazon.ask.model.Response> offer(
      HandlerInput input, Speech speech, String text) {
    return offering(input, speech, text).build();
  }

  static com.amazon.ask.response.ResponseBuilder offering(
      HandlerInput input, Speech speech, String text) {
    String offer = speech.say("day.offer");
    return input
        .getResponseBuilder()
        .withSpeech(text + " " + offer)
        .withReprompt(offer)
        .withShouldEndSession(false);
  }

  /** The user's time zone for this request (the device's, else the configured default). */
  static ZoneId zone(HandlerInput input, LeadWork work) {
    return work.timeZones()
        .zone(
            Requests.apiEndpoint(input), Requests.apiAccessToken(input), Requests.deviceId(input));
  }

  /** About 30 seconds spoken, at 150 words a minute: the briefing's budget. */
  static final int BRIEFING_WORDS = 75;

  /**
   * The briefing: every section that has something, with fewer tasks and then fewer meetings named
   * (the rest counted) while it would pass {@link #BRIEFING_WORDS} words.
   */
  static String briefing(Speech speech, Day day, Set<String> completed) {
    int[][] caps = {{MAX_NAMED, MAX_TASKS_NAMED}, {MAX_NAMED, 1}, {2, 1}, {1, 1}};
    String text = "";
    for (int[] cap : caps) {
      text = briefing(speech, day, completed, cap[0], cap[1]);
      if (text.split("\\s+").length <= BRIEFING_WORDS) {
        break;
      }
    }
    return text;
  }

  private static String briefing(
      Speech speech, Day day, Set<String> completed, int meetingsNamed, int tasksNamed) {
    List<String> parts = new ArrayList<>();
    parts.add(speech.say("briefing.intro"));
    if (!day.meetings().isEmpty()) {
      List<String> named = new ArrayList<>();
      for (CalendarEvent e : day.meetings()) {
        named.add(meeting(speech, e, day.zone()));
      }
      parts.add(
          day.meetings().size() == 1
              ? speech.say("briefing.meetings.one", named.get(0))
              : speech.say(
                  "briefing.meetings.many",
                  day.meetings().size(),
                  list(speech, named, meetingsNamed)));
    }
    List<OpenTask> due = open(day.dueToday(), completed);
    List<OpenTask> overdue = open(day.overdue(), completed);
    if (!due.isEmpty() || !overdue.isEmpty()) {
      parts.add(tasks(speech, due, overdue, tasksNamed));
    }
    if (!day.newLeads().isEmpty()) {
      List<String> names = day.newLeads().stream().map(l -> l.name()).toList();
      parts.add(
          names.size() == 1
              ? speech.say("briefing.newleads.one", names.get(0))
              : speech.say("briefing.newleads.many", names.size(), list(speech, names, MAX_NAMED)));
    }
    if (!day.closingThisWeek().isEmpty()) {
      List<String> names = day.closingThisWeek().stream().map(DealMention::name).toList();
      parts.add(
          names.size() == 1
              ? speech.say("briefing.deals.one", names.get(0))
              : speech.say("briefing.deals.many", names.size(), list(speech, names, MAX_NAMED)));
    }
    if (day.topLead() != null) {
      parts.add(speech.say("briefing.toplead", day.topLead().fullName()));
    }
    if (parts.size() == 1) {
      return speech.say("briefing.clear");
    }
    return String.join(" ", parts);
  }

  /** "Two tasks are due today and one is overdue: Send the proposal, Call back, and …". */
  static String tasks(Speech speech, List<OpenTask> due, List<OpenTask> overdue) {
    return tasks(speech, due, overdue, MAX_TASKS_NAMED);
  }

  private static String tasks(
      Speech speech, List<OpenTask> due, List<OpenTask> overdue, int named) {
    String count;
    if (overdue.isEmpty()) {
      count =
          due.size() == 1
              ? speech.plain("tasks.due.one")
              : speech.plain("tasks.due.many", due.size());
    } else if (due.isEmpty()) {
      count =
          overdue.size() == 1
              ? speech.plain("tasks.overdue.one")
              : speech.plain("tasks.overdue.many", overdue.size());
    } else {
      count =
          speech.plain(
              "tasks.both",
              due.size() == 1
                  ? speech.plain("tasks.due.one")
                  : speech.plain("tasks.due.many", due.size()),
              overdue.size() == 1
                  ? speech.plain("tasks.overdue.short.one")
                  : speech.plain("tasks.overdue.short.many", overdue.size()));
    }
    List<String> subjects = new ArrayList<>();
    for (OpenTask t : overdue) {
      subjects.add(subject(speech, t));
    }
    for (OpenTask t : due) {
      subjects.add(subject(speech, t));
    }
    return speech.say("tasks.line", count, list(speech, subjects, named));
  }

  static String subject(Speech speech, OpenTask task) {
    String subject = task.subject() == null ? speech.plain("task.untitled") : task.subject();
    return task.whoName() == null ? subject : speech.plain("task.with", subject, task.whoName());
  }

  static List<OpenTask> open(List<OpenTask> tasks, Set<String> completed) {
    return tasks.stream().filter(t -> !completed.contains(t.id())).toList();
  }

  /** "at 9:30 AM, Discovery call with Maria Garcia" in the user's zone. */
  static String meeting(Speech speech, CalendarEvent e, ZoneId zone) {
    String subject = e.subject() == null ? speech.plain("meeting.untitled") : e.subject();
    String what =
        e.with().isEmpty()
            ? subject
            : speech.plain("meeting.with", subject, list(speech, e.with(), 2));
    return e.allDay()
        ? speech.plain("meeting.allday", what)
        : speech.plain("meeting.at", time(speech, e.start(), zone), what);
  }

  static String time(Speech speech, Instant at, ZoneId zone) {
    return DateTimeFormatter.ofPattern(speech.plain("time.pattern"), locale(speech))
        .format(at.atZone(zone));
  }

  /** "today", "tomorrow" or "on Friday", for a day from today. */
  static String dayWord(Speech speech, LocalDate day, LocalDate today) {
    if (day.equals(today)) {
      return speech.plain("day.today");
    }
    if (day.equals(today.plusDays(1))) {
      return speech.plain("day.tomorrow");
    }
    return speech.plain(
        "day.other", day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale(speech)));
  }

  static Locale locale(Speech speech) {
    return Locale.forLanguageTag(speech.locale());
  }

  /** "a, b and c", the first {@code max} (0: all) and "n more" for the rest. */
  static String list(Speech speech, List<String> items, int max) {
    List<String> shown =
        new ArrayList<>(max > 0 && items.size() > max ? items.subList(0, max) : items);
    if (shown.size() < items.size()) {
      shown.add(speech.plain("list.more", items.size() - shown.size()));
    }
    if (shown.size() == 1) {
      return shown.get(0);
    }
    return speech.plain(
        "list.and",
        String.join(", ", shown.subList(0, shown.size() - 1)),
        shown.get(shown.size() - 1));
  }

  @SuppressWarnings("unchecked")
  static Set<String> completed(HandlerInput input) {
    Object value = input.getAttributesManager().getSessionAttributes().get(COMPLETED_TASKS);
    return value instanceof List<?> list ? Set.copyOf((List<String>) list) : Set.of();
  }

  static void completedNow(HandlerInput input, String taskId) {
    List<String> ids = new ArrayList<>(completed(input));
    ids.add(taskId);
    input.getAttributesManager().getSessionAttributes().put(COMPLETED_TASKS, ids);
  }

  /** The APL list: one row per meeting, task, new lead and deal, each with its section. */
  static RenderDocumentDirective apl(Speech speech, Day day, Set<String> completed) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (CalendarEvent e : day.meetings()) {
      rows.add(row(speech.plain("apl.meeting"), Speech.xmlSafe(meeting(speech, e, day.zone()))));
    }
    for (OpenTask t : open(day.overdue(), completed)) {
      rows.add(row(speech.plain("apl.overdue"), Speech.xmlSafe(subject(speech, t))));
    }
    for (OpenTask t : open(day.dueToday(), completed)) {
      rows.add(row(speech.plain("apl.task"), Speech.xmlSafe(subject(speech, t))));
    }
    day.newLeads()
        .forEach(l -> rows.add(row(speech.plain("apl.newlead"), Speech.xmlSafe(l.name()))));
    day.closingThisWeek()
        .forEach(d -> rows.add(row(speech.plain("apl.deal"), Speech.xmlSafe(d.name()))));
    if (day.topLead() != null) {
      rows.add(row(speech.plain("apl.toplead"), Speech.xmlSafe(day.topLead().fullName())));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", speech.plain("apl.title"));
    data.put("rows", rows);
    return RenderDocumentDirective.builder()
        .withToken(APL_TOKEN)
        .withDocument(DOCUMENT)
        .withDatasources(Map.of("day", data))
        .build();
  }

  private static Map<String, String> row(String section, String text) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("section", section);
    row.put("text", text);
    return row;
  }

  private static Map<String, Object> load(String resource) {
    try (InputStream in = DayPresentation.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
