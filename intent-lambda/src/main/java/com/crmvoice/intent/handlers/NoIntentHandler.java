package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.handlers.CreateLeadDialog.Progress;
import com.crmvoice.intent.handlers.CreateLeadDialog.Stage;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/**
 * AMAZON.NoIntent, extended in the models with "skip", "none", "überspringen", …: while the
 * create-lead dialog offers an optional detail, Alexa routes such an answer here rather than into
 * the slot (see {@link CreateLeadDialog}). It declines that detail and resumes the dialog. Outside
 * the dialog "no" is the answer to "what would you like to do?": goodbye.
 */
public final class NoIntentHandler implements IntentHandler {

  @Override
  public String intentName() {
    return "AMAZON.NoIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Optional<Progress> progress = Progress.of(input);
    if (progress.isEmpty()) {
      return StopIntentHandler.goodbye(input);
    }
    Speech speech = Requests.speech(input);
    Progress now = progress.get();
    if (now.stage() == Stage.ELICITING) {
      if (CreateLeadDialog.OPTIONAL.contains(now.eliciting())) {
        Progress declined = now.declining(now.eliciting());
        return CreateLeadDialog.next(input, speech, declined.intent(), declined, null);
      }
      // Last name and company cannot be skipped: Salesforce requires them.
      return CreateLeadDialog.elicit(
          input,
          speech,
          now.intent(),
          now,
          now.eliciting(),
          speech.say("create.problem.REQUIRED", speech.plain("field." + now.eliciting())));
    }
    if (now.stage() == Stage.DELEGATING) {
      // "No" while Alexa asks for a required value: Alexa asks again.
      return input.getResponseBuilder().addDelegateDirective(now.intent()).build();
    }
    // At the read-back Alexa routes "no" to CreateLeadIntent as DENIED; should it come here, it
    // means the same.
    return CreateLeadDialog.denied(input, speech);
  }
}
