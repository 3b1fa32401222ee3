package com.crmvoice.core.service.worker;

import com.crmvoice.core.domain.CompleteTask;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.LeadActivity;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.port.AgendaCache;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CalendarGateway.CompleteTaskRequest;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmGateway.CreateLeadRequest;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmGateway.CreateTaskRequest;
import com.crmvoice.core.port.CrmGateway.StatusUpdateRequest;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.service.refresher.AgendaWindow;
import com.crmvoice.core.service.worker.CommandProcessor.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM calls of a batch for {@link CommandProcessor}, one per kind of write, each answering what
 * every command came to. A lead create that went unanswered is looked up by its external id before
 * anything is declared; a status change that was applied is written back to the cache, and a task
 * completed or a follow-up created to the owner's cached agenda (read your writes).
 */
final class CrmWrites {

  // The outcome lines are the processor's, under its name.
  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

  /** A decoded command and the message that carried it. */
  record Work(Message message, CrmCommand command) {}

  /** What one command came to at the CRM, whatever its type. */
  sealed interface Outcome {
    record Done(String crmId, boolean changed) implements Outcome {}

    record Rejected(String errorCode, String message) implements Outcome {}

    /** {@code reason} (a code) overrides the set-aside code when not null. */
    record Retry(String errorCode, String reason) implements Outcome {
      Retry(String errorCode) {
        this(errorCode, null);
      }
    }
  }

  private final CrmGateway crm;
  private final CacheWriteBack writeBack;
  private final CalendarGateway calendar;
  private final AgendaCache agendas;
  private final Clock clock;

  CrmWrites(
      CrmGateway crm,
      CacheWriteBack writeBack,
      CalendarGateway calendar,
      AgendaCache agendas,
      Clock clock) {
    this.crm = crm;
    this.writeBack = writeBack;
    this.calendar = calendar;
    this.agendas = agendas;
    this.clock = clock;
  }

