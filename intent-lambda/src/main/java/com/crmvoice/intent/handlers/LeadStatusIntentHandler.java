package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CommandStatus;
import com.crmvoice.core.domain.CompleteTask;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.LeadActivity;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.service.skill.LeadStatusService;
import com.crmvoice.core.service.worker.FailureReasons;
import com.crmvoice.intent.speech.Speech;
import java.util.Objects;
import java.util.Optional;

/** "Did my lead get created": the user's most recent command, read from the command log. */
public final class LeadStatusIntentHandler implements IntentHandler {

  private final LeadStatusService leadStatus;

  public LeadStatusIntentHandler(LeadStatusService leadStatus) {
    this.leadStatus = Objects.requireNonNull(leadStatus, "leadStatus");
  }

  @Override
  public String intentName() {
    return "LeadStatusIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Optional<CommandRecord> latest = leadStatus.latest(user.userId());
    String text = latest.map(r -> describe(speech, r)).orElseGet(() -> speech.say("status.none"));
    if (LeadSession.focusId(input).isEmpty() && DealSession.focused(input).isPresent()) {
      // Asked while working deals: the deal offer.
      return DealReplies.offer(input, speech, text);
    }
    if (LeadSession.focusId(input).isPresent() || LeadSession.lastCommand(input).isPresent()) {
      // Asked while working leads: the session stays open.
      return LeadSession.offer(input, speech, text);
    }
    return input.getResponseBuilder().withSpeech(text).withShouldEndSession(true).build();
  }

  static String describe(Speech speech, CommandRecord record) {
    CommandStatus status = record.status();
    if (record.command() instanceof LeadActivity
        || record.command() instanceof CompleteTask
        || record.command() instanceof UpdateOpportunity) {
      String what = what(speech, record);
      return status.state() == CommandState.FAILED
          ? speech.say(
              "change.FAILED", what, activityReason(speech, record.command().subjectName(), status))
          : speech.say("change." + status.state().name(), what);
    }
    String what = summary(speech, record);
    return switch (status.state()) {
      case QUEUED -> speech.say("status.queued", what);
      case IN_PROGRESS -> speech.say("status.inprogress", what);
      case DONE -> speech.say("status.done", what);
      case CANCELLED -> speech.say("status.cancelled", what);
      case FAILED ->
          FailureReasons.OUTCOME_UNKNOWN.equals(status.failureCode())
              // Salesforce may hold the lead: never "could not be created", or the user adds it
              // again and gets two.
              ? speech.say("status.unknown", what)
              : speech.say("status.failed", what, reason(speech, status));
    };
  }

  /** What a command did, as a noun phrase ("the status change for Maria Garcia to ..."). */
  static String what(Speech speech, CommandRecord record) {
    if (record.command() instanceof UpdateLeadStatus update) {
      return speech.plain("what.UpdateLeadStatus", update.leadName(), update.toStatus());
    }
    if (record.command() instanceof LeadActivity activity) {
      return speech.plain("what." + activity.getClass().getSimpleName(), activity.leadName());
    }
    if (record.command() instanceof CompleteTask complete) {
      return speech.plain("what.CompleteTask", complete.taskSubject());
    }
    if (record.command() instanceof UpdateOpportunity update) {
      return whatUpdate(speech, update);
    }
    return speech.plain("what.CreateLead", summary(speech, record));
  }

  /** A deal update by what it sets ("moving Acme expansion to Negotiation/Review"). */
  private static String whatUpdate(Speech speech, UpdateOpportunity update) {
    DealChanges changes = update.changes();
    if (changes.stage() != null) {
      return speech.plain("what.UpdateOpportunity.stage", update.dealName(), changes.stage());
    }
    String field =
        changes.amount() != null
            ? "amount"
            : changes.closeDate() != null ? "closeDate" : "nextStep";
    return speech.plain("what.UpdateOpportunity." + field, update.dealName());
  }

  // The commands on a lead record codes; each has the locale's own words.
  private static String activityReason(Speech speech, String name, CommandStatus status) {
    if (status.retryable()) {
      return speech.plain("reason.retryable.change");
    }
    String known =
        status.failureCode() == null
            ? null
            : speech.plainIfPresent("reason." + status.failureCode(), name);
    return known != null ? known : speech.plain("reason.other");
  }

  static String summary(Speech speech, CommandRecord record) {
    if (record.command() instanceof CreateLead create) {
      return create.lead().company() == null
          ? create.lead().fullName()
          : speech.plain("lead.summary", create.lead().fullName(), create.lead().company());
    }
    return record.command().summary();
  }

  // The command log keeps codes only: a create's own words (reason.create.<code>) first, then the
  // words every command shares (reason.<code>). The reason is a value of "status.failed", which
  // escapes it for SSML: take it unescaped here.
  private static String reason(Speech speech, CommandStatus status) {
    if (status.retryable()) {
      // Given up on for now (Salesforce unavailable or refusing every call, the message set aside
      // in the dead-letter queue): the recorded reason names the set-aside, not the lead.
      String setAside = speech.plainIfPresent("reason.create." + status.failureReason());
      return setAside != null ? setAside : speech.plain("reason.retryable");
    }
    String code = status.failureCode();
    if (code == null) {
      return speech.plain("reason.other");
    }
    String known = speech.plainIfPresent("reason.create." + code);
    if (known == null) {
      known = speech.plainIfPresent("reason." + code);
    }
    return known != null ? known : speech.plain("reason.other");
  }
}
