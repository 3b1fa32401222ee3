package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.port.CommandLog.Cancellation;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import java.util.Objects;
import java.util.Optional;

/**
 * "Undo that", "cancel that", right after a write: the session's last command is cancelled if no
 * worker took it yet (it never reaches the CRM); one being applied, failed or cancelled is reported
 * as such. A status change already applied is reported and offered to be set back
 * (Dialog.ConfirmIntent on this intent); after yes, the reverse change goes the normal write path
 * ({@link StatusRevert}): conditional on the version the skill knows, once per request. So is a
 * deal update already applied ({@link DealRevert}).
 */
public final class UndoIntentHandler implements IntentHandler {

  private final LeadWork work;
  private final DealWork deals;

  public UndoIntentHandler(LeadWork work) {
    this(work, null);
  }

  /**
   * @param deals the deal updates an applied deal update is set back with; null for a skill without
   *     them
   */
  public UndoIntentHandler(LeadWork work, DealWork deals) {
    this.work = Objects.requireNonNull(work, "work");
    this.deals = deals == null || deals.updates() == null ? null : deals;
  }

  @Override
  public String intentName() {
    return "UndoIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Intent intent = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent();
    IntentConfirmationStatus confirmation = intent.getConfirmationStatus();
    Optional<String> offered = StatusRevert.offered(input);
    if (offered.isPresent()
        && (confirmation == IntentConfirmationStatus.CONFIRMED
            || confirmation == IntentConfirmationStatus.DENIED)) {
      StatusRevert.forget(input);
      if (deals != null && isDealUpdate(user, offered.get())) {
        return confirmation == IntentConfirmationStatus.CONFIRMED
            ? DealRevert.submit(input, speech, user, work, deals, offered.get())
            : DealRevert.declined(input, speech, user, work, offered.get());
      }
      return confirmation == IntentConfirmationStatus.CONFIRMED
          ? StatusRevert.submit(input, speech, user, work, offered.get())
          : StatusRevert.declined(input, speech, user, work, offered.get());
    }
    StatusRevert.forget(input);
    Optional<String> last = LeadSession.lastCommand(input);
    if (last.isEmpty()) {
      return LeadSession.offer(input, speech, speech.say("undo.nothing"));
    }
    Cancellation result = work.changes().undo(user.userId(), last.get());
    if (result instanceof Cancellation.Cancelled cancelled) {
      return offer(
          input,
          speech,
          cancelled.record(),
          speech.say("undo.done", LeadStatusIntentHandler.what(speech, cancelled.record())));
    }
    if (result instanceof Cancellation.TooLate late) {
      CommandRecord record = late.record();
      if (record.state() == CommandState.DONE
          && record.command() instanceof UpdateLeadStatus update
          && update.fromStatus() != null) {
        return StatusRevert.offer(input, speech, intent, record, update);
      }
      if (record.state() == CommandState.DONE
          && deals != null
          && record.command() instanceof UpdateOpportunity update) {
        Optional<DealChanges> back = DealRevert.reverse(update, deals);
        if (back.isPresent()) {
          return DealRevert.offer(input, speech, deals, user, intent, record, update, back.get());
        }
      }
      String key =
          switch (record.state()) {
            case DONE -> "undo.toolate.done";
            case CANCELLED -> "undo.toolate.cancelled";
            case FAILED -> "undo.toolate.failed";
            default -> "undo.toolate.running";
          };
      return offer(
          input, speech, record, speech.say(key, LeadStatusIntentHandler.what(speech, record)));
    }
    return LeadSession.offer(input, speech, speech.say("undo.nothing"));
  }

  private boolean isDealUpdate(CrmUser user, String commandId) {
    return work.changes()
        .find(user.userId(), commandId)
        .filter(r -> r.command() instanceof UpdateOpportunity)
        .isPresent();
  }

  /** The answer, then the deal offer after a deal update, else the lead offer. */
  private static Optional<Response> offer(
      HandlerInput input, Speech speech, CommandRecord record, String text) {
    return record.command() instanceof UpdateOpportunity
        ? DealReplies.offer(input, speech, text)
        : LeadSession.offer(input, speech, text);
  }
}
