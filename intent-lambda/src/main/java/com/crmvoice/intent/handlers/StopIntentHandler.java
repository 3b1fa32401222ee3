package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/** AMAZON.StopIntent: Says goodbye and ends the session. */
public final class StopIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.StopIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("goodbye"))
        .withShouldEndSession(true)
        .build();
  }
}
