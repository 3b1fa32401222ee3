package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.exception.ExceptionHandler;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.port.AccountLinkingRequiredException;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/** The user has no (valid) linked account: a LinkAccount card and a spoken explanation. */
public final class AccountLinkingExceptionHandler implements ExceptionHandler {

  @Override
  public boolean canHandle(HandlerInput input, Throwable throwable) {
    return throwable instanceof AccountLinkingRequiredException;
  }

  @Override
  public Optional<Response> handle(HandlerInput input, Throwable throwable) {
    Speech speech = Requests.speech(input);
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("link.required"))
        .withLinkAccountCard()
        .withShouldEndSession(true)
        .build();
  }
}
