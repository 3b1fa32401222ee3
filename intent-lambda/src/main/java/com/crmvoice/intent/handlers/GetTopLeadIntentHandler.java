package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.response.ResponseBuilder;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.service.skill.TopLeadService.TopLead;
import com.crmvoice.intent.SkillServices;
import com.crmvoice.intent.progressive.ProgressiveResponses.Delivery;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Get my top lead": the user's oldest open lead from the cache, as speech and a card (or an APL
 * document on a screen). On a cache miss a progressive response goes out before the CRM is asked,
 * and the answer waits (briefly, bounded) for it: Alexa plays it only if it arrives first.
 */
public final class GetTopLeadIntentHandler implements IntentHandler {

  private final SkillServices services;

  public GetTopLeadIntentHandler(SkillServices services) {
    this.services = services;
  }

  @Override
  public String intentName() {
    return "GetTopLeadIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = services.identity().resolve(Requests.accessToken(input));
    AtomicReference<Delivery> progressive = new AtomicReference<>(Delivery.NONE);
    TopLead answer;
    try {
      answer =
          services
              .topLeads()
              .topLead(
                  user.userId(),
                  () ->
                      progressive.set(
                          services
                              .progressive()
                              .send(
                                  Requests.apiEndpoint(input),
                                  Requests.apiAccessToken(input),
                                  Requests.requestId(input),
                                  speech.say("toplead.progressive"))));
    } finally {
      progressive.get().await();
    }
    ResponseBuilder response = input.getResponseBuilder().withShouldEndSession(true);
    if (answer instanceof TopLead.Found found) {
      response
          .withSpeech(LeadView.speech(speech, found.lead()))
          .withStandardCard(
              LeadView.cardTitle(speech), LeadView.cardText(speech, found.lead()), null);
      if (Requests.supportsApl(input)) {
        response.addDirective(LeadView.apl(speech, found.lead()));
      }
    } else if (answer instanceof TopLead.NoOpenLeads) {
      response.withSpeech(speech.say("toplead.none"));
    } else {
      response.withSpeech(speech.say("toplead.unavailable"));
    }
    return response.build();
  }
}
