package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.service.skill.WorkingSet;
import com.crmvoice.intent.dialog.Slots;
import com.crmvoice.intent.speech.Speech;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * "What's her phone number / email / company / status", "when was it created", "tell me more": from
 * the cache, for the lead named or in focus; the phone number and the date spoken with say-as.
 */
public final class LeadDetailsIntentHandler implements IntentHandler {

  static final String DETAIL = "detail";

  private final WorkingSet workingSet;
  private final DealDetailsIntentHandler dealDetails;

  /**
   * {@code dealDetails} answers "tell me more" while a deal is what the conversation is about (a
   * deal heard after the last lead, no lead named); null for a skill without deals.
   */
  public LeadDetailsIntentHandler(WorkingSet workingSet, DealDetailsIntentHandler dealDetails) {
    this.workingSet = Objects.requireNonNull(workingSet, "workingSet");
    this.dealDetails = dealDetails;
  }

  @Override
  public String intentName() {
    return "LeadDetailsIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Intent intent = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent();
    String detail = Slots.resolvedId(intent, DETAIL);
    if (dealDetails != null
        && (detail == null || "MORE".equals(detail))
        && !Slots.filled(intent, LeadTarget.LEAD_NAME)
        && DealSession.isCurrent(input)) {
      return dealDetails.describeFocus(input);
    }
    LeadTarget target = LeadTarget.resolve(input, workingSet, user.userId(), intent, null);
    if (!(target instanceof LeadTarget.Found found)) {
      return LeadSession.offer(input, speech, speech.say("details.nolead"));
    }
    Lead lead = found.lead();
    if (detail == null) {
      detail = "MORE";
    }
    return LeadSession.offer(input, speech, describe(speech, lead, detail));
  }

  static String describe(Speech speech, Lead lead, String detail) {
    String name = lead.fullName();
    return switch (detail) {
      case "PHONE" ->
          lead.phone() == null
              ? speech.say("details.PHONE.none", name)
              : speech.say("details.PHONE", name, lead.phone());
      case "EMAIL" ->
          lead.email() == null
              ? speech.say("details.EMAIL.none", name)
              : speech.say("details.EMAIL", name, lead.email());
      case "COMPANY" ->
          lead.company() == null
              ? speech.say("details.COMPANY.none", name)
              : speech.say("details.COMPANY", name, lead.company());
      case "STATUS" -> speech.say("details.STATUS", name, String.valueOf(lead.status()));
      case "CREATED" -> speech.say("details.CREATED", name, created(lead));
      default ->
          String.join(
              " ",
              describe(speech, lead, "COMPANY"),
              describe(speech, lead, "STATUS"),
              describe(speech, lead, "PHONE"),
              describe(speech, lead, "EMAIL"),
              describe(speech, lead, "CREATED"));
    };
  }

  private static String created(Lead lead) {
    return LocalDate.ofInstant(lead.createdAt(), java.time.ZoneOffset.UTC).toString();
  }
}
