package com.crmvoice.intent.handlers;

import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.service.deals.DealUpdateService.Check;
import com.crmvoice.core.service.deals.DealUpdateService.CloseDate;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.speech.Speech;

/**
 * "Push the close date to next Friday": the AMAZON.DATE day (Alexa resolves "next Friday" in the
 * device's time zone), read back old → new and queued after yes. A day before the user's today (in
 * the device's zone, from the Alexa settings API, else the configured default) is said to be in the
 * past and asked to be confirmed anyway; a value that is not one day is asked for again.
 */
public final class DealCloseDateIntentHandler extends DealWriteHandler {

  static final String CLOSE_DATE = "closeDate";

  public DealCloseDateIntentHandler(DealWork deals, LeadWork work) {
    super(deals, work);
  }

  @Override
  public String intentName() {
    return "DealCloseDateIntent";
  }

  @Override
  String prefix() {
    return "dealclose";
  }

  @Override
  String slot() {
    return CLOSE_DATE;
  }

  @Override
  Step<DealChanges> decide(Turn turn) {
    Speech speech = turn.speech();
    Check<CloseDate> check =
        turn.service().closeDate(turn.deal(), turn.value(CLOSE_DATE), turn.today());
    if (check instanceof Check.Refused<CloseDate> refused) {
      return switch (refused.reason()) {
        case NOT_A_DAY -> new Step.Elicit<>(CLOSE_DATE, speech.say("dealclose.notaday"));
        default -> new Step.Elicit<>(CLOSE_DATE, null);
      };
    }
    String name = turn.deal().name();
    String from = turn.deal().closeDate().toString();
    if (check instanceof Check.Same<CloseDate>) {
      return new Step.Elicit<>(CLOSE_DATE, speech.say("dealclose.same", name, from));
    }
    CloseDate to = ((Check.Valid<CloseDate>) check).value();
    if (!turn.confirmed()) {
      return to.past()
          ? new Step.Confirm<>(
              speech.say("dealclose.past", to.date().toString()),
              speech.say("dealclose.confirm.past", name, from, to.date().toString()))
          : new Step.Confirm<>(
              null, speech.say("dealclose.confirm", name, from, to.date().toString()));
    }
    return new Step.Done<>(DealChanges.closeDate(to.date()));
  }

  @Override
  String queued(Speech speech, Turn turn, DealChanges changes) {
    return speech.say("dealclose.queued", turn.deal().name(), changes.closeDate().toString());
  }
}
