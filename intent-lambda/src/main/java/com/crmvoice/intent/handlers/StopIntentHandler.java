package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import java.util.Optional;

/** AMAZON.StopIntent: says goodbye and ends the session. */
public final class StopIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.StopIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    return goodbye(input);
  }

  /**
   * Goodbye in the request's language, and the session ends (Stop, Cancel, and No outside a
   * dialog).
   */
  static Optional<Response> goodbye(HandlerInput input) {
    return input
        .getResponseBuilder()
        .withSpeech(Requests.speech(input).say("goodbye"))
        .withShouldEndSession(true)
        .build();
  }
}
