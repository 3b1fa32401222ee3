package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.service.skill.WorkingSet;
import com.crmvoice.intent.dialog.Slots;
import java.util.List;
import java.util.Optional;

/**
 * Which lead a request means: the one named ({@code leadName}: the dynamic entity's id, or the name
 * matched against the owner's cached leads), else the one in focus. Only the owner's open leads are
 * ever found.
 */
sealed interface LeadTarget {

  String LEAD_NAME = "leadName";

  record Found(Lead lead) implements LeadTarget {}

  /** Several of the owner's leads have that name. */
  record Ambiguous(List<Lead> leads) implements LeadTarget {}

  /** No open lead of the owner has that name, or the lead in focus is no longer open. */
  record NotFound(String spoken, String focusId) implements LeadTarget {}

  /** Nothing named, nothing in focus. */
  record None() implements LeadTarget {}

  static LeadTarget resolve(
      HandlerInput input, WorkingSet set, String ownerId, Intent intent, String keptLeadId) {
    if (keptLeadId != null && !Slots.filled(intent, LEAD_NAME)) {
      return set.find(ownerId, keptLeadId)
          .<LeadTarget>map(Found::new)
          .orElse(new NotFound(null, keptLeadId));
    }
    String spoken = Slots.value(intent, LEAD_NAME);
    if (spoken != null && !spoken.isBlank()) {
      String id = Slots.resolvedId(intent, LEAD_NAME);
      if (id != null) {
        Optional<Lead> byId = set.find(ownerId, id);
        if (byId.isPresent()) {
          return new Found(byId.get());
        }
      }
      List<Lead> matches = set.matching(ownerId, spoken);
      if (matches.size() == 1) {
        return new Found(matches.get(0));
      }
      return matches.isEmpty() ? new NotFound(spoken, null) : new Ambiguous(matches);
    }
    Optional<String> focus = LeadSession.focusId(input);
    if (focus.isEmpty()) {
      return new None();
    }
    return set.find(ownerId, focus.get())
        .<LeadTarget>map(Found::new)
        .orElse(new NotFound(null, focus.get()));
  }
}