  /**
   * Completes tasks in one calendar call (the gateway chunks it); a completed task leaves its
   * owner's cached agenda at once. Without a calendar each is rejected for good.
   */
  List<Outcome> completeTasks(List<Work> works) {
    if (calendar == null) {
      return works.stream()
          .map(w -> (Outcome) new Outcome.Rejected(FailureReasons.CODE_NO_CALENDAR, "no calendar"))
          .toList();
    }
    List<CompleteTask> commands = works.stream().map(w -> (CompleteTask) w.command()).toList();
    List<UpdateResult> results =
        calendar.completeTasks(
            commands.stream()
                .map(c -> new CompleteTaskRequest(c.taskId(), c.heardModifiedAt()))
                .toList());
    List<Outcome> outcomes = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      CompleteTask command = commands.get(i);
      UpdateResult result = results.get(i);
      if (result instanceof UpdateResult.Updated u) {
        taskCompleted(command);
        outcomes.add(new Outcome.Done(command.taskId(), u.changed()));
      } else if (result instanceof UpdateResult.Rejected r) {
        outcomes.add(new Outcome.Rejected(r.errorCode(), r.message()));
      } else {
        outcomes.add(new Outcome.Retry(((UpdateResult.Retryable) result).errorCode()));
      }
    }
    return outcomes;
  }

  private void taskCompleted(CompleteTask command) {
    // The next agenda pass takes it out if this fails; the completion itself stands.
    agendaWriteBack(command, a -> a.removeTask(command.ownerId(), command.taskId()));
  }

  /**
   * Read your writes: a follow-up the CRM now holds joins its owner's cached agenda when it is due
   * within the agenda's window ({@link AgendaWindow}, as the refresher would keep it). A call log
   * is a completed task, never on the agenda.
   */
  private void taskCreated(LeadActivity command, String taskId) {
    if (!(command instanceof CreateTask task)
        || task.dueDate().isAfter(AgendaWindow.at(clock.instant()).tasksDueBy())) {
      return;
    }
    OpenTask open =
        new OpenTask(taskId, task.ownerId(), task.subject(), task.dueDate(), task.leadName(), null);
    agendaWriteBack(command, a -> a.addTask(open));
  }

  private void agendaWriteBack(CrmCommand command, Consumer<AgendaCache> write) {
    if (agendas == null) {
      return;
    }
    try {
      write.accept(agendas);
    } catch (RuntimeException e) {
      // The next agenda pass catches up; the CRM write itself stands.
      LOG.warn(
          "agenda write-back failed commandId={} error={}",
          command.commandId(),
          e.getClass().getSimpleName());
    }
  }

  List<Outcome> createLeads(List<Work> works) {
    List<CreateLeadRequest> requests =
        works.stream()
            .map(w -> (CreateLead) w.command())
            .map(c -> new CreateLeadRequest(c.commandId(), c.ownerId(), c.lead()))
            .toList();
    List<CreateResult> results;
    try {
      results = crm.createLeads(requests);
    } catch (CrmUnavailableException u) {
      if (!u.outcomeUnknown()) {
        throw u;
      }
      // No answer came: the CRM may have created every lead or none. Each is looked up by its
      // external id below before anything is declared.
      results =
          works.stream()
              .map(w -> (CreateResult) new CreateResult.Retryable(u.errorCode(), u.getMessage()))
              .toList();
      LOG.warn(
          "batch outcome=crm-call-unanswered code={} commands={}", u.errorCode(), works.size());
    }
    List<Outcome> outcomes = new ArrayList<>(results.size());
    boolean lookupsAnswer = true;
    for (int i = 0; i < results.size(); i++) {
      CreateResult result = results.get(i);
      if (!(result instanceof CreateResult.Retryable r)
          || !CrmUnavailableException.outcomeUnknown(r.errorCode())) {
        outcomes.add(outcome(result));
        continue;
      }
      String id = works.get(i).command().commandId();
      Optional<String> found = Optional.empty();
      if (lookupsAnswer) {
        try {
          found = crm.findLeadByExternalId(id);
        } catch (CrmUnavailableException | CrmRejectedException e) {
          lookupsAnswer = false;
          LOG.warn(
              "command outcome commandId={} outcome=lookup-failed error={}",
              id,
              e.getClass().getSimpleName());
        }
      }
      if (found.isPresent()) {
        LOG.info("command outcome commandId={} outcome=found-after-{}", id, r.errorCode());
        outcomes.add(new Outcome.Done(found.get(), false));
      } else if (!lookupsAnswer) {
        outcomes.add(
            new Outcome.Retry(FailureReasons.OUTCOME_UNKNOWN, FailureReasons.OUTCOME_UNKNOWN));
      } else {
        outcomes.add(new Outcome.Retry(r.errorCode()));
      }
    }
    return outcomes;
  }

  /** Creates tasks (calls and follow-ups) in one call; a follow-up due soon joins the agenda. */
  List<Outcome> createTasks(List<Work> works) {
    List<CreateTaskRequest> requests =
        works.stream().map(w -> taskRequest((LeadActivity) w.command())).toList();
    List<CreateResult> results = crm.createTasks(requests);
    List<Outcome> outcomes = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      Outcome outcome = outcome(results.get(i));
      if (outcome instanceof Outcome.Done done) {
        // Also when the CRM already had it (a redelivery): the agenda adds a task id once.
        taskCreated((LeadActivity) works.get(i).command(), done.crmId());
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  private static CreateTaskRequest taskRequest(LeadActivity command) {
    if (command instanceof LogCall call) {
      return new CreateTaskRequest(
          call.commandId(),
          call.ownerId(),
          call.leadId(),
          call.subject(),
          call.notes(),
          call.callDate(),
          true);
    }
    CreateTask task = (CreateTask) command;
    return new CreateTaskRequest(
        task.commandId(),
        task.ownerId(),
        task.leadId(),
        task.subject(),
        null,
        task.dueDate(),
        false);
  }

  List<Outcome> updateStatuses(List<Work> works) {
    List<StatusUpdateRequest> requests =
        works.stream()
            .map(w -> (UpdateLeadStatus) w.command())
            .map(
                u ->
                    new StatusUpdateRequest(
                        u.leadId(), u.fromStatus(), u.toStatus(), u.heardModifiedAt()))
            .toList();
    List<UpdateResult> results = crm.updateLeadStatuses(requests);
    List<Outcome> outcomes = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      UpdateLeadStatus update = (UpdateLeadStatus) works.get(i).command();
      UpdateResult result = results.get(i);
      if (result instanceof UpdateResult.Updated u) {
        writeBack.statusChanged(update, u.modifiedAt());
        outcomes.add(new Outcome.Done(update.leadId(), u.changed()));
      } else if (result instanceof UpdateResult.Rejected r) {
        outcomes.add(new Outcome.Rejected(r.errorCode(), r.message()));
      } else {
        outcomes.add(new Outcome.Retry(((UpdateResult.Retryable) result).errorCode()));
      }
    }
    return outcomes;
  }

  private static Outcome outcome(CreateResult result) {
    if (result instanceof CreateResult.Created c) {
      return new Outcome.Done(c.crmId(), c.created());
    }
    if (result instanceof CreateResult.Rejected r) {
      return new Outcome.Rejected(r.errorCode(), r.message());
    }
    return new Outcome.Retry(((CreateResult.Retryable) result).errorCode());
  }
}
