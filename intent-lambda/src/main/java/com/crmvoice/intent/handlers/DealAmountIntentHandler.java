package com.crmvoice.intent.handlers;

import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.service.deals.DealUpdateService.Check;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.speech.Speech;
import com.crmvoice.intent.speech.SpokenMoney;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * "Set the amount to fifty thousand": the AMAZON.NUMBER amount in the deal's currency (the record's
 * where the org has several, else the org's), read back old → new in the user's locale, queued
 * after yes. Not a number, a negative amount, or an absurd one (a recognition slip, above {@link
 * com.crmvoice.core.service.deals.DealUpdateService#MAX_AMOUNT}) is answered and asked for again.
 */
public final class DealAmountIntentHandler extends DealWriteHandler {

  static final String AMOUNT = "amount";

  public DealAmountIntentHandler(DealWork deals, LeadWork work) {
    super(deals, work);
  }

  @Override
  public String intentName() {
    return "DealAmountIntent";
  }

  @Override
  String prefix() {
    return "dealamount";
  }

  @Override
  String slot() {
    return AMOUNT;
  }

  @Override
  Step<DealChanges> decide(Turn turn) {
    Speech speech = turn.speech();
    String spoken = turn.value(AMOUNT);
    Check<BigDecimal> check = turn.service().amount(turn.deal(), spoken);
    if (check instanceof Check.Refused<BigDecimal> refused) {
      return switch (refused.reason()) {
        case NOT_A_NUMBER -> new Step.Elicit<>(AMOUNT, speech.say("dealamount.notanumber"));
        case NEGATIVE -> new Step.Elicit<>(AMOUNT, speech.say("dealamount.negative"));
        case TOO_LARGE ->
            new Step.Elicit<>(
                AMOUNT,
                speech.say(
                    "dealamount.toolarge",
                    money(speech, new BigDecimal(spoken.strip().replace(",", "")), turn)));
        default -> new Step.Elicit<>(AMOUNT, null);
      };
    }
    if (check instanceof Check.Same<BigDecimal>) {
      return new Step.Elicit<>(
          AMOUNT,
          speech.say(
              "dealamount.same", turn.deal().name(), money(speech, turn.deal().amount(), turn)));
    }
    BigDecimal amount = ((Check.Valid<BigDecimal>) check).value();
    if (!turn.confirmed()) {
      BigDecimal from = turn.deal().amount();
      return new Step.Confirm<>(
          null,
          from == null
              ? speech.say(
                  "dealamount.confirm.nofrom", turn.deal().name(), money(speech, amount, turn))
              : speech.say(
                  "dealamount.confirm",
                  turn.deal().name(),
                  money(speech, from, turn),
                  money(speech, amount, turn)));
    }
    return new Step.Done<>(DealChanges.amount(amount));
  }

  /** The amount as the user's locale says it, in the deal's currency (a number when unknown). */
  static String money(Speech speech, BigDecimal amount, Turn turn) {
    if (turn.currency() == null) {
      return NumberFormat.getNumberInstance(Locale.forLanguageTag(speech.locale())).format(amount);
    }
    return SpokenMoney.of(amount, turn.currency(), speech.locale());
  }

  @Override
  String queued(Speech speech, Turn turn, DealChanges changes) {
    return speech.say(
        "dealamount.queued", turn.deal().name(), money(speech, changes.amount(), turn));
  }
}
