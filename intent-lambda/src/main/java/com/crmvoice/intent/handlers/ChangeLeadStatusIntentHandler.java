package com.crmvoice.intent.handlers;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.core.service.skill.LeadStatusCatalog;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Slots;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.speech.Speech;
import java.util.List;
import java.util.Optional;

/**
 * "Mark it as contacted", "set her status to qualified", "she's not interested": the spoken status
 * resolved against the org's Lead Status picklist, read back old → new, queued after yes. An
 * unknown status, or the status the lead already has, is answered and asked for again.
 */
public final class ChangeLeadStatusIntentHandler extends LeadWriteHandler<UpdateLeadStatus> {

  static final String STATUS = "status";

  public ChangeLeadStatusIntentHandler(LeadWork work) {
    super(work);
  }

  @Override
  public String intentName() {
    return "ChangeLeadStatusIntent";
  }

  @Override
  String prefix() {
    return "statuschange";
  }

  @Override
  List<String> slots() {
    return List.of(STATUS);
  }

  @Override
  Step<UpdateLeadStatus> decide(Turn turn) {
    Speech speech = turn.speech();
    Lead lead = turn.lead();
    String spoken = turn.value(STATUS);
    if (spoken == null || spoken.isBlank()) {
      return new Step.Elicit<>(STATUS, null);
    }
    LeadStatusCatalog statuses = turn.work().statuses();
    Optional<String> resolved = statuses.resolve(Slots.resolvedId(turn.intent(), STATUS), spoken);
    if (resolved.isEmpty()) {
      return new Step.Elicit<>(
          STATUS, speech.say("statuschange.unknown", spoken, choices(statuses)));
    }
    String to = resolved.get();
    if (to.equals(lead.status())) {
      return new Step.Elicit<>(STATUS, speech.say("statuschange.same", lead.fullName(), to));
    }
    if (!turn.confirmed()) {
      String readBack =
          lead.status() == null
              ? speech.say("statuschange.confirm.nofrom", lead.fullName(), to)
              : speech.say("statuschange.confirm", lead.fullName(), lead.status(), to);
      return new Step.Confirm<>(null, readBack);
    }
    return new Step.Done<>(
        new UpdateLeadStatus(
            CommandIds.fromRequestId("UpdateLeadStatus", turn.requestId()),
            turn.user().userId(),
            lead.id(),
            lead.fullName(),
            lead.status(),
            to,
            lead.lastModifiedAt(),
            turn.work().commands().clock().instant()));
  }

  private static String choices(LeadStatusCatalog statuses) {
    return String.join(", ", statuses.values().stream().filter(statuses::isOpen).toList());
  }

  @Override
  String queued(Speech speech, UpdateLeadStatus command) {
    return speech.say("statuschange.queued", command.leadName(), command.toStatus());
  }
}
