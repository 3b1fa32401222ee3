package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.handlers.CreateLeadDialog.Progress;
import com.crmvoice.intent.handlers.CreateLeadDialog.Stage;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/**
 * AMAZON.HelpIntent. While the create-lead dialog asks for a detail, it explains what is needed and
 * asks the same question again, keeping what was collected. Otherwise it speaks 'help' and keeps
 * the session open for the next request.
 */
public final class HelpIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.HelpIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    Optional<Progress> progress = Progress.of(input).filter(p -> p.stage() == Stage.ELICITING);
    if (progress.isPresent()) {
      Progress now = progress.get();
      return CreateLeadDialog.elicit(
          input, speech, now.intent(), now, now.eliciting(), speech.say("create.help"));
    }
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("help"))
        .withReprompt(speech.say("help.reprompt"))
        .withShouldEndSession(false)
        .build();
  }
}
