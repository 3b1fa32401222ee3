package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/** AMAZON.HelpIntent: Speaks 'help' and keeps the session open for the next request. */
public final class HelpIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.HelpIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("help"))
        .withReprompt(speech.say("help.reprompt"))
        .withShouldEndSession(false)
        .build();
  }
}
