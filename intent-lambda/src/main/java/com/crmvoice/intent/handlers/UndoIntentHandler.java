package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.port.CommandLog.Cancellation;
import com.crmvoice.core.service.skill.ChangeService;
import com.crmvoice.intent.speech.Speech;
import java.util.Objects;
import java.util.Optional;

/**
 * "Undo that", "cancel that", right after a write: the session's last command is cancelled if no
 * worker took it yet (it never reaches the CRM); one already applied, or being applied, is reported
 * as such.
 */
public final class UndoIntentHandler implements IntentHandler {

  private final ChangeService changes;

  public UndoIntentHandler(ChangeService changes) {
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  @Override
  public String intentName() {
    return "UndoIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    return undo(input, changes);
  }

  static Optional<Response> undo(HandlerInput input, ChangeService changes) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Optional<String> last = LeadSession.lastCommand(input);
    if (last.isEmpty()) {
      return LeadSession.offer(input, speech, speech.say("undo.nothing"));
    }
    Cancellation result = changes.undo(user.userId(), last.get());
    if (result instanceof Cancellation.Cancelled cancelled) {
      return LeadSession.offer(
          input,
          speech,
          speech.say("undo.done", LeadStatusIntentHandler.what(speech, cancelled.record())));
    }
    if (result instanceof Cancellation.TooLate late) {
      CommandRecord record = late.record();
      String key =
          switch (record.state()) {
            case DONE -> "undo.toolate.done";
            case CANCELLED -> "undo.toolate.cancelled";
            case FAILED -> "undo.toolate.failed";
            default -> "undo.toolate.running";
          };
      return LeadSession.offer(
          input, speech, speech.say(key, LeadStatusIntentHandler.what(speech, record)));
    }
    return LeadSession.offer(input, speech, speech.say("undo.nothing"));
  }
}
