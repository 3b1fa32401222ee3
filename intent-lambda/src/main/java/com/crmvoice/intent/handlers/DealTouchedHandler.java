package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A touch on a deal list (Alexa.Presentation.APL.UserEvent with ["dealSelected", dealId], see
 * {@link DealPresentation#list}): a deal dialog waiting for "which deal" ({@link DealChoice})
 * continues with it; else the deal comes into focus and is described. Only the owner's open deals
 * are ever found.
 */
public final class DealTouchedHandler implements RequestHandler {

  private final List<DealChoice> choices;
  private final DealWork deals;
  private final LeadWork leads;

  DealTouchedHandler(List<DealChoice> choices, DealWork deals, LeadWork leads) {
    this.choices = List.copyOf(choices);
    this.deals = Objects.requireNonNull(deals, "deals");
    this.leads = Objects.requireNonNull(leads, "leads");
  }

  /** The handler for the deal dialogs among {@code handlers}. */
  public static DealTouchedHandler of(
      List<IntentHandler> handlers, DealWork deals, LeadWork leads) {
    List<DealChoice> choices =
        handlers.stream().filter(h -> h instanceof DealChoice).map(h -> (DealChoice) h).toList();
    return new DealTouchedHandler(choices, deals, leads);
  }

  private static Optional<String> touchedDeal(HandlerInput input) {
    return Requests.touched(input, DealPresentation.SELECTED);
  }

  @Override
  public boolean canHandle(HandlerInput input) {
    return touchedDeal(input).isPresent();
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    String dealId = touchedDeal(input).orElseThrow();
    for (DealChoice choice : choices) {
      if (choice.awaitsDeal(input)) {
        return choice.continueWith(input, dealId);
      }
    }
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Optional<Deal> deal = deals.reader(input).find(user.userId(), dealId);
    if (deal.isEmpty()) {
      return DealReplies.offer(
          input, speech, speech.say("deal.notopen", speech.plain("deal.this")));
    }
    DealSession.list(input)
        .filter(l -> l.ids().contains(dealId))
        .ifPresent(l -> DealSession.walkTo(input, l, l.ids().indexOf(dealId), deal.get()));
    return DealReplies.show(input, speech, deals, leads, user.userId(), deal.get(), "").build();
  }
}
