package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.port.CommandLog.Cancellation;
import com.crmvoice.intent.SkillServices;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/**
 * "Undo that", "cancel that", right after a write: the session's last command is cancelled if no
 * worker took it yet (it never reaches the CRM); one already applied, or being applied, is reported
 * as such.
 */
public final class UndoIntentHandler implements IntentHandler {

  private final SkillServices services;

  public UndoIntentHandler(SkillServices services) {
    this.services = services;
  }

  @Override
  public String intentName() {
    return "UndoIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    return undo(input, services);
  }

  static Optional<Response> undo(HandlerInput input, SkillServices services) {
    Speech speech = Requests.speech(input);
    CrmUser user = services.identity().resolve(Requests.accessToken(input));
    Optional<String> last = LeadSession.lastCommand(input);
    if (last.isEmpty()) {
      return LeadSession.offer(input, speech, speech.say("undo.nothing"));
    }
    Cancellation result = services.work().changes().undo(user.userId(), last.get());
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
