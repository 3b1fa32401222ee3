package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.response.ResponseBuilder;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.service.skill.WorkingSet;
import com.crmvoice.intent.speech.Speech;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "Next", "previous", "start over": the owner's open leads in top-lead order, from the cache; the
 * lead reached is the one in focus. While a deal list is current ("what deals close this week"),
 * the same words walk the deals ({@link DealWalk}). Each intent is a subclass naming where it goes.
 */
abstract class WalkLeadsHandler implements IntentHandler {

  private final WorkingSet workingSet;
  private final DealWalk deals;

  WalkLeadsHandler(WorkingSet workingSet) {
    this(workingSet, null);
  }

  /**
   * @param deals walks the deal list instead while one is current ({@link DealSession}); null for a
   *     skill without deals
   */
  WalkLeadsHandler(WorkingSet workingSet, DealWalk deals) {
    this.workingSet = Objects.requireNonNull(workingSet, "workingSet");
    this.deals = deals;
  }

  /** Where to go from {@code current} (-1 when nothing is in focus). */
  abstract int target(int current);

  @Override
  public Optional<Response> handle(HandlerInput input) {
    if (deals != null && DealWalk.current(input)) {
      return deals.walk(input, this::target);
    }
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Optional<List<Lead>> known = workingSet.leads(user.userId());
    if (known.isEmpty()) {
      return LeadSession.offer(input, speech, speech.say("walk.unknown"));
    }
    List<Lead> leads = known.get();
    if (leads.isEmpty()) {
      return LeadSession.offer(input, speech, speech.say("toplead.none"));
    }
    int current = currentIndex(input, leads);
    int next = target(current);
    if (next >= leads.size()) {
      return LeadSession.offer(input, speech, speech.say("walk.end", leads.size()));
    }
    if (next < 0) {
      return LeadSession.offer(input, speech, speech.say("walk.start"));
    }
    Lead lead = leads.get(next);
    LeadSession.focus(input, lead, next);
    return show(input, speech, lead, next, leads).build();
  }

  /** The focus's place in today's list (the list may have changed since it was set). */
  private static int currentIndex(HandlerInput input, List<Lead> leads) {
    Optional<String> focus = LeadSession.focusId(input);
    if (focus.isPresent()) {
      for (int i = 0; i < leads.size(); i++) {
        if (leads.get(i).id().equals(focus.get())) {
          return i;
        }
      }
    }
    // The lead in focus left the list (closed meanwhile): its successor took its place.
    int kept = LeadSession.focusIndex(input);
    return kept < 0 ? -1 : Math.min(kept, leads.size()) - 1;
  }

  /** A lead as the walk presents it: its place, its name and how to reach it, the offer. */
  static ResponseBuilder show(
      HandlerInput input, Speech speech, Lead lead, int index, List<Lead> leads) {
    String text =
        speech.say("walk.lead", index + 1, leads.size())
            + " "
            + LeadPresentation.speech(speech, lead);
    ResponseBuilder response =
        LeadSession.offering(input, speech, text)
            .withStandardCard(
                LeadPresentation.cardTitle(speech), LeadPresentation.cardText(speech, lead), null)
            .addDirective(LeadSession.leadNames(leads));
    if (Requests.supportsApl(input)) {
      response.addDirective(LeadPresentation.apl(speech, lead));
    }
    return response;
  }
}
