package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import java.util.Objects;
import java.util.Optional;

/**
 * "Tell me about the Acme deal", "what's the status of the Northwind renewal", "tell me about it":
 * the deal named (or in focus) from the cached book, put in focus. An unknown name, several matches
 * ("Which one?", a list on a screen) or a deal no longer open ask for the deal again.
 */
public final class DealDetailsIntentHandler implements IntentHandler {

  private final DealWork deals;
  private final LeadWork leads;

  public DealDetailsIntentHandler(DealWork deals, LeadWork leads) {
    this.deals = Objects.requireNonNull(deals, "deals");
    this.leads = Objects.requireNonNull(leads, "leads");
  }

  @Override
  public String intentName() {
    return "DealDetailsIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    return handle(input, ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent());
  }

  /**
   * The deal in focus, for another intent's words ("tell me more" while a deal is current): as a
   * DealDetailsIntent without a name, so that asking for the deal again elicits this intent's slot.
   */
  Optional<Response> describeFocus(HandlerInput input) {
    return handle(
        input,
        Intent.builder()
            .withName(intentName())
            .withConfirmationStatus(IntentConfirmationStatus.NONE)
            .build());
  }

  private Optional<Response> handle(HandlerInput input, Intent intent) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    DealTarget target = DealTarget.resolve(input, deals.reader(input), user.userId(), intent, null);
    if (target instanceof DealTarget.Unknown) {
      return DealReplies.offer(input, speech, speech.say("deal.unavailable"));
    }
    if (target instanceof DealTarget.Found found) {
      return DealReplies.show(input, speech, deals, leads, user.userId(), found.deal(), "").build();
    }
    if (target instanceof DealTarget.None
        && deals.reader(input).openDeals(user.userId()).orElseThrow().isEmpty()) {
      return DealReplies.offer(input, speech, speech.say("deal.none"));
    }
    return DealReplies.askWhich(input, speech, deals, leads, user.userId(), intent, target);
  }
}
