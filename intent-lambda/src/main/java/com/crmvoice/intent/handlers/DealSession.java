package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.dialog.DynamicEntitiesDirective;
import com.amazon.ask.model.er.dynamic.Entity;
import com.amazon.ask.model.er.dynamic.EntityListItem;
import com.amazon.ask.model.er.dynamic.EntityValueAndSynonyms;
import com.amazon.ask.model.er.dynamic.UpdateBehavior;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.deal.Deal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deal side of a working session, in the session attributes: the deal in focus ({@code
 * dealFocus}: what "it" means to "move it to negotiation") and the deal list the user is walking
 * ({@code dealList}: the ids in the order they were heard, so "next" and "previous" walk what was
 * said even if the book changes meanwhile). While a deal list is current, "next" walks deals;
 * putting a lead in focus ends it ({@link LeadSession#focus}), and "next" walks leads again. Also
 * the owner's deal names sent to Alexa as dynamic entities, beside the lead names.
 *
 * <p>Other deal handlers get the deal in focus with {@link #focused} (its id) and resolve "which
 * deal" with {@link DealTarget#resolve}.
 */
public final class DealSession {

  static final String FOCUS = "dealFocus";
  static final String LIST = "dealList";

  /** Set while a deal is what the conversation is about (since a deal, not a lead, was heard). */
  static final String CURRENT = "dealCurrent";

  /** A fingerprint of the deal names last sent to Alexa in this session (they stay for it). */
  static final String NAMES = "dealNames";

  /** The slot type the deal names are sent as (see the interaction models). */
  public static final String DEAL_NAME_TYPE = "DEAL_NAME";

  /** The most dynamic entities Alexa takes in one directive, all types together. */
  static final int DYNAMIC_MAX = 100;

  private DealSession() {}

  private static Map<String, Object> attributes(HandlerInput input) {
    return input.getAttributesManager().getSessionAttributes();
  }

  private static boolean hasSession(HandlerInput input) {
    return input.getRequestEnvelope().getSession() != null;
  }

  /** The id of the deal in focus, if any (the one "it" means). */
  public static Optional<String> focused(HandlerInput input) {
    return focusValue(input, "dealId");
  }

  /** The name of the deal in focus, as the user heard it. */
  public static Optional<String> focusName(HandlerInput input) {
    return focusValue(input, "name");
  }

  private static Optional<String> focusValue(HandlerInput input, String key) {
    if (!hasSession(input)
        || !(attributes(input).get(FOCUS) instanceof Map<?, ?> focus)
        || !(focus.get(key) instanceof String value)) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Puts {@code deal} in focus. */
  public static void focus(HandlerInput input, Deal deal) {
    if (!hasSession(input)) {
      return;
    }
    Map<String, Object> focus = new LinkedHashMap<>();
    focus.put("dealId", deal.id());
    focus.put("name", deal.name());
    attributes(input).put(FOCUS, focus);
    attributes(input).put(CURRENT, Boolean.TRUE);
  }

  /**
   * Whether the deal in focus is what the conversation is about: a deal was heard after the last
   * lead ("tell me more" then means the deal).
   */
  static boolean isCurrent(HandlerInput input) {
    return hasSession(input)
        && Boolean.TRUE.equals(attributes(input).get(CURRENT))
        && focused(input).isPresent();
  }

  /** The deal list being walked: its kind and its ids; empty when the user walks leads. */
  static Optional<DealList> list(HandlerInput input) {
    if (!hasSession(input)
        || !(attributes(input).get(LIST) instanceof Map<?, ?> list)
        || !(list.get("kind") instanceof String kind)
        || !(list.get("ids") instanceof List<?> ids)) {
      return Optional.empty();
    }
    int index = list.get("index") instanceof Number n ? n.intValue() : 0;
    return Optional.of(new DealList(kind, ids.stream().map(String::valueOf).toList(), index));
  }

  /** A deal list as heard: what kind ("WEEK", "MONTH", "BIGGEST"), its ids, the place in focus. */
  record DealList(String kind, List<String> ids, int index) {}

  /** Makes {@code deals} the list "next" walks, the one at {@code index} in focus. */
  static void walk(HandlerInput input, String kind, List<Deal> deals, int index) {
    if (!hasSession(input)) {
      return;
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("kind", kind);
    list.put("ids", deals.stream().map(Deal::id).toList());
    list.put("index", index);
    attributes(input).put(LIST, list);
    focus(input, deals.get(index));
  }

  /** Moves the walk's place to {@code index} and that deal into focus. */
  static void walkTo(HandlerInput input, DealList list, int index, Deal deal) {
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put("kind", list.kind());
    kept.put("ids", list.ids());
    kept.put("index", index);
    attributes(input).put(LIST, kept);
    focus(input, deal);
  }

  /** The user walks leads again ("next" means the next lead, "tell me more" the lead). */
  static void endWalk(HandlerInput input) {
    if (hasSession(input)) {
      attributes(input).remove(LIST);
      attributes(input).remove(CURRENT);
    }
  }

  /**
   * Whether the names of {@code deals} are the ones last sent in this session (so Alexa still holds
   * them: dynamic entities last for the session); false without a session.
   */
  static boolean namesSent(HandlerInput input, List<Deal> deals) {
    return hasSession(input) && fingerprint(deals).equals(attributes(input).get(NAMES));
  }

  /** The names of {@code deals} were sent in this response. */
  static void sentNames(HandlerInput input, List<Deal> deals) {
    if (hasSession(input)) {
      attributes(input).put(NAMES, fingerprint(deals));
    }
  }

  /** Another REPLACE (the lead names alone) replaced the deal names Alexa held. */
  static void forgetNames(HandlerInput input) {
    if (hasSession(input)) {
      attributes(input).remove(NAMES);
    }
  }

  private static String fingerprint(List<Deal> deals) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    for (Deal deal : deals.subList(0, Math.min(DYNAMIC_MAX, deals.size()))) {
      crc.update(
          (deal.id() + '\n' + deal.name() + '\n' + deal.accountName() + '\n')
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return deals.size() + "-" + Long.toHexString(crc.getValue());
  }

  /**
   * Dialog.UpdateDynamicEntities with the owner's deal names (the account's name a synonym; the
   * deal id the entity id) and lead names. REPLACE replaces every dynamic type at once, so the lead
   * names go with the deal names; at most {@link #DYNAMIC_MAX} values, the leads and the soonest
   * closing deals first. See
   * https://developer.amazon.com/en-US/docs/alexa/custom-skills/use-dynamic-entities-for-customized-interactions.html
   */
  static DynamicEntitiesDirective names(List<Deal> deals, List<Lead> leads) {
    DynamicEntitiesDirective leadNames = LeadSession.leadNames(leads);
    List<EntityListItem> types = new ArrayList<>(leadNames.getTypes());
    int room = DYNAMIC_MAX - leads.size();
    List<Entity> values = new ArrayList<>();
    for (Deal deal : deals.subList(0, Math.max(0, Math.min(room, deals.size())))) {
      List<String> synonyms = new ArrayList<>();
      if (deal.accountName() != null && !deal.accountName().isBlank()) {
        synonyms.add(deal.accountName());
      }
      values.add(
          Entity.builder()
              .withId(deal.id())
              .withName(
                  EntityValueAndSynonyms.builder()
                      .withValue(deal.name())
                      .withSynonyms(synonyms)
                      .build())
              .build());
    }
    types.add(EntityListItem.builder().withName(DEAL_NAME_TYPE).withValues(values).build());
    return DynamicEntitiesDirective.builder()
        .withUpdateBehavior(UpdateBehavior.REPLACE)
        .withTypes(types)
        .build();
  }
}
