package com.crmvoice.intent.handlers;

import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.service.deals.DealStageCatalog;
import com.crmvoice.core.service.deals.DealUpdateService.Check;
import com.crmvoice.core.service.deals.DealUpdateService.StageChange;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.speech.Speech;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Move the Acme deal to negotiation", "move it to closed won": the spoken stage resolved against
 * the org's StageName picklist ({@link DealStageCatalog}: the model's DEAL_STAGE key, the value
 * word for word, the locale's aliases and slips from the bundle, {@code dealstage.alias.<KEY>}),
 * read back old → new with the probability Salesforce sets with the new stage, queued after yes. An
 * unknown stage, or the one the deal is in, is answered and asked for again.
 */
public final class ChangeDealStageIntentHandler extends DealWriteHandler {

  static final String STAGE = "stage";

  public ChangeDealStageIntentHandler(DealWork deals, LeadWork work) {
    super(deals, work);
  }

  @Override
  public String intentName() {
    return "ChangeDealStageIntent";
  }

  @Override
  String prefix() {
    return "dealstage";
  }

  @Override
  String slot() {
    return STAGE;
  }

  /** The locale's spoken aliases of each stage key, recognition slips included. */
  static Map<String, List<String>> aliases(Speech speech) {
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    for (String key : DealStageCatalog.KEYS.keySet()) {
      String line = speech.plainIfPresent("dealstage.alias." + key);
      if (line != null) {
        aliases.put(key, Arrays.stream(line.split("\\|")).map(String::strip).toList());
      }
    }
    return aliases;
  }

  @Override
  Step<DealChanges> decide(Turn turn) {
    Speech speech = turn.speech();
    String spoken = turn.value(STAGE);
    Check<StageChange> check =
        turn.service().stage(turn.deal(), turn.resolvedId(STAGE), spoken, aliases(speech));
    if (check instanceof Check.Refused<StageChange> refused) {
      return switch (refused.reason()) {
        case UNKNOWN_STAGE ->
            new Step.Elicit<>(
                STAGE,
                speech.say(
                    "dealstage.unknown",
                    spoken,
                    String.join(", ", turn.service().stages().openLabels())));
        default -> new Step.Elicit<>(STAGE, null);
      };
    }
    if (check instanceof Check.Same<StageChange>) {
      return new Step.Elicit<>(
          STAGE, speech.say("dealstage.same", turn.deal().name(), label(turn)));
    }
    StageChange change = ((Check.Valid<StageChange>) check).value();
    if (!turn.confirmed()) {
      DealStage to = change.to();
      return new Step.Confirm<>(
          null,
          to.defaultProbability() == null
              ? speech.say(
                  "dealstage.confirm.noprob", turn.deal().name(), change.from().label(), to.label())
              : speech.say(
                  "dealstage.confirm",
                  turn.deal().name(),
                  change.from().label(),
                  to.label(),
                  to.defaultProbability()));
    }
    return new Step.Done<>(DealChanges.stage(change.to().value()));
  }

  private static String label(Turn turn) {
    return turn.service()
        .stages()
        .stage(turn.deal().stage())
        .map(DealStage::label)
        .orElse(turn.deal().stage());
  }

  @Override
  String queued(Speech speech, Turn turn, DealChanges changes) {
    String to =
        turn.service()
            .stages()
            .stage(changes.stage())
            .map(DealStage::label)
            .orElse(changes.stage());
    return speech.say("dealstage.queued", turn.deal().name(), to);
  }
}
