package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.util.JacksonSerializer;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.service.skill.CommandSubmitter.Submission;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.DialogProgress;
import com.crmvoice.intent.dialog.Dialogs;
import com.crmvoice.intent.dialog.Slots;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.notify.NotificationConsent;
import com.crmvoice.intent.speech.Speech;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dialog that writes to one lead: which lead (named, or in focus; "which one" when several
 * match), the values the dialog asks for and checks, a read-back, and the command queued only after
 * the user's yes. A subclass says what to ask and check ({@link #decide}); this class runs the
 * turn: the lead, the framework's {@link Dialogs#respond} for every step that is not done, and the
 * submission and its answer for the one that is. Bundle keys are {@code <prefix>.*}.
 *
 * <p>A new write needs a subclass, its service (the command), bundle lines and model lines.
 */
abstract class LeadWriteHandler<C extends CrmCommand> implements IntentHandler {

  /** The values kept beside the slots: the lead the dialog is about. */
  static final String KEPT_LEAD = "leadId";

  /**
   * While "which lead" is asked: the intent as it stood (slots with their resolutions), so that a
   * touch on the screen's list continues it as if the lead had been named.
   */
  static final String PENDING_INTENT = "intent";

  private static final JacksonSerializer JSON = new JacksonSerializer();

  private final LeadWork work;

  LeadWriteHandler(LeadWork work) {
    this.work = Objects.requireNonNull(work, "work");
  }

  /** The bundle prefix ("status", "call", "followup") and the session attribute's name. */
  abstract String prefix();

  /** The dialog's slots, besides {@code leadName}. */
  abstract List<String> slots();

  /** What this turn asks, checks, reads back or produces, for the lead. */
  abstract Step<C> decide(Turn turn);

  /** What the user hears once the command is queued. */
  abstract String queued(Speech speech, C command);

  /** Everything {@link #decide} may need. */
  record Turn(
      HandlerInput input, Speech speech, CrmUser user, Lead lead, Intent intent, LeadWork work) {

    String value(String slot) {
      return Slots.value(intent, slot);
    }

    boolean confirmed() {
      return intent.getConfirmationStatus() == IntentConfirmationStatus.CONFIRMED;
    }

    String requestId() {
      return Requests.requestId(input);
    }

    /** The user's today at {@code now}, in the device's time zone (the settings API's). */
    LocalDate today(Instant now) {
      return LocalDate.ofInstant(
          now,
          work.timeZones()
              .zone(
                  Requests.apiEndpoint(input),
                  Requests.apiAccessToken(input),
                  Requests.deviceId(input)));
    }
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Intent intent = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent();
    return handle(input, intent, null);
  }

  /** Whether this dialog is asking which lead it is about. */
  boolean awaitsLead(HandlerInput input) {
    return DialogProgress.of(input, prefix() + "Dialog")
        .filter(
            p ->
                p.stage() == DialogProgress.Stage.ELICITING
                    && LeadTarget.LEAD_NAME.equals(p.eliciting())
                    && p.value(PENDING_INTENT) != null)
        .isPresent();
  }

  /**
   * A touch on the "which one" list ({@link LeadTouchedHandler}): the dialog continues with that
   * lead, as if its name had been said.
   */
  Optional<Response> continueWith(HandlerInput input, String leadId) {
    String pending =
        DialogProgress.of(input, prefix() + "Dialog").orElseThrow().value(PENDING_INTENT);
    return handle(input, JSON.deserialize(pending, Intent.class), leadId);
  }

