package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.Slot;
import com.amazon.ask.model.SlotConfirmationStatus;
import com.crmvoice.core.domain.FieldViolation;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.service.skill.LeadDraft;
import com.crmvoice.intent.speech.Speech;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The create-lead dialog across turns. Alexa collects last name and company (Dialog.Delegate, the
 * model's required slots); then the skill offers each optional detail still empty, once, in the
 * order first name, email, phone (Dialog.ElicitSlot with its own speech, which says the user can
 * skip it); then it reads the lead back (Dialog.ConfirmIntent).
 *
 * <p>Where the dialog stands lives in a session attribute ({@link #ATTRIBUTE}): the stage, the slot
 * being elicited, the optional slots already offered and those declined, and the slot values so
 * far. The values are kept because a "skip" answer may not come back as CreateLeadIntent at all:
 * while a slot is being elicited Alexa routes an utterance that matches another intent of the model
 * to that intent (here AMAZON.NoIntent, extended with "skip", "none", "überspringen", …), and that
 * request carries none of CreateLeadIntent's slots. The skill then resumes the dialog by sending
 * Dialog.ElicitSlot or Dialog.ConfirmIntent with an updatedIntent named CreateLeadIntent (intent
 * chaining, <a
 * href="https://developer.amazon.com/en-US/docs/alexa/custom-skills/dialog-interface-reference.html">Dialog
 * interface reference</a>). When Alexa puts the answer into the elicited slot instead ("Skip" is
 * also a first name), a skip word there declines the slot just the same.
 */
final class CreateLeadDialog {

  static final String INTENT = "CreateLeadIntent";
  static final String FIRST_NAME = "firstName";
  static final String LAST_NAME = "lastName";
  static final String COMPANY = "company";
  static final String EMAIL = "email";
  static final String PHONE = "phone";

  /** The optional details, in the order they are offered. */
  static final List<String> OPTIONAL = List.of(FIRST_NAME, EMAIL, PHONE);

  static final List<String> SLOTS = List.of(FIRST_NAME, LAST_NAME, COMPANY, EMAIL, PHONE);

  /** The session attribute holding the dialog's progress. */
  static final String ATTRIBUTE = "createLead";

  /** Where the dialog stands after the skill's last response. */
  enum Stage {
    /** Alexa is collecting the required slots. */
    DELEGATING,
    /** The skill asked for {@link Progress#eliciting}. */
    ELICITING,
    /** The skill read the lead back and asked for confirmation. */
    CONFIRMING
  }

  /**
   * The dialog's progress, as kept in the session between turns.
   *
   * @param stage where the dialog stands
   * @param eliciting the slot asked for, with {@link Stage#ELICITING}; else null
   * @param offered optional slots already asked for (each is offered once)
   * @param declined optional slots the user skipped (they stay empty)
   * @param slots the slot values so far, email written out
   */
  record Progress(
      Stage stage,
      String eliciting,
      Set<String> offered,
      Set<String> declined,
      Map<String, String> slots) {

    Progress {
      offered = Set.copyOf(offered);
      declined = Set.copyOf(declined);
      slots = Map.copyOf(slots);
    }

    static Progress fresh() {
      return new Progress(Stage.DELEGATING, null, Set.of(), Set.of(), Map.of());
    }

    /** The progress kept in the session, or empty when no create-lead dialog is under way. */
    static Optional<Progress> of(HandlerInput input) {
      if (input.getRequestEnvelope().getSession() == null) {
        return Optional.empty();
      }
      Object raw = input.getAttributesManager().getSessionAttributes().get(ATTRIBUTE);
      if (!(raw instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      Stage stage;
      try {
        stage = Stage.valueOf(String.valueOf(map.get("stage")));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      Object eliciting = map.get("eliciting");
      String slot = eliciting instanceof String s && SLOTS.contains(s) ? s : null;
      if (stage == Stage.ELICITING && slot == null) {
        return Optional.empty();
      }
      Map<String, String> slots = new LinkedHashMap<>();
      if (map.get("slots") instanceof Map<?, ?> values) {
        values.forEach(
            (k, v) -> {
              if (SLOTS.contains(String.valueOf(k)) && v instanceof String value) {
                slots.put(String.valueOf(k), value);
              }
            });
      }
      return Optional.of(
          new Progress(stage, slot, names(map.get("offered")), names(map.get("declined")), slots));
    }

    private static Set<String> names(Object raw) {
      Set<String> names = new LinkedHashSet<>();
      if (raw instanceof List<?> list) {
        list.stream().map(String::valueOf).filter(OPTIONAL::contains).forEach(names::add);
      }
      return names;
    }

    /**
     * Whether {@code intent} continues this dialog: it carries the values kept (the slot being
     * asked for aside). A dialog the skill resumed from another intent may come back as STARTED; a
     * new "add a lead" in the same session carries other values.
     */
    boolean continues(Intent intent) {
      for (Map.Entry<String, String> kept : slots.entrySet()) {
        if (!kept.getKey().equals(eliciting)
            && !kept.getValue().equals(value(intent, kept.getKey()))) {
          return false;
        }
      }
      return true;
    }

    Progress declining(String slot) {
      Set<String> more = new LinkedHashSet<>(declined);
      more.add(slot);
      Map<String, String> values = new LinkedHashMap<>(slots);
      values.remove(slot);
      return new Progress(stage, eliciting, offered, more, values);
    }

    private Progress next(Stage next, String slot, Intent intent) {
      Set<String> asked = new LinkedHashSet<>(offered);
      if (slot != null && OPTIONAL.contains(slot)) {
        asked.add(slot);
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (String name : SLOTS) {
        String value = value(intent, name);
        if (value != null) {
          values.put(name, value);
        }
      }
      return new Progress(next, slot, asked, declined, values);
    }

    /** The intent rebuilt from the kept values, for a turn that did not bring it. */
    Intent intent() {
      Intent intent =
          Intent.builder()
              .withName(INTENT)
              .withConfirmationStatus(IntentConfirmationStatus.NONE)
              .withSlots(new LinkedHashMap<>())
              .build();
      for (String name : SLOTS) {
        intent = withValue(intent, name, slots.get(name));
      }
      return intent;
    }

    private void save(HandlerInput input) {
      Map<String, Object> kept = new LinkedHashMap<>();
      kept.put("stage", stage.name());
      if (eliciting != null) {
        kept.put("eliciting", eliciting);
      }
      kept.put("offered", OPTIONAL.stream().filter(offered::contains).toList());
      kept.put("declined", OPTIONAL.stream().filter(declined::contains).toList());
      kept.put("slots", new LinkedHashMap<>(slots));
      input.getAttributesManager().getSessionAttributes().put(ATTRIBUTE, kept);
    }
  }

  private CreateLeadDialog() {}

  /** Forgets the dialog (it ended: queued, denied or cancelled). */
  static void end(HandlerInput input) {
    if (input.getRequestEnvelope().getSession() != null) {
      input.getAttributesManager().getSessionAttributes().remove(ATTRIBUTE);
    }
  }

  /**
   * Takes the user's answer to the slot being elicited: a skip word there declines the slot, and
   * every declined slot is emptied.
   */
  static Progress answered(Speech speech, Intent intent, Progress progress) {
    Progress now = progress;
    if (now.stage() == Stage.ELICITING
        && OPTIONAL.contains(now.eliciting())
        && isSkip(speech, value(intent, now.eliciting()))) {
      now = now.declining(now.eliciting());
    }
    return now;
  }

  /**
   * The next turn of the dialog for the values in {@code intent}: a bad value asked for again with
   * the reason; Alexa asked to collect a missing required value; a confirmed lead handed to {@code
   * onConfirmed}; an optional detail offered; or the lead read back for confirmation.
   *
   * @param leadIn spoken before the question (e.g. "Sorry, I didn't catch that."), or null
   * @param onConfirmed what to answer once the user confirmed a valid, complete lead
   */
  static Optional<Response> next(
      HandlerInput input,
      Speech speech,
      Intent intent,
      Progress progress,
      String leadIn,
      Function<NewLead, Optional<Response>> onConfirmed) {
    Intent current = intent;
    for (String declined : progress.declined()) {
      current = withValue(current, declined, null);
    }
    boolean complete = filled(current, LAST_NAME) && filled(current, COMPANY);
    LeadDraft draft =
        LeadDraft.of(
            value(current, FIRST_NAME),
            value(current, LAST_NAME),
            value(current, COMPANY),
            value(current, EMAIL),
            value(current, PHONE),
            complete);
    Optional<FieldViolation> problem = draft.firstViolation();
    if (problem.isPresent()) {
      String field = problem.get().field();
      return elicit(input, speech, current, progress, field, reason(speech, problem.get()));
    }
    Intent updated = withValue(current, EMAIL, draft.email());

    if (!complete) {
      progress.next(Stage.DELEGATING, null, updated).save(input);
      return input.getResponseBuilder().addDelegateDirective(updated).build();
    }
    if (updated.getConfirmationStatus() == IntentConfirmationStatus.CONFIRMED) {
      end(input);
      return onConfirmed.apply(draft.toNewLead());
    }
    for (String optional : OPTIONAL) {
      if (!filled(updated, optional)
          && !progress.offered().contains(optional)
          && !progress.declined().contains(optional)) {
        return elicit(input, speech, updated, progress, optional, leadIn);
      }
    }
    progress.next(Stage.CONFIRMING, null, updated).save(input);
    String readBack = readBack(speech, draft.toNewLead());
    return input
        .getResponseBuilder()
        .withSpeech(join(leadIn, readBack))
        .withReprompt(readBack)
        .addConfirmIntentDirective(updated)
        .build();
  }

  /** Asks for {@code slot} (again), with {@code leadIn} (a reason, an apology) before it. */
  static Optional<Response> elicit(
      HandlerInput input,
      Speech speech,
      Intent intent,
      Progress progress,
      String slot,
      String leadIn) {
    Intent emptied = withValue(intent, slot, null);
    progress.next(Stage.ELICITING, slot, emptied).save(input);
    String question = question(speech, slot);
    return input
        .getResponseBuilder()
        .withSpeech(join(leadIn, question))
        .withReprompt(question)
        .addElicitSlotDirective(slot, emptied)
        .build();
  }

  /** The question for a slot; an optional one says it can be skipped. */
  static String question(Speech speech, String slot) {
    return OPTIONAL.contains(slot)
        ? speech.say("create.offer." + slot)
        : speech.say("create.ask." + slot);
  }

  private static String reason(Speech speech, FieldViolation problem) {
    String field = problem.field();
    return switch (problem.problem()) {
      case TOO_LONG ->
          speech.say("create.problem.TOO_LONG", speech.plain("field." + field), problem.limit());
      case MALFORMED -> speech.say("create.problem.MALFORMED." + field);
      case REQUIRED -> speech.say("create.problem.REQUIRED", speech.plain("field." + field));
      case INVALID_CHARACTERS ->
          speech.say("create.problem.INVALID_CHARACTERS", speech.plain("field." + field));
    };
  }

  /** Whether {@code answer} declines a detail ("skip", "none", "überspringen", …). */
  static boolean isSkip(Speech speech, String answer) {
    if (answer == null) {
      return false;
    }
    String said =
        answer
            .toLowerCase(Locale.ROOT)
            .replace('’', '\'')
            .replaceAll("[.,!?]", " ")
            .replaceAll("\\s+", " ")
            .strip();
    for (String word : speech.plain("create.skip.words").split(",")) {
      if (word.strip().equals(said)) {
        return true;
      }
    }
    return false;
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

  private static String join(String leadIn, String text) {
    return leadIn == null || leadIn.isBlank() ? text : leadIn + " " + text;
  }

  static boolean filled(Intent intent, String slot) {
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
      if (old == null) {
        slots.put(slot, Slot.builder().withName(slot).build());
        return rebuilt(intent, slots);
      }
      return intent;
    }
    slots.put(
        slot,
        Slot.builder()
            .withName(slot)
            .withValue(value)
            .withConfirmationStatus(SlotConfirmationStatus.NONE)
            .build());
    return rebuilt(intent, slots);
  }

  private static Intent rebuilt(Intent intent, Map<String, Slot> slots) {
    return Intent.builder()
        .withName(intent.getName())
        .withConfirmationStatus(intent.getConfirmationStatus())
        .withSlots(slots)
        .build();
  }
}
