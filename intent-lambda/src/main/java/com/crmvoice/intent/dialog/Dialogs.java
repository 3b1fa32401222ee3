package com.crmvoice.intent.dialog;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Response;
import com.crmvoice.intent.dialog.DialogProgress.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place a dialog's {@link Step} becomes a response: Dialog.ElicitSlot, Dialog.Delegate or
 * Dialog.ConfirmIntent with the updated intent, the question as speech and reprompt, and the
 * progress saved for the next turn. (Intent chaining and the directives: <a
 * href="https://developer.amazon.com/en-US/docs/alexa/custom-skills/dialog-interface-reference.html">Dialog
 * interface reference</a>.) A {@link Step.Done} has no response here: the handler acts on it.
 */
public final class Dialogs {

  private Dialogs() {}

  /**
   * The response for a step that is not {@link Step.Done}.
   *
   * @param slots the dialog's slot names, kept in the progress
   * @param question the question for a slot
   * @param extra values the dialog resolved (the lead read back), kept beside the slots
   */
  public static Optional<Response> respond(
      HandlerInput input,
      DialogProgress progress,
      Intent intent,
      List<String> slots,
      Step<?> step,
      Function<String, String> question,
      Map<String, String> extra) {
    if (step instanceof Step.Elicit<?> elicit) {
      Intent emptied = Slots.withValue(intent, elicit.slot(), null);
      progress.with(Stage.ELICITING, elicit.slot(), kept(emptied, slots, extra)).save(input);
      String asked = question.apply(elicit.slot());
      return input
          .getResponseBuilder()
          .withSpeech(join(elicit.leadIn(), asked))
          .withReprompt(asked)
          .addElicitSlotDirective(elicit.slot(), emptied)
          .withShouldEndSession(false)
          .build();
    }
    if (step instanceof Step.Confirm<?> confirm) {
      progress.with(Stage.CONFIRMING, null, kept(intent, slots, extra)).save(input);
      return input
          .getResponseBuilder()
          .withSpeech(join(confirm.leadIn(), confirm.readBack()))
          .withReprompt(confirm.readBack())
          .addConfirmIntentDirective(intent)
          .withShouldEndSession(false)
          .build();
    }
    if (step instanceof Step.Delegate<?>) {
      progress.with(Stage.DELEGATING, null, kept(intent, slots, extra)).save(input);
      return input.getResponseBuilder().addDelegateDirective(intent).build();
    }
    throw new IllegalArgumentException("a finished dialog has no dialog response");
  }

  /** {@link #respond} with {@code leadIn} put before whatever the step says. */
  public static String join(String leadIn, String text) {
    return leadIn == null || leadIn.isBlank() ? text : leadIn + " " + text;
  }

  private static Map<String, String> kept(
      Intent intent, List<String> slots, Map<String, String> extra) {
    Map<String, String> values = new LinkedHashMap<>(extra);
    for (String name : slots) {
      String value = Slots.value(intent, name);
      if (value != null) {
        values.put(name, value);
      }
    }
    return values;
  }
}
