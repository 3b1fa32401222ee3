package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import java.time.Instant;
import java.util.Optional;

/**
 * Setting back a status change the worker already applied, for {@link UndoIntentHandler}: the offer
 * (Dialog.ConfirmIntent on UndoIntent, the applied command's id in the session), and after yes the
 * reverse {@link UpdateLeadStatus} queued through the normal write path. The reverse is conditional
 * like every status change: on the version the cache has for the lead when it shows the applied
 * status, else on the status itself; its id comes from the yes request, so a retried request queues
 * it once.
 */
final class StatusRevert {

  /** The session attribute holding the applied command's id while the offer is open. */
  static final String OFFERED = "revertOffered";

  private StatusRevert() {}

  static Optional<String> offered(HandlerInput input) {
    return input.getRequestEnvelope().getSession() != null
            && input.getAttributesManager().getSessionAttributes().get(OFFERED) instanceof String id
        ? Optional.of(id)
        : Optional.empty();
  }

  static void forget(HandlerInput input) {
    if (input.getRequestEnvelope().getSession() != null) {
      input.getAttributesManager().getSessionAttributes().remove(OFFERED);
    }
  }

  /** "… is already saved in Salesforce. Shall I set Maria Garcia back to Open - Not Contacted?" */
  static Optional<Response> offer(
      HandlerInput input,
      Speech speech,
      Intent undo,
      CommandRecord applied,
      UpdateLeadStatus update) {
    String question = speech.say("undo.revert.offer", update.leadName(), update.fromStatus());
    return offerSetBack(input, speech, undo, applied, update.commandId(), question);
  }

  /**
   * The set-back offer of a write the worker already applied: says it is saved, asks the question
   * and keeps the undo intent up for its yes or no (Dialog.ConfirmIntent); the applied command's id
   * is kept in the session under {@link #OFFERED} for the yes.
   */
  static Optional<Response> offerSetBack(
      HandlerInput input,
      Speech speech,
      Intent undo,
      CommandRecord applied,
      String appliedCommandId,
      String question) {
    input.getAttributesManager().getSessionAttributes().put(OFFERED, appliedCommandId);
    String text =
        speech.say("undo.revert.applied", LeadStatusIntentHandler.what(speech, applied))
            + " "
            + question;
    Intent asking =
        Intent.builder()
            .withName(undo.getName())
            .withConfirmationStatus(IntentConfirmationStatus.NONE)
            .withSlots(undo.getSlots())
            .build();
    return input
        .getResponseBuilder()
        .withSpeech(text)
        .withReprompt(question)
        .addConfirmIntentDirective(asking)
        .withShouldEndSession(false)
        .build();
  }

  /** Yes: the reverse change, queued. */
  static Optional<Response> submit(
      HandlerInput input, Speech speech, CrmUser user, LeadWork work, String appliedId) {
    Optional<UpdateLeadStatus> applied = applied(user, work, appliedId);
    if (applied.isEmpty()) {
      return LeadSession.offer(input, speech, speech.say("undo.nothing"));
    }
    UpdateLeadStatus update = applied.get();
    Optional<Lead> cached = work.workingSet().find(user.userId(), update.leadId());
    // The version the skill knows for the lead as the change left it; without one, the worker
    // compares the status.
    Instant version =
        cached
            .filter(l -> update.toStatus().equals(l.status()))
            .map(Lead::lastModifiedAt)
            .orElse(null);
    UpdateLeadStatus reverse =
        new UpdateLeadStatus(
            CommandIds.fromRequestId("UpdateLeadStatus", Requests.requestId(input)),
            user.userId(),
            update.leadId(),
            update.leadName(),
            update.toStatus(),
            update.fromStatus(),
            version,
            work.commands().clock().instant());
    return LeadWriteHandler.submit(
        input,
        speech,
        work,
        reverse,
        speech.say("statuschange.queued", reverse.leadName(), reverse.toStatus()));
  }

  /** No: the change stands. */
  static Optional<Response> declined(
      HandlerInput input, Speech speech, CrmUser user, LeadWork work, String appliedId) {
    return applied(user, work, appliedId)
        .map(
            u ->
                LeadSession.offer(
                    input, speech, speech.say("undo.revert.declined", u.leadName(), u.toStatus())))
        .orElseGet(() -> LeadSession.offer(input, speech, speech.say("undo.nothing")));
  }

  private static Optional<UpdateLeadStatus> applied(CrmUser user, LeadWork work, String id) {
    return work.changes()
        .find(user.userId(), id)
        .filter(r -> r.state() == com.crmvoice.core.domain.CommandState.DONE)
        .map(CommandRecord::command)
        .filter(UpdateLeadStatus.class::isInstance)
        .map(UpdateLeadStatus.class::cast)
        .filter(u -> u.fromStatus() != null);
  }
}
