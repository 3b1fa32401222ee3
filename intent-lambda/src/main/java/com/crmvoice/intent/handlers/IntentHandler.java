package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.request.Predicates;

/** A handler for one intent of the interaction model, named as there. */
public interface IntentHandler extends RequestHandler {

  /** The intent's name in the interaction model. */
  String intentName();

  @Override
  default boolean canHandle(HandlerInput input) {
    return input.matches(Predicates.intentName(intentName()));
  }
}
