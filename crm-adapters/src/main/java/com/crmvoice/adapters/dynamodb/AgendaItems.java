package com.crmvoice.adapters.dynamodb;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.StorageUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Agenda} as the JSON its DynamoDB item holds in one attribute ({@code body}): events,
 * tasks and new leads as arrays of short objects, version 1. A body that does not read is a storage
 * failure, never a partial agenda.
 *
 * <pre>{"v":1,"events":[{"id":..,"subject":..,"start":"2026-..Z","end":..,"allDay":false,
 * "with":["Maria Garcia"]}],"tasks":[{"id":..,"subject":..,"due":"2026-03-10","who":..,
 * "modifiedAt":..}],"leads":[{"id":..,"name":..,"company":..,"createdAt":..}]}</pre>
 */
final class AgendaItems {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  private AgendaItems() {}

  static String body(Agenda agenda) {
    ObjectNode root = JSON.createObjectNode().put("v", VERSION);
    ArrayNode events = root.putArray("events");
    for (CalendarEvent e : agenda.events()) {
      ObjectNode n = events.addObject().put("id", e.id()).put("start", e.start().toString());
      n.put("subject", e.subject());
      n.put("end", e.end() == null ? null : e.end().toString());
      n.put("allDay", e.allDay());
      ArrayNode with = n.putArray("with");
      e.with().forEach(with::add);
    }
    ArrayNode tasks = root.putArray("tasks");
    for (OpenTask t : agenda.tasks()) {
      ObjectNode n = tasks.addObject().put("id", t.id()).put("due", t.dueDate().toString());
      n.put("subject", t.subject());
      n.put("who", t.whoName());
      n.put("modifiedAt", t.modifiedAt() == null ? null : t.modifiedAt().toString());
    }
    ArrayNode leads = root.putArray("leads");
    for (LeadArrival l : agenda.newLeads()) {
      leads
          .addObject()
          .put("id", l.id())
          .put("name", l.name())
          .put("company", l.company())
          .put("createdAt", l.createdAt().toString());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an agenda always serialises", e);
    }
  }

  static Agenda agenda(String ownerId, String body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || root.path("v").asInt() != VERSION) {
        throw new StorageUnavailableException("agenda cache: unknown item version", null);
      }
      List<CalendarEvent> events = new ArrayList<>();
      for (JsonNode n : root.path("events")) {
        List<String> with = new ArrayList<>();
        n.path("with").forEach(w -> with.add(w.asText()));
        events.add(
            new CalendarEvent(
                n.path("id").asText(),
                ownerId,
                text(n, "subject"),
                Instant.parse(n.path("start").asText()),
                n.hasNonNull("end") ? Instant.parse(n.get("end").asText()) : null,
                n.path("allDay").asBoolean(false),
                with));
      }
      List<OpenTask> tasks = new ArrayList<>();
      for (JsonNode n : root.path("tasks")) {
        tasks.add(
            new OpenTask(
                n.path("id").asText(),
                ownerId,
                text(n, "subject"),
                LocalDate.parse(n.path("due").asText()),
                text(n, "who"),
                n.hasNonNull("modifiedAt") ? Instant.parse(n.get("modifiedAt").asText()) : null));
      }
      List<LeadArrival> leads = new ArrayList<>();
      for (JsonNode n : root.path("leads")) {
        leads.add(
            new LeadArrival(
                n.path("id").asText(),
                ownerId,
                text(n, "name"),
                text(n, "company"),
                Instant.parse(n.path("createdAt").asText())));
      }
      return new Agenda(ownerId, events, tasks, leads);
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof StorageUnavailableException s) {
        throw s;
      }
      throw new StorageUnavailableException(
          "agenda cache: an item does not read (" + e.getClass().getSimpleName() + ")", null);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
