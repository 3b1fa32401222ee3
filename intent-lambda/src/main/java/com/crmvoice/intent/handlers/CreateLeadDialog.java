package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.FieldViolation;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.service.skill.LeadDraft;
import com.crmvoice.intent.dialog.DialogProgress;
import com.crmvoice.intent.dialog.Dialogs;
import com.crmvoice.intent.dialog.Slots;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.speech.Speech;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The create-lead dialog across turns, on the skill's dialog framework ({@code
 * com.crmvoice.intent.dialog}): {@link #decide} answers a {@link Step}, {@link Dialogs#respond}
 * turns it into directives, and the handler acts on a {@link Step.Done}. Where the dialog stands (a
 * {@link DialogProgress}) lives in the {@link #ATTRIBUTE} session attribute, because a "skip" that
 * Alexa routes to AMAZON.NoIntent carries none of CreateLeadIntent's slots. The order of the
 * questions, skipping and the intent chaining that resumes the dialog: README, "The interaction
 * model: slot types and why".
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
      return DialogProgress.of(input, ATTRIBUTE).flatMap(Progress::from);
    }

    private static Optional<Progress> from(DialogProgress kept) {
      String slot =
          kept.eliciting() != null && SLOTS.contains(kept.eliciting()) ? kept.eliciting() : null;
      if (kept.stage() == DialogProgress.Stage.ELICITING && slot == null) {
        return Optional.empty();
      }
      Map<String, String> slots = new LinkedHashMap<>();
      kept.values()
          .forEach(
              (k, v) -> {
                if (SLOTS.contains(k)) {
                  slots.put(k, v);
                }
              });
      return Optional.of(
          new Progress(
              Stage.valueOf(kept.stage().name()),
              slot,
              names(kept.list("offered")),
              names(kept.list("declined")),
              slots));
    }

    /** The framework's record of this progress, with {@code slot} offered when it is elicited. */
    DialogProgress kept(String slot) {
      Set<String> asked = new LinkedHashSet<>(offered);
      if (slot != null && OPTIONAL.contains(slot)) {
        asked.add(slot);
      }
      return new DialogProgress(
          ATTRIBUTE,
          DialogProgress.Stage.valueOf(stage.name()),
          eliciting,
          slots,
          Map.of(
              "offered", OPTIONAL.stream().filter(asked::contains).toList(),
              "declined", OPTIONAL.stream().filter(declined::contains).toList()));
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
  }

  private CreateLeadDialog() {}

  /** Forgets the dialog (it ended: queued, denied or cancelled). */
  static void end(HandlerInput input) {
    DialogProgress.end(input, ATTRIBUTE);
  }

  /** The read-back was denied: nothing is queued, the dialog ends and the session with it. */
  static Optional<Response> denied(HandlerInput input, Speech speech) {
    end(input);
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("create.denied"))
        .withShouldEndSession(true)
        .build();
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

  /** A decision and the intent it was made for (declined details emptied, email written out). */
  record Turn(Step<NewLead> step, Intent intent) {}

  /**
   * The next step of the dialog for the values in {@code intent}: a bad value asked for again with
   * the reason; Alexa asked to collect a missing required value; a confirmed lead done; an optional
   * detail offered; or the lead read back for confirmation.
   *
   * @param leadIn spoken before the question (e.g. "Sorry, I didn't catch that."), or null
   */
  static Turn decide(Speech speech, Intent intent, Progress progress, String leadIn) {
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
      return new Turn(
          new Step.Elicit<>(problem.get().field(), reason(speech, problem.get())), current);
    }
    Intent updated = withValue(current, EMAIL, draft.email());
    if (!complete) {
      return new Turn(new Step.Delegate<>(), updated);
    }
    if (updated.getConfirmationStatus() == IntentConfirmationStatus.CONFIRMED) {
      return new Turn(new Step.Done<>(draft.toNewLead()), updated);
    }
    for (String optional : OPTIONAL) {
      if (!filled(updated, optional)
          && !progress.offered().contains(optional)
          && !progress.declined().contains(optional)) {
        return new Turn(new Step.Elicit<>(optional, leadIn), updated);
      }
    }
    return new Turn(new Step.Confirm<>(leadIn, readBack(speech, draft.toNewLead())), updated);
  }

  /** The response for a turn that is not done (see {@link Dialogs#respond}). */
  static Optional<Response> respond(
      HandlerInput input, Speech speech, Turn turn, Progress progress) {
    String slot = turn.step() instanceof Step.Elicit<NewLead> e ? e.slot() : null;
    return Dialogs.respond(
        input,
        progress.kept(slot),
        turn.intent(),
        SLOTS,
        turn.step(),
        asked -> question(speech, asked),
        Map.of());
  }

  /**
   * The dialog's next response where no lead can be confirmed (a turn that is not the user's yes):
   * {@link #decide}, then {@link #respond}.
   */
  static Optional<Response> next(
      HandlerInput input, Speech speech, Intent intent, Progress progress, String leadIn) {
    Turn turn = decide(speech, intent, progress, leadIn);
    if (turn.step() instanceof Step.Done<NewLead>) {
      return Optional.empty();
    }
    return respond(input, speech, turn, progress);
  }

  /** Asks for {@code slot} (again), with {@code leadIn} (a reason, an apology) before it. */
  static Optional<Response> elicit(
      HandlerInput input,
      Speech speech,
      Intent intent,
      Progress progress,
      String slot,
      String leadIn) {
    return respond(input, speech, new Turn(new Step.Elicit<>(slot, leadIn), intent), progress);
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

  static boolean filled(Intent intent, String slot) {
    return Slots.filled(intent, slot);
  }

  static String value(Intent intent, String slot) {
    return Slots.value(intent, slot);
  }

  /** The intent with one slot set (or emptied, for null), the others as they were. */
  static Intent withValue(Intent intent, String slot, String value) {
    return Slots.withValue(intent, slot, value);
  }
}
