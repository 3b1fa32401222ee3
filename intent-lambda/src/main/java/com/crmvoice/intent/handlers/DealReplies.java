package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Response;
import com.amazon.ask.response.ResponseBuilder;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.service.deals.DealReader;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Slots;
import com.crmvoice.intent.speech.Speech;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The responses the deal intents share: a deal shown (speech, card, names, screen) with the deal
 * offer after it, and "which deal" asked again (unknown name, several matches, a deal no longer
 * open) as Dialog.ElicitSlot of {@code dealName}, with the choices on a screen.
 */
final class DealReplies {

  private DealReplies() {}

  /** {@code text}, then the deal offer; the session stays open. */
  static ResponseBuilder offering(HandlerInput input, Speech speech, String text) {
    String offer = speech.say("deal.offer");
    return input
        .getResponseBuilder()
        .withSpeech(text + " " + offer)
        .withReprompt(offer)
        .withShouldEndSession(false);
  }

  static Optional<Response> offer(HandlerInput input, Speech speech, String text) {
    return offering(input, speech, text).build();
  }

  /** The user's today, in the device's time zone. */
  static LocalDate today(HandlerInput input, DealWork deals, LeadWork work) {
    return deals.reader(input).today(DayPresentation.zone(input, work));
  }

  /**
   * {@code deal} put in focus and described after {@code leadIn} (may be empty), with its card, the
   * owner's deal and lead names as dynamic entities, and on a screen the deal document.
   */
  static ResponseBuilder show(
      HandlerInput input,
      Speech speech,
      DealWork deals,
      LeadWork leads,
      String ownerId,
      Deal deal,
      String leadIn) {
    return show(input, speech, deals, leads, ownerId, deal, leadIn, null);
  }

  /** {@link #show} with {@code screen} (when not null) on a screen instead of the deal document. */
  static ResponseBuilder show(
      HandlerInput input,
      Speech speech,
      DealWork deals,
      LeadWork leads,
      String ownerId,
      Deal deal,
      String leadIn,
      com.amazon.ask.model.interfaces.alexa.presentation.apl.RenderDocumentDirective screen) {
    DealSession.focus(input, deal);
    DealBook book = deals.reader(input).book(ownerId).orElse(DealBook.EMPTY);
    String currency = DealReader.currencyOf(deal, book);
    String text =
        (leadIn.isEmpty() ? "" : leadIn + " ")
            + DealPresentation.speech(
                speech, deal, currency, today(input, deals, leads), deals.keepsNextStep());
    ResponseBuilder response =
        offering(input, speech, text)
            .withStandardCard(
                DealPresentation.cardTitle(speech),
                DealPresentation.cardText(speech, deal, currency),
                null);
    sendNames(input, response, deals, leads, ownerId, book);
    if (Requests.supportsApl(input)) {
      response.addDirective(screen != null ? screen : DealPresentation.apl(speech, deal, currency));
    }
    return response;
  }

  /**
   * The owner's deal and lead names as dynamic entities, unless this session sent the same deal
   * names already (Alexa keeps them for the session): most deal answers then skip the lead read.
   */
  static void sendNames(
      HandlerInput input,
      ResponseBuilder response,
      DealWork deals,
      LeadWork leads,
      String ownerId,
      DealBook book) {
    if (!DealSession.namesSent(input, book.openDeals())) {
      response.addDirective(names(deals, leads, ownerId, book));
      DealSession.sentNames(input, book.openDeals());
    }
  }

  static com.amazon.ask.model.dialog.DynamicEntitiesDirective names(
      DealWork deals, LeadWork leads, String ownerId, DealBook book) {
    return DealSession.names(book.openDeals(), leads.workingSet().leads(ownerId).orElse(List.of()));
  }

  /**
   * Asks which deal again, for a target that is not found: the choices (several matches; on a
   * screen a list to touch), the name not found, or the deal no longer open; Dialog.ElicitSlot of
   * {@code dealName} on {@code intent}, so the answer comes back to the same intent.
   */
  static Optional<Response> askWhich(
      HandlerInput input,
      Speech speech,
      DealWork deals,
      LeadWork leads,
      String ownerId,
      Intent intent,
      DealTarget target) {
    String ask;
    ResponseBuilder response = input.getResponseBuilder();
    if (target instanceof DealTarget.Ambiguous ambiguous) {
      ask = DealPresentation.which(speech, ambiguous.deals());
      if (Requests.supportsApl(input)) {
        response.addDirective(
            DealPresentation.list(speech, speech.plain("deal.apl.which"), ambiguous.deals()));
      }
    } else if (target instanceof DealTarget.NotFound notFound && notFound.spoken() != null) {
      ask = speech.say("deal.unknown", notFound.spoken()) + " " + speech.say("deal.ask");
    } else if (target instanceof DealTarget.NotFound) {
      String name = DealSession.focusName(input).orElse(speech.plain("deal.this"));
      ask = speech.say("deal.notopen", name) + " " + speech.say("deal.ask");
    } else {
      ask = speech.say("deal.ask");
    }
    DealBook book = deals.reader(input).book(ownerId).orElse(DealBook.EMPTY);
    Intent cleared = Slots.withValue(intent, DealTarget.DEAL_NAME, null);
    sendNames(input, response, deals, leads, ownerId, book);
    return response
        .withSpeech(ask)
        .withReprompt(speech.say("deal.ask"))
        .addElicitSlotDirective(DealTarget.DEAL_NAME, cleared)
        .withShouldEndSession(false)
        .build();
  }
}
