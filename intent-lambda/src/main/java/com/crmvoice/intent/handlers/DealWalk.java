package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * "Next", "previous", "start over" while a deal list is current ({@link DealSession#list}): the
 * list as the user heard it, less the deals no longer open (closed or reassigned since), from the
 * cached book; the deal reached is in focus.
 */
final class DealWalk {

  private final DealWork deals;
  private final LeadWork leads;

  DealWalk(DealWork deals, LeadWork leads) {
    this.deals = Objects.requireNonNull(deals, "deals");
    this.leads = Objects.requireNonNull(leads, "leads");
  }

  /** Whether "next" means the next deal in this session. */
  static boolean current(HandlerInput input) {
    return DealSession.list(input).isPresent();
  }

  Optional<Response> walk(HandlerInput input, IntUnaryOperator target) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    DealSession.DealList list = DealSession.list(input).orElseThrow();
    if (deals.reader().openDeals(user.userId()).isEmpty()) {
      return DealReplies.offer(input, speech, speech.say("deal.unavailable"));
    }
    List<Deal> open = new ArrayList<>();
    for (String id : list.ids()) {
      deals.reader().find(user.userId(), id).ifPresent(open::add);
    }
    if (open.isEmpty()) {
      return DealReplies.offer(input, speech, speech.say("deal.list." + list.kind() + ".none"));
    }
    int current = currentIndex(input, list, open);
    int next = target.applyAsInt(current);
    if (next >= open.size()) {
      return DealReplies.offer(input, speech, speech.say("deal.walk.end", open.size()));
    }
    if (next < 0) {
      return DealReplies.offer(input, speech, speech.say("deal.walk.start"));
    }
    Deal deal = open.get(next);
    DealSession.walk(input, list.kind(), open, next);
    return DealReplies.show(
            input,
            speech,
            deals,
            leads,
            user.userId(),
            deal,
            speech.say("deal.walk", next + 1, open.size()))
        .build();
  }

  /**
   * The focus's place in the list still open; for a deal of the list closed meanwhile, its
   * predecessor's (so "next" is its successor); for a focus outside the list (a deal asked for by
   * name meanwhile), the place the walk had reached.
   */
  private static int currentIndex(HandlerInput input, DealSession.DealList list, List<Deal> open) {
    Optional<String> focus = DealSession.focused(input);
    if (focus.isPresent()) {
      for (int i = 0; i < open.size(); i++) {
        if (open.get(i).id().equals(focus.get())) {
          return i;
        }
      }
      if (list.ids().contains(focus.get())) {
        return Math.min(list.index(), open.size()) - 1;
      }
    }
    return Math.min(list.index(), open.size() - 1);
  }
}
