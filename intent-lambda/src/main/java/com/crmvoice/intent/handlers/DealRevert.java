package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.service.deals.DealReader;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import com.crmvoice.intent.speech.SpokenMoney;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Setting back a deal update the worker already applied, for {@link UndoIntentHandler}, as {@link
 * StatusRevert} does for a lead's status: the offer ("Shall I set the amount of Northwind renewal
 * back to $18,000?", Dialog.ConfirmIntent on UndoIntent, the applied command's id in the session),
 * and after yes the reverse {@link UpdateOpportunity} (the values the user had heard before) queued
 * through the normal write path, conditional on the deal as the update left it: the cached deal's
 * version when the book shows the update, else the values the update set. Not offered when the
 * update closed the deal (Salesforce refuses updates of a closed deal), or set a value the deal had
 * none of (a voice update cannot clear a field).
 */
final class DealRevert {

  private DealRevert() {}

  /** The changes that set back what {@code update} set; empty when it cannot be set back. */
  static Optional<DealChanges> reverse(UpdateOpportunity update, DealWork deals) {
    DealChanges set = update.changes();
    if ((set.amount() != null && update.heardAmount() == null)
        || (set.nextStep() != null
            && (update.heardNextStep() == null || update.heardNextStep().isBlank()))) {
      return Optional.empty();
    }
    if (set.stage() != null
        && deals.updates().stages().stage(set.stage()).map(DealStage::closed).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(
        new DealChanges(
            set.stage() == null ? null : update.heardStage(),
            set.amount() == null ? null : update.heardAmount(),
            set.closeDate() == null ? null : update.heardCloseDate(),
            set.nextStep() == null ? null : update.heardNextStep()));
  }

  /** "That one is already done: … Shall I set the amount of Northwind renewal back to $18,000?" */
  static Optional<Response> offer(
      HandlerInput input,
      Speech speech,
      DealWork deals,
      CrmUser user,
      Intent undo,
      CommandRecord applied,
      UpdateOpportunity update,
      DealChanges back) {
    String question = say(speech, "dealrevert.offer", update, back, currency(deals, user, update));
    return StatusRevert.offerSetBack(input, speech, undo, applied, update.commandId(), question);
  }

  /** Yes: the reverse update, queued. */
  static Optional<Response> submit(
      HandlerInput input,
      Speech speech,
      CrmUser user,
      LeadWork work,
      DealWork deals,
      String appliedId) {
    Optional<UpdateOpportunity> applied = applied(user, work, appliedId);
    Optional<DealChanges> back = applied.flatMap(u -> reverse(u, deals));
    if (back.isEmpty()) {
      return DealReplies.offer(input, speech, speech.say("undo.nothing"));
    }
    UpdateOpportunity update = applied.get();
    Deal heard =
        deals
            .reader()
            .find(user.userId(), update.dealId())
            .filter(d -> update.changes().heldBy(d))
            .orElseGet(() -> asLeft(update));
    UpdateOpportunity reverse =
        deals
            .updates()
            .command(
                CommandIds.fromRequestId("UpdateOpportunity", Requests.requestId(input)),
                user.userId(),
                heard,
                back.get());
    return LeadWriteHandler.submit(
        input,
        speech,
        work,
        reverse,
        say(speech, "dealrevert.queued", update, back.get(), currency(deals, user, update)),
        DealReplies::offer);
  }

  /** No: the update stands. */
  static Optional<Response> declined(
      HandlerInput input, Speech speech, CrmUser user, LeadWork work, String appliedId) {
    return applied(user, work, appliedId)
        .map(u -> DealReplies.offer(input, speech, speech.say("dealrevert.declined", u.dealName())))
        .orElseGet(() -> DealReplies.offer(input, speech, speech.say("undo.nothing")));
  }

  /** The deal as the update left it, from what the command says (no version: the values are). */
  private static Deal asLeft(UpdateOpportunity update) {
    Deal before =
        new Deal(
            update.dealId(),
            update.ownerId(),
            update.dealName(),
            null,
            update.heardStage(),
            update.heardAmount(),
            null,
            update.heardCloseDate(),
            null,
            null,
            update.heardNextStep(),
            null,
            null);
    return before.with(update.changes(), null, null);
  }

  private static Optional<UpdateOpportunity> applied(CrmUser user, LeadWork work, String id) {
    return work.changes()
        .find(user.userId(), id)
        .filter(r -> r.state() == CommandState.DONE)
        .map(CommandRecord::command)
        .filter(UpdateOpportunity.class::isInstance)
        .map(UpdateOpportunity.class::cast);
  }

  private static String currency(DealWork deals, CrmUser user, UpdateOpportunity update) {
    DealBook book = deals.reader().book(user.userId()).orElse(DealBook.EMPTY);
    return deals
        .reader()
        .find(user.userId(), update.dealId())
        .map(d -> DealReader.currencyOf(d, book))
        .orElseGet(() -> book.figures().isEmpty() ? null : book.figures().get(0).currencyIsoCode());
  }

  /** {@code <prefix>.<field>} for the one field {@code back} sets. */
  private static String say(
      Speech speech, String prefix, UpdateOpportunity update, DealChanges back, String currency) {
    String name = update.dealName();
    if (back.stage() != null) {
      return speech.say(prefix + ".stage", name, back.stage());
    }
    if (back.amount() != null) {
      return speech.say(prefix + ".amount", name, money(speech, back.amount(), currency));
    }
    if (back.closeDate() != null) {
      return speech.say(prefix + ".closeDate", name, back.closeDate().toString());
    }
    return speech.say(prefix + ".nextStep", name, back.nextStep());
  }

  private static String money(Speech speech, BigDecimal amount, String currency) {
    return currency == null
        ? NumberFormat.getNumberInstance(Locale.forLanguageTag(speech.locale())).format(amount)
        : SpokenMoney.of(amount, currency, speech.locale());
  }
}
