package com.crmvoice.adapters.codec;

import com.crmvoice.core.domain.CompleteTask;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.InvalidLeadException;
import com.crmvoice.core.domain.LeadActivity;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The one JSON format of commands, for the sender (skill) and the consumer (worker) alike, and for
 * the payload kept in the command log. Versioned: a consumer refuses a version it does not know
 * rather than guess.
 *
 * <pre>{"version":1,"type":"CreateLead","commandId":"...","ownerId":"...",
 * "requestedAt":"2026-01-01T10:00:00Z","lead":{"firstName":..,"lastName":..,"company":..,
 * "email":..,"phone":..}}</pre>
 *
 * <p>The {@code type} names the command; the commands on an existing lead carry {@code
 * "lead":{"id":..,"name":..}} and their own fields (version 1 still: a type is added, no field of
 * an older type changes, so every message written before decodes as it did):
 *
 * <pre>{"type":"UpdateLeadStatus",...,"lead":{"id":"00Q..","name":"Maria Garcia"},
 * "fromStatus":"Open - Not Contacted","toStatus":"Working - Contacted",
 * "heardModifiedAt":"2026-01-01T10:00:00Z"}
 * {"type":"LogCall",...,"subject":"Call with Maria Garcia","notes":"..","callDate":"2026-01-02"}
 * {"type":"CreateTask",...,"subject":"Send the proposal","dueDate":"2026-01-09"}</pre>
 *
 * <p>The update of a deal carries {@code "deal"} instead of {@code "lead"}, what the user heard,
 * and what to set (amounts as decimal strings, never binary floating point):
 *
 * <pre>{"type":"UpdateOpportunity",...,"deal":{"id":"006..","name":"Acme expansion"},
 * "heard":{"stage":"Prospecting","amount":"42500.00","closeDate":"2026-12-05",
 * "nextStep":"..","modifiedAt":"2026-01-01T10:00:00Z"},"set":{"stage":"Negotiation/Review"}}</pre>
 *
 * <p>A command on one of the user's tasks carries {@code "task":{"id":..,"subject":..}} instead of
 * a lead (still version 1: a new type, no older field changed):
 *
 * <pre>{"type":"CompleteTask",...,"task":{"id":"00T..","subject":"Send the proposal"},
 * "heardModifiedAt":"2026-01-01T10:00:00Z"}</pre>
 */
public final class CommandCodec {

  public static final int VERSION = 1;
  public static final String TYPE_CREATE_LEAD = "CreateLead";
  public static final String TYPE_UPDATE_LEAD_STATUS = "UpdateLeadStatus";
  public static final String TYPE_LOG_CALL = "LogCall";
  public static final String TYPE_CREATE_TASK = "CreateTask";
  public static final String TYPE_UPDATE_OPPORTUNITY = "UpdateOpportunity";
  public static final String TYPE_COMPLETE_TASK = "CompleteTask";

  private final ObjectMapper json = new ObjectMapper();

  public String encode(CrmCommand command) {
    ObjectNode root = json.createObjectNode();
    root.put("version", VERSION);
    root.put("type", typeOf(command));
    root.put("commandId", command.commandId());
    root.put("ownerId", command.ownerId());
    root.put("requestedAt", command.requestedAt().toString());
    if (command instanceof UpdateOpportunity update) {
      DealCommands.encode(root, update);
    } else if (command instanceof CreateLead create) {
      ObjectNode lead = root.putObject("lead");
      NewLead values = create.lead();
      putIfPresent(lead, "firstName", values.firstName());
      putIfPresent(lead, "lastName", values.lastName());
      putIfPresent(lead, "company", values.company());
      putIfPresent(lead, "email", values.email());
      putIfPresent(lead, "phone", values.phone());
    } else if (command instanceof CompleteTask complete) {
      root.putObject("task").put("id", complete.taskId()).put("subject", complete.taskSubject());
      if (complete.heardModifiedAt() != null) {
        root.put("heardModifiedAt", complete.heardModifiedAt().toString());
      }
    } else if (command instanceof LeadActivity activity) {
      root.putObject("lead").put("id", activity.leadId()).put("name", activity.leadName());
      if (activity instanceof UpdateLeadStatus update) {
        putIfPresent(root, "fromStatus", update.fromStatus());
        root.put("toStatus", update.toStatus());
        if (update.heardModifiedAt() != null) {
          root.put("heardModifiedAt", update.heardModifiedAt().toString());
        }
      } else if (activity instanceof LogCall call) {
        root.put("subject", call.subject());
        root.put("notes", call.notes());
        root.put("callDate", call.callDate().toString());
      } else if (activity instanceof CreateTask task) {
        root.put("subject", task.subject());
        root.put("dueDate", task.dueDate().toString());
      }
    }
    try {
      return json.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a command always serialises", e);
    }
  }

