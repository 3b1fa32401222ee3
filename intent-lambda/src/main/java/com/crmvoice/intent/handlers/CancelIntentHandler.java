package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import java.util.Optional;

/** AMAZON.CancelIntent: says goodbye and ends the session. */
public final class CancelIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.CancelIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    return StopIntentHandler.goodbye(input);
  }
}
