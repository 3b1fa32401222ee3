package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/** AMAZON.CancelIntent: Says goodbye and ends the session. */
public final class CancelIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.CancelIntent";
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
