package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.util.JacksonSerializer;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.service.deals.DealReader;
import com.crmvoice.core.service.deals.DealUpdateService;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.DialogProgress;
import com.crmvoice.intent.dialog.Dialogs;
import com.crmvoice.intent.dialog.Slots;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.speech.Speech;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dialog that updates one deal: which deal ({@link DealTarget}: named, kept, or in focus; "which
 * one" when several match), the value the subclass asks for and checks ({@link #decide}), the
 * read-back old → new, and the {@link UpdateOpportunity} queued only after the user's yes, through
 * the one write path (so "undo that" and "what happened to my change" work as for lead writes).
 *
 * <p>What the user heard is what the update is conditional on: the read-back keeps the deal's
 * LastModifiedDate in the dialog's progress; if the cached deal has another version by the time of
 * the yes (the refresher saw a change), the skill says so and reads back again instead of queueing.
 * A deal that is closed, or no longer the user's open deal, is answered and nothing is queued; so
 * is a deal whose previous update in this session the worker has not applied yet ("still being
 * saved": the book shows an applied update before the command is done). Bundle keys are {@code
 * <prefix>.*} and {@code dealupdate.*}.
 */
abstract class DealWriteHandler implements IntentHandler, DealChoice {

  /** The values kept beside the slots: the deal the dialog is about, and its version read back. */
  static final String KEPT_DEAL = "dealId";

  static final String HEARD_AT = "heardAt";

  /** While "which deal" is asked: the intent as it stood, for a touch on the list. */
  static final String PENDING_INTENT = "intent";

  private static final JacksonSerializer JSON = new JacksonSerializer();

  private final DealWork deals;
  private final LeadWork work;

  /** The deal services this handler works with. */
  final DealWork deals() {
    return deals;
  }

  DealWriteHandler(DealWork deals, LeadWork work) {
    this.deals = Objects.requireNonNull(deals, "deals");
    this.work = Objects.requireNonNull(work, "work");
    Objects.requireNonNull(deals.updates(), "deals.updates");
  }

  /** The bundle prefix ("dealstage", ...) and the session attribute's name. */
  abstract String prefix();

  /** The value slot this dialog asks for. */
  abstract String slot();

  /** What this turn asks, refuses, reads back, or (after yes) sets on the deal. */
  abstract Step<DealChanges> decide(Turn turn);

  /** What the user hears once the update is queued. */
  abstract String queued(Speech speech, Turn turn, DealChanges changes);

  /** Everything {@link #decide} may need. */
  record Turn(
      HandlerInput input,
      Speech speech,
      CrmUser user,
      Deal deal,
      Intent intent,
      DealUpdateService service,
      String currency,
      boolean confirmed,
      LocalDate today) {

    String value(String slot) {
      return Slots.value(intent, slot);
    }

    String resolvedId(String slot) {
      return Slots.resolvedId(intent, slot);
    }
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Intent intent = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent();
    return handle(input, intent, null);
  }

  @Override
  public boolean awaitsDeal(HandlerInput input) {
    return DialogProgress.of(input, attribute())
        .filter(
            p ->
                p.stage() == DialogProgress.Stage.ELICITING
                    && DealTarget.DEAL_NAME.equals(p.eliciting())
                    && p.value(PENDING_INTENT) != null)
        .isPresent();
  }

  @Override
  public Optional<Response> continueWith(HandlerInput input, String dealId) {
    String pending = DialogProgress.of(input, attribute()).orElseThrow().value(PENDING_INTENT);
    return handle(input, JSON.deserialize(pending, Intent.class), dealId);
  }

  private String attribute() {
    return prefix() + "Dialog";
  }

  private Optional<Response> handle(HandlerInput input, Intent intent, String touchedDealId) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    if (intent.getConfirmationStatus() == IntentConfirmationStatus.DENIED) {
      DialogProgress.end(input, attribute());
      return DealReplies.offer(input, speech, speech.say("dealupdate.denied"));
    }
    DialogProgress progress =
        DialogProgress.of(input, attribute()).orElseGet(() -> DialogProgress.fresh(attribute()));
    DealTarget target =
        DealTarget.resolve(
            input,
            deals.reader(),
            user.userId(),
            intent,
            touchedDealId != null ? touchedDealId : progress.value(KEPT_DEAL));
    if (target instanceof DealTarget.Unknown) {
      DialogProgress.end(input, attribute());
      return DealReplies.offer(input, speech, speech.say("dealupdate.unavailable"));
    }
    if (!(target instanceof DealTarget.Found found)) {
      // Asked again: the answer (or a touch on the list) comes back to this dialog.
      Intent cleared = Slots.withValue(intent, DealTarget.DEAL_NAME, null);
      progress
          .with(
              DialogProgress.Stage.ELICITING,
              DealTarget.DEAL_NAME,
              Map.of(PENDING_INTENT, JSON.serialize(cleared)))
          .save(input);
      return DealReplies.askWhich(input, speech, deals, work, user.userId(), intent, target);
    }
    Deal deal = found.deal();
    DealSession.focus(input, deal);
    DealUpdateService service = deals.updates();
    if (service.isClosed(deal)) {
      DialogProgress.end(input, attribute());
      return DealReplies.offer(input, speech, speech.say("dealupdate.closed", deal.name()));
    }
    if (stillSaving(input, user, deal)) {
      DialogProgress.end(input, attribute());
      return DealReplies.offer(input, speech, speech.say("dealupdate.saving", deal.name()));
    }
    String heardAt = version(deal);
    boolean confirmed = intent.getConfirmationStatus() == IntentConfirmationStatus.CONFIRMED;
    String leadIn = null;
    if (confirmed
        && progress.stage() == DialogProgress.Stage.CONFIRMING
        && !heardAt.equals(progress.value(HEARD_AT))) {
      // The deal read back is not the deal in the cache now: read it back again, as it is.
      confirmed = false;
      leadIn = speech.say("dealupdate.changed", deal.name());
      intent = unconfirmed(intent);
    }
    String currency =
        DealReader.currencyOf(deal, deals.reader().book(user.userId()).orElse(DealBook.EMPTY));
    Turn turn =
        new Turn(
            input,
            speech,
            user,
            deal,
            intent,
            service,
            currency,
            confirmed,
            LocalDate.ofInstant(service.clock().instant(), DayPresentation.zone(input, work)));
    Step<DealChanges> step = decide(turn);
    if (step instanceof Step.Done<DealChanges> done) {
      DialogProgress.end(input, attribute());
      UpdateOpportunity command =
          service.command(
              CommandIds.fromRequestId("UpdateOpportunity", Requests.requestId(input)),
              user.userId(),
              deal,
              done.value());
      return LeadWriteHandler.submit(
          input, speech, work, command, queued(speech, turn, done.value()), DealReplies::offer);
    }
    if (leadIn != null && step instanceof Step.Confirm<DealChanges> confirm) {
      step = new Step.Confirm<>(Dialogs.join(leadIn, confirm.leadIn()), confirm.readBack());
    }
    return Dialogs.respond(
        input,
        progress,
        intent,
        List.of(slot(), DealTarget.DEAL_NAME),
        step,
        s -> speech.say(prefix() + ".ask." + s, deal.name()),
        Map.of(KEPT_DEAL, deal.id(), HEARD_AT, heardAt));
  }

  /**
   * Whether the session's last command is an update of this deal a worker has not finished: the
   * cached deal does not show it yet (the worker writes it into the book when it is applied), so an
   * update read back now would be conditional on a version that update is about to replace.
   */
  private boolean stillSaving(HandlerInput input, CrmUser user, Deal deal) {
    Optional<String> last = LeadSession.lastCommand(input);
    if (last.isEmpty()) {
      return false;
    }
    return work.changes()
        .find(user.userId(), last.get())
        .filter(r -> r.command() instanceof UpdateOpportunity u && u.dealId().equals(deal.id()))
        .filter(r -> r.state() == CommandState.QUEUED || r.state() == CommandState.IN_PROGRESS)
        .isPresent();
  }

  /** The version the user hears: the cached LastModifiedDate ("" when the cache does not know). */
  private static String version(Deal deal) {
    Instant at = deal.lastModifiedAt();
    return at == null ? "" : at.toString();
  }

  private static Intent unconfirmed(Intent intent) {
    return Intent.builder()
        .withName(intent.getName())
        .withConfirmationStatus(IntentConfirmationStatus.NONE)
        .withSlots(intent.getSlots())
        .build();
  }
}
