package com.crmvoice.intent.handlers;

import static com.amazon.ask.request.Predicates.requestType;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.LaunchRequest;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/** "Alexa, open my assistant": says what the skill can do and keeps the session open. */
public final class LaunchRequestHandler implements RequestHandler {

  @Override
  public boolean canHandle(HandlerInput input) {
    return input.matches(requestType(LaunchRequest.class));
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("launch"))
        .withReprompt(speech.say("launch.reprompt"))
        .withShouldEndSession(false)
        .build();
  }
}
