package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.service.deals.DealUpdateService.Check;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/**
 * "Set the next step to send the contract": the dictated next step (AMAZON.SearchQuery, so the deal
 * is the one in focus or asked for), read back old → new, queued after yes.
 */
public final class DealNextStepIntentHandler extends DealWriteHandler {

  static final String NEXT_STEP = "nextStep";

  public DealNextStepIntentHandler(DealWork deals, LeadWork work) {
    super(deals, work);
  }

  @Override
  public String intentName() {
    return "DealNextStepIntent";
  }

  /** On a CRM without a next step, says so before anything is asked or queued. */
  @Override
  public Optional<Response> handle(HandlerInput input) {
    if (!deals().keepsNextStep()) {
      Speech speech = Requests.speech(input);
      return DealReplies.offer(input, speech, speech.say("dealnext.unsupported"));
    }
    return super.handle(input);
  }

  @Override
  String prefix() {
    return "dealnext";
  }

  @Override
  String slot() {
    return NEXT_STEP;
  }

  @Override
  Step<DealChanges> decide(Turn turn) {
    Speech speech = turn.speech();
    Check<String> check = turn.service().nextStep(turn.deal(), turn.value(NEXT_STEP));
    String name = turn.deal().name();
    if (check instanceof Check.Refused<String>) {
      return new Step.Elicit<>(NEXT_STEP, null);
    }
    if (check instanceof Check.Same<String>) {
      return new Step.Elicit<>(
          NEXT_STEP, speech.say("dealnext.same", name, turn.deal().nextStep()));
    }
    String to = ((Check.Valid<String>) check).value();
    if (!turn.confirmed()) {
      String from = turn.deal().nextStep();
      return new Step.Confirm<>(
          null,
          from == null || from.isBlank()
              ? speech.say("dealnext.confirm.nofrom", name, to)
              : speech.say("dealnext.confirm", name, from, to));
    }
    return new Step.Done<>(DealChanges.nextStep(to));
  }

  @Override
  String queued(Speech speech, Turn turn, DealChanges changes) {
    return speech.say("dealnext.queued", turn.deal().name(), changes.nextStep());
  }
}
