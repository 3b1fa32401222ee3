package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.Slot;
import com.amazon.ask.model.SlotConfirmationStatus;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.FieldViolation;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.service.skill.CreateLeadService.Submission;
import com.crmvoice.core.service.skill.LeadDraft;
import com.crmvoice.intent.SkillServices;
import com.crmvoice.intent.speech.Speech;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Add a lead": a dialog the skill drives (delegation strategy SKILL_RESPONSE). Every turn checks
 * the values given so far; a bad one is asked for again with the reason, never dropped. Once last
 * name and company are in, the details are read back for confirmation; confirmed, the command is
 * queued and Alexa answers at once; denied, nothing is queued.
 */
public final class CreateLeadIntentHandler implements IntentHandler {

  static final String FIRST_NAME = "firstName";
  static final String LAST_NAME = "lastName";
  static final String COMPANY = "company";
  static final String EMAIL = "email";
  static final String PHONE = "phone";

  private final SkillServices services;

  public CreateLeadIntentHandler(SkillServices services) {
    this.services = services;
  }

  @Override
  public String intentName() {
    return "CreateLeadIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    IntentRequest request = (IntentRequest) input.getRequestEnvelope().getRequest();
    Intent intent = request.getIntent();
    // Who is asking, before the user spends a dialog on it: unlinked users hear how to link.
    CrmUser user = services.identity().resolve(Requests.accessToken(input));

    if (intent.getConfirmationStatus() == IntentConfirmationStatus.DENIED) {
      return input
          .getResponseBuilder()
          .withSpeech(speech.say("create.denied"))
          .withShouldEndSession(true)
          .build();
    }

    boolean complete = filled(intent, LAST_NAME) && filled(intent, COMPANY);
    LeadDraft draft =
        LeadDraft.of(
            value(intent, FIRST_NAME),
            value(intent, LAST_NAME),
            value(intent, COMPANY),
            value(intent, EMAIL),
            value(intent, PHONE),
            complete);
    Optional<FieldViolation> problem = draft.firstViolation();
    if (problem.isPresent()) {
      return askAgain(input, speech, intent, problem.get());
    }
    Intent updated = withValue(intent, EMAIL, draft.email());

    if (!complete) {
      return input.getResponseBuilder().addDelegateDirective(updated).build();
    }
    NewLead lead = draft.toNewLead();
    if (intent.getConfirmationStatus() != IntentConfirmationStatus.CONFIRMED) {
      String readBack = readBack(speech, lead);
      return input
          .getResponseBuilder()
          .withSpeech(readBack)
          .withReprompt(readBack)
          .addConfirmIntentDirective(updated)
          .build();
    }

    Submission submission =
        services.createLeads().submit(Requests.requestId(input), user.userId(), lead);
    String who = summary(speech, lead);
    String text =
        submission instanceof Submission.NotQueued
            ? speech.say("create.notqueued")
            : speech.say("create.queued", who);
    return input.getResponseBuilder().withSpeech(text).withShouldEndSession(true).build();
  }

  private static Optional<Response> askAgain(
      HandlerInput input, Speech speech, Intent intent, FieldViolation problem) {
    String field = problem.field();
    String reason =
        switch (problem.problem()) {
          case TOO_LONG ->
              speech.say(
                  "create.problem.TOO_LONG", speech.plain("field." + field), problem.limit());
          case MALFORMED -> speech.say("create.problem.MALFORMED." + field);
          case REQUIRED -> speech.say("create.problem.REQUIRED", speech.plain("field." + field));
        };
    String question = speech.say("create.ask." + field);
    return input
        .getResponseBuilder()
        .withSpeech(reason + " " + question)
        .withReprompt(question)
        .addElicitSlotDirective(field, withValue(intent, field, null))
        .build();
  }

  static String readBack(Speech speech, NewLead lead) {
    StringBuilder text = new StringBuilder(speech.say("create.confirm.who", summary(speech, lead)));
    if (lead.email() != null) {
      text.append(' ').append(speech.say("create.confirm.email", lead.email()));
    }
    if (lead.phone() != null) {
      text.append(' ').append(speech.say("create.confirm.phone", lead.phone()));
    }
    return text.append(' ').append(speech.say("create.confirm.question")).toString();
  }

  static String summary(Speech speech, NewLead lead) {
    return speech.plain("lead.summary", lead.fullName(), lead.company());
  }

  private static boolean filled(Intent intent, String slot) {
    String value = value(intent, slot);
    return value != null && !value.isBlank();
  }

  static String value(Intent intent, String slot) {
    if (intent.getSlots() == null) {
      return null;
    }
    Slot s = intent.getSlots().get(slot);
    return s == null ? null : s.getValue();
  }

  /** The intent with one slot set (or emptied, for null), the others as they were. */
  static Intent withValue(Intent intent, String slot, String value) {
    Map<String, Slot> slots = new LinkedHashMap<>();
    if (intent.getSlots() != null) {
      slots.putAll(intent.getSlots());
    }
    Slot old = slots.get(slot);
    if (value == null && (old == null || old.getValue() == null)) {
      return intent;
    }
    slots.put(
        slot,
        Slot.builder()
            .withName(slot)
            .withValue(value)
            .withConfirmationStatus(SlotConfirmationStatus.NONE)
            .build());
    return Intent.builder()
        .withName(intent.getName())
        .withConfirmationStatus(intent.getConfirmationStatus())
        .withSlots(slots)
        .build();
  }
}
