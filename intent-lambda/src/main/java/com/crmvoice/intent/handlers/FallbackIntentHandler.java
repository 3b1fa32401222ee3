package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/** AMAZON.FallbackIntent: Speaks 'fallback' and keeps the session open for the next request. */
public final class FallbackIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.FallbackIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("fallback"))
        .withReprompt(speech.say("fallback.reprompt"))
        .withShouldEndSession(false)
        .build();
  }
}
