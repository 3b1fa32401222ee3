package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.service.deals.DealReader;
import com.crmvoice.intent.dialog.Slots;
import java.util.List;
import java.util.Optional;

/**
 * Which deal a request means: the one named ({@code dealName}: matched against the owner's cached
 * deal and account names; when the words match none, the dynamic entity Alexa resolved them to),
 * else {@code keptDealId} (a dialog's deal, or a touch on the list), else the one in focus. Only
 * the owner's open deals are ever found: a closed deal, or another owner's, is {@link NotFound}.
 */
public sealed interface DealTarget {

  String DEAL_NAME = "dealName";

  record Found(Deal deal) implements DealTarget {}

  /** Several of the owner's open deals have that name. */
  record Ambiguous(List<Deal> deals) implements DealTarget {}

  /**
   * No open deal of the owner has that name ({@code spoken}), or the deal in focus (or kept) is no
   * longer open and the owner's ({@code focusId}).
   */
  record NotFound(String spoken, String focusId) implements DealTarget {}

  /** The owner's book is not in the cache yet. */
  record Unknown() implements DealTarget {}

  /** Nothing named, nothing in focus. */
  record None() implements DealTarget {}

  static DealTarget resolve(
      HandlerInput input, DealReader reader, String ownerId, Intent intent, String keptDealId) {
    Optional<List<Deal>> book = reader.openDeals(ownerId);
    if (book.isEmpty()) {
      return new Unknown();
    }
    String spoken = Slots.value(intent, DEAL_NAME);
    if (spoken != null && !spoken.isBlank()) {
      List<Deal> matches = reader.matching(ownerId, spoken);
      if (matches.size() == 1) {
        return new Found(matches.get(0));
      }
      if (matches.size() > 1) {
        return new Ambiguous(matches);
      }
      String id = Slots.resolvedId(intent, DEAL_NAME);
      if (id != null) {
        Optional<Deal> byId = reader.find(ownerId, id);
        if (byId.isPresent()) {
          return new Found(byId.get());
        }
      }
      return new NotFound(spoken, null);
    }
    String id = keptDealId != null ? keptDealId : DealSession.focused(input).orElse(null);
    if (id == null) {
      return new None();
    }
    return reader.find(ownerId, id).<DealTarget>map(Found::new).orElse(new NotFound(null, id));
  }
}
