package com.crmvoice.intent.handlers;

import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.speech.Speech;
import java.time.Instant;
import java.util.List;

/**
 * "Log a call with her: she wants a demo next week": a completed call Task on the lead, today, the
 * notes as its description, read back in one sentence and queued after yes. Empty notes are asked
 * for again.
 */
public final class LogCallIntentHandler extends LeadWriteHandler<LogCall> {

  static final String NOTES = "notes";

  public LogCallIntentHandler(LeadWork work) {
    super(work);
  }

  @Override
  public String intentName() {
    return "LogCallIntent";
  }

  @Override
  String prefix() {
    return "call";
  }

  @Override
  List<String> slots() {
    return List.of(NOTES);
  }

  @Override
  Step<LogCall> decide(Turn turn) {
    Speech speech = turn.speech();
    String notes = turn.value(NOTES);
    if (notes == null || notes.isBlank()) {
      return new Step.Elicit<>(NOTES, null);
    }
    notes = notes.strip();
    if (notes.length() > LogCall.NOTES_MAX) {
      return new Step.Elicit<>(NOTES, speech.say("call.toolong"));
    }
    if (!turn.confirmed()) {
      return new Step.Confirm<>(null, speech.say("call.confirm", turn.lead().fullName(), notes));
    }
    Instant now = turn.work().commands().clock().instant();
    return new Step.Done<>(
        new LogCall(
            CommandIds.fromRequestId("LogCall", turn.requestId()),
            turn.user().userId(),
            turn.lead().id(),
            turn.lead().fullName(),
            speech.plain("call.subject", turn.lead().fullName()),
            notes,
            turn.today(now),
            now));
  }

  @Override
  String queued(Speech speech, LogCall command) {
    return speech.say("call.queued", command.leadName());
  }
}