  private Optional<Response> handle(HandlerInput input, Intent intent, String touchedLeadId) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    String attribute = prefix() + "Dialog";
    if (intent.getConfirmationStatus() == IntentConfirmationStatus.DENIED) {
      DialogProgress.end(input, attribute);
      return LeadSession.offer(input, speech, speech.say(prefix() + ".denied"));
    }
    DialogProgress progress =
        DialogProgress.of(input, attribute).orElseGet(() -> DialogProgress.fresh(attribute));
    LeadTarget target =
        LeadTarget.resolve(
            input,
            work.workingSet(),
            user.userId(),
            intent,
            touchedLeadId != null ? touchedLeadId : progress.value(KEPT_LEAD));
    List<String> all = new ArrayList<>(slots());
    all.add(LeadTarget.LEAD_NAME);
    if (!(target instanceof LeadTarget.Found found)) {
      String ask = whichLead(input, speech, target);
      Intent cleared = Slots.withValue(intent, LeadTarget.LEAD_NAME, null);
      if (target instanceof LeadTarget.Ambiguous ambiguous && Requests.supportsApl(input)) {
        // On a screen the choices are a list too; a touch answers (LeadTouchedHandler).
        input.getResponseBuilder().addDirective(LeadPresentation.choice(speech, ambiguous.leads()));
      }
      return Dialogs.respond(
          input,
          progress.withValue(KEPT_LEAD, null),
          cleared,
          all,
          new Step.Elicit<>(LeadTarget.LEAD_NAME, null),
          slot -> ask,
          Map.of(PENDING_INTENT, JSON.serialize(cleared)));
    }
    Lead lead = found.lead();
    Step<C> step = decide(new Turn(input, speech, user, lead, intent, work));
    if (step instanceof Step.Done<C> done) {
      DialogProgress.end(input, attribute);
      return submit(input, speech, done.value());
    }
    return Dialogs.respond(
        input,
        progress,
        intent,
        all,
        step,
        slot -> speech.say(prefix() + ".ask." + slot, lead.fullName()),
        Map.of(KEPT_LEAD, lead.id()));
  }

  private String whichLead(HandlerInput input, Speech speech, LeadTarget target) {
    if (target instanceof LeadTarget.Ambiguous ambiguous) {
      List<Lead> leads = ambiguous.leads();
      List<String> labels = leads.stream().map(l -> LeadSession.label(speech, l)).toList();
      String last = labels.get(labels.size() - 1);
      String first = String.join(", ", labels.subList(0, labels.size() - 1));
      return speech.say("lead.which", first, last);
    }
    if (target instanceof LeadTarget.NotFound notFound) {
      if (notFound.spoken() != null) {
        return speech.say("lead.unknown", notFound.spoken()) + " " + speech.say("lead.ask");
      }
      String name = LeadSession.focusName(input).orElse(speech.plain("lead.this"));
      return speech.say("lead.notopen", name) + " " + speech.say("lead.ask");
    }
    return speech.say("lead.ask");
  }

  private Optional<Response> submit(HandlerInput input, Speech speech, C command) {
    return submit(input, speech, work, command, queued(speech, command));
  }

  /**
   * Queues a confirmed command through the one write path and answers: {@code queued} (with the
   * notification consent card the first time), or that it could not be queued. The command is the
   * session's last, the one "undo that" means.
   */
  static Optional<Response> submit(
      HandlerInput input, Speech speech, LeadWork work, CrmCommand command, String queued) {
    return submit(input, speech, work, command, queued, LeadSession::offer);
  }

  /** What a write answers with, then the offer that keeps the session open. */
  @FunctionalInterface
  interface Reply {
    Optional<Response> offer(HandlerInput input, Speech speech, String text);
  }

  /** {@link #submit} answering with {@code reply}'s offer (a deal write offers deal actions). */
  static Optional<Response> submit(
      HandlerInput input,
      Speech speech,
      LeadWork work,
      CrmCommand command,
      String queued,
      Reply reply) {
    Submission submission = work.commands().submit(command);
    if (submission instanceof Submission.NotQueued
        || submission instanceof Submission.ReusedForOtherContent) {
      return reply.offer(input, speech, speech.say("write.notqueued"));
    }
    LeadSession.lastCommand(input, command.commandId());
    // The first command of a user who has not allowed notifications carries the consent card.
    String consent = NotificationConsent.offer(speech, input.getResponseBuilder());
    return reply.offer(input, speech, queued + consent);
  }
}
