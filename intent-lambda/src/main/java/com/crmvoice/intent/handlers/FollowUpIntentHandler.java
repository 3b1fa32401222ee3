package com.crmvoice.intent.handlers;

import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.speech.Speech;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * "Remind me to follow up with her on Friday", "add a task to send the proposal": an open Task on
 * the lead due on the AMAZON.DATE day (Alexa resolves "Friday" and "tomorrow" in the device's time
 * zone), read back and queued after yes. "Past" is before the user's today, in the device's time
 * zone from the Alexa settings API (else the configured default). A day in the past, or a value
 * that is not one day ("next week"), is answered and asked for again.
 */
public final class FollowUpIntentHandler extends LeadWriteHandler<CreateTask> {

  static final String DATE = "due";
  static final String TASK = "task";

  public FollowUpIntentHandler(LeadWork work) {
    super(work);
  }

  @Override
  public String intentName() {
    return "FollowUpIntent";
  }

  @Override
  String prefix() {
    return "followup";
  }

  @Override
  List<String> slots() {
    return List.of(DATE, TASK);
  }

  @Override
  Step<CreateTask> decide(Turn turn) {
    Speech speech = turn.speech();
    String spokenDate = turn.value(DATE);
    if (spokenDate == null || spokenDate.isBlank()) {
      return new Step.Elicit<>(DATE, null);
    }
    LocalDate due;
    try {
      // AMAZON.DATE: one day is yyyy-MM-dd; weeks (2026-W10), months and seasons are not days.
      due = LocalDate.parse(spokenDate);
    } catch (DateTimeParseException e) {
      return new Step.Elicit<>(DATE, speech.say("followup.notaday"));
    }
    Instant now = turn.work().commands().clock().instant();
    LocalDate today = turn.today(now);
    if (due.isBefore(today)) {
      return new Step.Elicit<>(DATE, speech.say("followup.past"));
    }
    String task = turn.value(TASK);
    String subject =
        task == null || task.isBlank()
            ? speech.plain("followup.subject", turn.lead().fullName())
            : capitalised(task.strip());
    if (subject.length() > CreateTask.SUBJECT_MAX) {
      subject = subject.substring(0, CreateTask.SUBJECT_MAX);
    }
    if (!turn.confirmed()) {
      return new Step.Confirm<>(
          null, speech.say("followup.confirm", turn.lead().fullName(), subject, due.toString()));
    }
    return new Step.Done<>(
        new CreateTask(
            CommandIds.fromRequestId("CreateTask", turn.requestId()),
            turn.user().userId(),
            turn.lead().id(),
            turn.lead().fullName(),
            subject,
            due,
            now));
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  @Override
  String queued(Speech speech, CreateTask command) {
    return speech.say("followup.queued", command.leadName(), command.dueDate().toString());
  }
}
