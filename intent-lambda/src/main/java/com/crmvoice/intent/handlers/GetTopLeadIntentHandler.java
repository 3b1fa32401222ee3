package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.response.ResponseBuilder;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.service.skill.TopLeadService;
import com.crmvoice.core.service.skill.TopLeadService.TopLead;
import com.crmvoice.intent.progressive.ProgressiveResponses;
import com.crmvoice.intent.progressive.ProgressiveResponses.Delivery;
import com.crmvoice.intent.speech.Speech;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Get my top lead": the user's oldest open lead from the cache, as speech and a card (or an APL
 * document on a screen). On a cache miss a progressive response goes out before the CRM is asked,
 * and the answer waits (briefly, bounded) for it: Alexa plays it only if it arrives first.
 */
public final class GetTopLeadIntentHandler implements IntentHandler {

  private final TopLeadService topLeads;
  private final ProgressiveResponses progressive;

  public GetTopLeadIntentHandler(TopLeadService topLeads, ProgressiveResponses progressive) {
    this.topLeads = Objects.requireNonNull(topLeads, "topLeads");
    this.progressive = Objects.requireNonNull(progressive, "progressive");
  }

  @Override
  public String intentName() {
    return "GetTopLeadIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    AtomicReference<Delivery> delivery = new AtomicReference<>(Delivery.NONE);
    TopLead answer;
    try {
      answer =
          topLeads.topLead(
              user.userId(),
              () ->
                  delivery.set(
                      progressive.send(
                          Requests.apiEndpoint(input),
                          Requests.apiAccessToken(input),
                          Requests.requestId(input),
                          speech.say("toplead.progressive"))));
    } finally {
      delivery.get().await();
    }
    ResponseBuilder response = input.getResponseBuilder().withShouldEndSession(true);
    if (answer instanceof TopLead.Found found) {
      // The session stays open with a short offer: next, details, a call, a status.
      LeadSession.focus(input, found.lead(), 0);
      response =
          LeadSession.offering(input, speech, LeadPresentation.speech(speech, found.lead()))
              .withStandardCard(
                  LeadPresentation.cardTitle(speech),
                  LeadPresentation.cardText(speech, found.lead()),
                  null);
      // The names of the leads the answer was read with: one cache read for the whole answer.
      response.addDirective(LeadSession.leadNames(found.leads()));
      if (Requests.supportsApl(input)) {
        response.addDirective(LeadPresentation.apl(speech, found.lead()));
      }
    } else if (answer instanceof TopLead.NoOpenLeads) {
      response.withSpeech(speech.say("toplead.none"));
    } else {
      response.withSpeech(speech.say("toplead.unavailable"));
    }
    return response.build();
  }
}
