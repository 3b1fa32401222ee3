package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.service.deals.DealReader;
import com.crmvoice.intent.DealWork;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Slots;
import com.crmvoice.intent.speech.Speech;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "What deals close this week / this month" ({@code DealsClosingIntent}, {@code span}: {@code
 * DEAL_SPAN} WEEK or MONTH, the week by default) and "what's my biggest deal" ({@code
 * BiggestDealIntent}): a short list from the cached book, the first deal described and in focus;
 * "next" and "previous" then walk the list ({@link DealWalk}). On a screen the list is shown, a
 * touch selects a deal.
 */
public final class DealListIntentHandler implements IntentHandler {

  /** The list kinds, as kept in the session and in the bundle keys. */
  static final String WEEK = "WEEK";

  static final String MONTH = "MONTH";
  static final String BIGGEST = "BIGGEST";

  /** The most deal names an answer says before "and 3 more". */
  static final int NAMED = 3;

  private final DealWork deals;
  private final LeadWork leads;
  private final boolean biggest;

  /**
   * @param biggest true for "my biggest deal", false for "deals closing"
   */
  public DealListIntentHandler(DealWork deals, LeadWork leads, boolean biggest) {
    this.deals = Objects.requireNonNull(deals, "deals");
    this.leads = Objects.requireNonNull(leads, "leads");
    this.biggest = biggest;
  }

  @Override
  public String intentName() {
    return biggest ? "BiggestDealIntent" : "DealsClosingIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    String kind = biggest ? BIGGEST : span(input);
    Optional<List<Deal>> listed =
        biggest
            ? deals.reader().biggest(user.userId())
            : deals
                .reader()
                .closing(
                    user.userId(),
                    MONTH.equals(kind) ? DealReader.Span.MONTH : DealReader.Span.WEEK,
                    DayPresentation.zone(input, leads));
    if (listed.isEmpty()) {
      return DealReplies.offer(input, speech, speech.say("deal.unavailable"));
    }
    List<Deal> list = listed.get();
    if (list.isEmpty()) {
      return DealReplies.offer(input, speech, speech.say("deal.list." + kind + ".none"));
    }
    DealSession.walk(input, kind, list, 0);
    String intro;
    if (biggest) {
      intro = speech.say("deal.list.BIGGEST", list.get(0).name());
    } else {
      intro =
          speech.say(
                  "deal.list." + kind + (list.size() == 1 ? ".one" : ".many"),
                  list.size(),
                  names(speech, list))
              + (list.size() == 1 ? "" : " " + speech.say("deal.walk", 1, list.size()));
    }
    // On a screen the list rather than the first deal: a touch picks any of them.
    return DealReplies.show(
            input,
            speech,
            deals,
            leads,
            user.userId(),
            list.get(0),
            intro,
            list.size() > 1
                ? DealPresentation.list(speech, speech.plain("deal.apl." + kind), list)
                : null)
        .build();
  }

  private static String span(HandlerInput input) {
    String id =
        Slots.resolvedId(
            ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent(), "span");
    return MONTH.equals(id) ? MONTH : WEEK;
  }

  /** "A, B and C", or "A, B, C and 2 more", in the user's language (plain: escaped once). */
  static String names(Speech speech, List<Deal> list) {
    List<String> names = list.stream().limit(NAMED).map(Deal::name).toList();
    if (list.size() > NAMED) {
      return speech.plain("deal.andmore", String.join(", ", names), list.size() - NAMED);
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return speech.plain(
        "deal.and",
        String.join(", ", names.subList(0, names.size() - 1)),
        names.get(names.size() - 1));
  }
}
