package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CompleteTask;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.service.day.DayService;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.core.service.skill.CommandSubmitter.Submission;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.DialogProgress;
import com.crmvoice.intent.dialog.Dialogs;
import com.crmvoice.intent.dialog.Slots;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.notify.NotificationConsent;
import com.crmvoice.intent.speech.Speech;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * "Mark the proposal task as done": finds the open task the words name among the user's cached ones
 * (asks which when none or several match), reads it back, and after yes queues one {@link
 * CompleteTask} through the write path every command takes (recorded, queued, applied once by the
 * worker, only to the version of the task the user heard). The task counts as done in this session
 * at once (read your writes); the worker takes it out of the cached agenda.
 */
public final class CompleteTaskIntentHandler implements IntentHandler {

  static final String TASK = "task";
  private static final String ATTRIBUTE = "completeDialog";

  private final DayService day;
  private final LeadWork work;

  public CompleteTaskIntentHandler(DayService day, LeadWork work) {
    this.day = Objects.requireNonNull(day, "day");
    this.work = Objects.requireNonNull(work, "work");
  }

  @Override
  public String intentName() {
    return "CompleteTaskIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Intent intent = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent();
    if (intent.getConfirmationStatus() == IntentConfirmationStatus.DENIED) {
      DialogProgress.end(input, ATTRIBUTE);
      return DayPresentation.offer(input, speech, speech.say("complete.denied"));
    }
    DialogProgress progress =
        DialogProgress.of(input, ATTRIBUTE).orElseGet(() -> DialogProgress.fresh(ATTRIBUTE));
    List<String> slots = List.of(TASK);
    String spoken = Slots.value(intent, TASK);
    if (spoken == null || spoken.isBlank()) {
      return ask(input, progress, intent, slots, null, speech);
    }
    Optional<List<OpenTask>> found = day.findTasks(user.userId(), spoken);
    if (found.isEmpty()) {
      DialogProgress.end(input, ATTRIBUTE);
      return DayPresentation.offer(input, speech, speech.say("briefing.unavailable"));
    }
    List<OpenTask> open = DayPresentation.open(found.get(), DayPresentation.completed(input));
    if (open.isEmpty()) {
      return ask(input, progress, intent, slots, speech.say("complete.unknown", spoken), speech);
    }
    if (open.size() > 1) {
      List<String> names = open.stream().map(t -> DayPresentation.subject(speech, t)).toList();
      return ask(
          input,
          progress,
          intent,
          slots,
          speech.say("complete.which", DayPresentation.list(speech, names, 0)),
          speech);
    }
    OpenTask task = open.get(0);
    String name = task.subject() == null ? speech.plain("task.untitled") : task.subject();
    if (intent.getConfirmationStatus() != IntentConfirmationStatus.CONFIRMED) {
      return Dialogs.respond(
          input,
          progress,
          intent,
          slots,
          new Step.Confirm<>(null, speech.say("complete.confirm", name)),
          slot -> speech.say("complete.ask.task"),
          Map.of("taskId", task.id()));
    }
    DialogProgress.end(input, ATTRIBUTE);
    CompleteTask command =
        new CompleteTask(
            CommandIds.fromRequestId("CompleteTask", Requests.requestId(input)),
            user.userId(),
            task.id(),
            name.length() > 255 ? name.substring(0, 255) : name,
            task.modifiedAt(),
            work.commands().clock().instant());
    Submission submission = work.commands().submit(command);
    if (submission instanceof Submission.NotQueued
        || submission instanceof Submission.ReusedForOtherContent) {
      return DayPresentation.offer(input, speech, speech.say("write.notqueued"));
    }
    LeadSession.lastCommand(input, command.commandId());
    DayPresentation.completedNow(input, task.id());
    String consent = NotificationConsent.offer(speech, input.getResponseBuilder());
    return DayPresentation.offer(input, speech, speech.say("complete.queued", name) + consent);
  }

  private static Optional<Response> ask(
      HandlerInput input,
      DialogProgress progress,
      Intent intent,
      List<String> slots,
      String leadIn,
      Speech speech) {
    return Dialogs.respond(
        input,
        progress,
        Slots.withValue(intent, TASK, null),
        slots,
        new Step.Elicit<>(TASK, leadIn),
        slot -> speech.say("complete.ask.task"),
        Map.of());
  }
}
