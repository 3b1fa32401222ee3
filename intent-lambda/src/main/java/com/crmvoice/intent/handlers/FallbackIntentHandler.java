package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.handlers.CreateLeadDialog.Progress;
import com.crmvoice.intent.handlers.CreateLeadDialog.Stage;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/**
 * AMAZON.FallbackIntent. In the middle of the create-lead dialog (an answer Alexa could not fit
 * into the slot it was eliciting, such as an email address said without "it's" or "the email is"),
 * it apologises and asks the same question again, keeping what was collected. Otherwise it speaks
 * 'fallback' and keeps the session open for the next request.
 */
public final class FallbackIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.FallbackIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    Optional<Progress> progress = Progress.of(input);
    if (progress.isPresent()) {
      Progress now = progress.get();
      String sorry = speech.say("create.notcaught");
      if (now.stage() == Stage.ELICITING) {
        return CreateLeadDialog.elicit(input, speech, now.intent(), now, now.eliciting(), sorry);
      }
      return CreateLeadDialog.next(input, speech, now.intent(), now, sorry);
    }
    return notUnderstood(input, speech);
  }

  /** The skill did not understand: it says so, and the session stays open for another try. */
  static Optional<Response> notUnderstood(HandlerInput input, Speech speech) {
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("fallback"))
        .withReprompt(speech.say("fallback.reprompt"))
        .withShouldEndSession(false)
        .build();
  }
}
