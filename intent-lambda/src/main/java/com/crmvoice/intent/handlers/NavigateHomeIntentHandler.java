package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/** AMAZON.NavigateHomeIntent: Speaks 'home' and keeps the session open for the next request. */
public final class NavigateHomeIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.NavigateHomeIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("home"))
        .withReprompt(speech.say("home.reprompt"))
        .withShouldEndSession(false)
        .build();
  }
}