  /** The command type's name as it travels ("CreateLead"). */
  public static String typeOf(CrmCommand command) {
    if (command instanceof CreateLead) {
      return TYPE_CREATE_LEAD;
    }
    if (command instanceof UpdateLeadStatus) {
      return TYPE_UPDATE_LEAD_STATUS;
    }
    if (command instanceof LogCall) {
      return TYPE_LOG_CALL;
    }
    if (command instanceof CreateTask) {
      return TYPE_CREATE_TASK;
    }
    if (command instanceof UpdateOpportunity) {
      return TYPE_UPDATE_OPPORTUNITY;
    }
    if (command instanceof CompleteTask) {
      return TYPE_COMPLETE_TASK;
    }
    throw new IllegalArgumentException("no wire name for " + command.getClass().getSimpleName());
  }

  /**
   * Reads a command.
   *
   * @throws MalformedCommandException for bad JSON, an unknown version or type, missing fields or
   *     values that break the domain's rules
   */
  public CrmCommand decode(String body) {
    JsonNode root = VersionedMessage.read(json, body, VERSION, "");
    String type = text(root, "type", true);
    if (!TYPE_CREATE_LEAD.equals(type)
        && !TYPE_UPDATE_LEAD_STATUS.equals(type)
        && !TYPE_LOG_CALL.equals(type)
        && !TYPE_CREATE_TASK.equals(type)
        && !TYPE_UPDATE_OPPORTUNITY.equals(type)
        && !TYPE_COMPLETE_TASK.equals(type)) {
      throw new MalformedCommandException("unknown command type '" + truncate(type) + "'");
    }
    String commandId = text(root, "commandId", true);
    String ownerId = text(root, "ownerId", true);
    Instant requestedAt;
    try {
      requestedAt = Instant.parse(text(root, "requestedAt", true));
    } catch (DateTimeParseException e) {
      throw new MalformedCommandException("requestedAt is not an ISO-8601 instant");
    }
    if (TYPE_UPDATE_OPPORTUNITY.equals(type)) {
      return DealCommands.decode(root, commandId, ownerId, requestedAt);
    }
    if (TYPE_COMPLETE_TASK.equals(type)) {
      return decodeCompleteTask(root, commandId, ownerId, requestedAt);
    }
    JsonNode lead = root.get("lead");
    if (lead == null || !lead.isObject()) {
      throw new MalformedCommandException("no lead object");
    }
    if (!TYPE_CREATE_LEAD.equals(type)) {
      return decodeActivity(type, root, lead, commandId, ownerId, requestedAt);
    }
    try {
      NewLead values =
          new NewLead(
              text(lead, "firstName", false),
              text(lead, "lastName", false),
              text(lead, "company", false),
              text(lead, "email", false),
              text(lead, "phone", false));
      return new CreateLead(commandId, ownerId, values, requestedAt);
    } catch (InvalidLeadException e) {
      throw new MalformedCommandException("lead breaks the CRM's rules: " + e.violations(), e);
    }
  }

  private static CrmCommand decodeActivity(
      String type,
      JsonNode root,
      JsonNode lead,
      String commandId,
      String ownerId,
      Instant requestedAt) {
    String leadId = text(lead, "id", true);
    String leadName = text(lead, "name", true);
    try {
      return switch (type) {
        case TYPE_UPDATE_LEAD_STATUS -> {
          String heard = text(root, "heardModifiedAt", false);
          yield new UpdateLeadStatus(
              commandId,
              ownerId,
              leadId,
              leadName,
              text(root, "fromStatus", false),
              text(root, "toStatus", true),
              heard == null ? null : instant(heard, "heardModifiedAt"),
              requestedAt);
        }
        case TYPE_LOG_CALL ->
            new LogCall(
                commandId,
                ownerId,
                leadId,
                leadName,
                text(root, "subject", true),
                text(root, "notes", true),
                date(text(root, "callDate", true), "callDate"),
                requestedAt);
        default ->
            new CreateTask(
                commandId,
                ownerId,
                leadId,
                leadName,
                text(root, "subject", true),
                date(text(root, "dueDate", true), "dueDate"),
                requestedAt);
      };
    } catch (IllegalArgumentException e) {
      throw new MalformedCommandException(type + " breaks the command's rules: " + e.getMessage());
    }
  }

  private static CrmCommand decodeCompleteTask(
      JsonNode root, String commandId, String ownerId, Instant requestedAt) {
    JsonNode task = root.get("task");
    if (task == null || !task.isObject()) {
      throw new MalformedCommandException("no task object");
    }
    String heard = text(root, "heardModifiedAt", false);
    try {
      return new CompleteTask(
          commandId,
          ownerId,
          text(task, "id", true),
          text(task, "subject", true),
          heard == null ? null : instant(heard, "heardModifiedAt"),
          requestedAt);
    } catch (IllegalArgumentException e) {
      throw new MalformedCommandException(
          TYPE_COMPLETE_TASK + " breaks the command's rules: " + e.getMessage());
    }
  }

  static Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new MalformedCommandException(field + " is not an ISO-8601 instant");
    }
  }

  static LocalDate date(String value, String field) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new MalformedCommandException(field + " is not an ISO-8601 date");
    }
  }

  static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new MalformedCommandException("missing " + field);
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new MalformedCommandException(field + " is not a string");
    }
    if (required && value.asText().isBlank()) {
      throw new MalformedCommandException("blank " + field);
    }
    return value.asText();
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String truncate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
