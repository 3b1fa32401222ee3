package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.dialog.DynamicEntitiesDirective;
import com.amazon.ask.model.er.dynamic.Entity;
import com.amazon.ask.model.er.dynamic.EntityListItem;
import com.amazon.ask.model.er.dynamic.EntityValueAndSynonyms;
import com.amazon.ask.model.er.dynamic.UpdateBehavior;
import com.amazon.ask.response.ResponseBuilder;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.intent.speech.Speech;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A working session's state in the session attributes: the lead in focus ("her", "it", "this lead")
 * and where it stands in the owner's open leads, and the last command the user gave in this session
 * (what "undo that" undoes). Also the short offer that keeps a session open, and the user's lead
 * names sent to Alexa as dynamic entities.
 */
final class LeadSession {

  static final String FOCUS = "focus";
  static final String LAST_COMMAND = "lastCommand";

  /** The slot type the lead names are sent as (see the interaction models). */
  static final String LEAD_NAME_TYPE = "LEAD_NAME";

  private LeadSession() {}

  private static Map<String, Object> attributes(HandlerInput input) {
    return input.getAttributesManager().getSessionAttributes();
  }

  private static boolean hasSession(HandlerInput input) {
    return input.getRequestEnvelope().getSession() != null;
  }

  /** The id of the lead in focus, if any. */
  static Optional<String> focusId(HandlerInput input) {
    if (!hasSession(input)
        || !(attributes(input).get(FOCUS) instanceof Map<?, ?> focus)
        || !(focus.get("leadId") instanceof String id)) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  /** Where the lead in focus stood in the owner's open leads (0 = the top lead). */
  static int focusIndex(HandlerInput input) {
    if (hasSession(input)
        && attributes(input).get(FOCUS) instanceof Map<?, ?> focus
        && focus.get("index") instanceof Number n) {
      return n.intValue();
    }
    return -1;
  }

  /** The name of the lead in focus, as the user heard it. */
  static Optional<String> focusName(HandlerInput input) {
    if (!hasSession(input)
        || !(attributes(input).get(FOCUS) instanceof Map<?, ?> focus)
        || !(focus.get("name") instanceof String name)) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  static void focus(HandlerInput input, Lead lead, int index) {
    if (!hasSession(input)) {
      return;
    }
    Map<String, Object> focus = new LinkedHashMap<>();
    focus.put("leadId", lead.id());
    focus.put("index", index);
    focus.put("name", lead.fullName());
    attributes(input).put(FOCUS, focus);
    // A lead in focus: "next" walks leads again, not the deal list heard before.
    DealSession.endWalk(input);
  }

  static Optional<String> lastCommand(HandlerInput input) {
    return hasSession(input) && attributes(input).get(LAST_COMMAND) instanceof String id
        ? Optional.of(id)
        : Optional.empty();
  }

  static void lastCommand(HandlerInput input, String commandId) {
    if (hasSession(input)) {
      attributes(input).put(LAST_COMMAND, commandId);
    }
  }

  /** {@code text}, then the short offer; the session stays open for the next request. */
  static Optional<Response> offer(HandlerInput input, Speech speech, String text) {
    return offering(input, speech, text).build();
  }

  static ResponseBuilder offering(HandlerInput input, Speech speech, String text) {
    String offer = speech.say("session.offer");
    return input
        .getResponseBuilder()
        .withSpeech(text + " " + offer)
        .withReprompt(offer)
        .withShouldEndSession(false);
  }

  /**
   * Dialog.UpdateDynamicEntities with the owner's lead names (full, first and last name as
   * synonyms; the lead id as the entity id), so Alexa recognises the names the user may say. See
   * https://developer.amazon.com/en-US/docs/alexa/custom-skills/use-dynamic-entities-for-customized-interactions.html
   */
  static DynamicEntitiesDirective leadNames(List<Lead> leads) {
    List<Entity> values = new ArrayList<>();
    for (Lead lead : leads) {
      List<String> synonyms = new ArrayList<>();
      synonyms.add(lead.lastName());
      if (lead.firstName() != null && !lead.firstName().isBlank()) {
        synonyms.add(lead.firstName());
      }
      values.add(
          Entity.builder()
              .withId(lead.id())
              .withName(
                  EntityValueAndSynonyms.builder()
                      .withValue(lead.fullName())
                      .withSynonyms(synonyms)
                      .build())
              .build());
    }
    return DynamicEntitiesDirective.builder()
        .withUpdateBehavior(UpdateBehavior.REPLACE)
        .addTypesItem(EntityListItem.builder().withName(LEAD_NAME_TYPE).withValues(values).build())
        .build();
  }

  /** "Maria Garcia at Northwind", or the name alone. */
  static String label(Speech speech, Lead lead) {
    return lead.company() == null
        ? lead.fullName()
        : speech.plain("lead.at", lead.fullName(), lead.company());
  }
}
