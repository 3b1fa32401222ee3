package com.crmvoice.simulator.dialog;

import com.crmvoice.simulator.dialog.ActiveDialog.SlotState;
import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.model.InteractionModel.DialogIntent;
import com.crmvoice.simulator.model.InteractionModel.DialogSlot;
import com.crmvoice.simulator.model.InteractionModel.Validation;
import java.util.Optional;

/**
 * Alexa's dialog management from the interaction model's dialog section, as it runs after
 * Dialog.Delegate or for an auto-delegated intent: slot by slot in the model's order, a denied slot
 * is emptied, a filled one validated, an empty required one elicited, a filled one needing
 * confirmation confirmed; then the intent is confirmed if the model asks for it; else the dialog is
 * complete. See
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/delegate-dialog-to-alexa.html
 */
final class DialogModelEngine {

  /** Alexa's next move in a dialog. */
  sealed interface Step {
    /** Speak the model's prompt {@code promptId} and wait for {@code expecting}. */
    record Prompt(String promptId, Expectation expecting) implements Step {}

    /** Nothing left to ask: send the intent with dialogState COMPLETED. */
    record Completed() implements Step {}
  }

  private final InteractionModel model;

  DialogModelEngine(InteractionModel model) {
    this.model = model;
  }

  /**
   * The next step for {@code dialog} (which has a dialog model); empties the slots Alexa empties
   * (denied ones, and ones that failed validation) on the way.
   */
  Step next(ActiveDialog dialog) {
    DialogIntent intent = dialog.model;
    for (DialogSlot slotModel : intent.slots()) {
      SlotState slot = dialog.slot(slotModel.name());
      if ("DENIED".equals(slot.confirmation)) {
        slot.value = null;
        slot.confirmation = "NONE";
      }
      if (slot.filled()) {
        Optional<Validation> failed = firstFailedValidation(slotModel, slot.value);
        if (failed.isPresent()) {
          slot.value = null;
          return new Step.Prompt(
              failed.get().prompt(), new Expectation.ElicitSlot(slotModel.name()));
        }
      }
      if (slotModel.elicitationRequired() && !slot.filled()) {
        return new Step.Prompt(
            slotModel.elicitationPrompt(), new Expectation.ElicitSlot(slotModel.name()));
      }
      if (slotModel.confirmationRequired() && slot.filled() && "NONE".equals(slot.confirmation)) {
        return new Step.Prompt(
            slotModel.confirmationPrompt(), new Expectation.ConfirmSlot(slotModel.name()));
      }
    }
    if (intent.confirmationRequired() && "NONE".equals(dialog.confirmation)) {
      return new Step.Prompt(intent.confirmationPrompt(), new Expectation.ConfirmIntent());
    }
    return new Step.Completed();
  }

  private Optional<Validation> firstFailedValidation(DialogSlot slotModel, String value) {
    for (Validation rule : slotModel.validations()) {
      boolean ok =
          switch (rule.type()) {
            case "isInSet" -> rule.values().stream().anyMatch(v -> v.equalsIgnoreCase(value));
            case "isNotInSet" -> rule.values().stream().noneMatch(v -> v.equalsIgnoreCase(value));
            case "hasEntityResolutionMatch" -> {
              InteractionModel.SlotType type = model.types().get(slotModel.type());
              yield type != null && type.resolve(value).isPresent();
            }
            case "isGreaterThan" -> compare(value, rule.value()) > 0;
            case "isGreaterThanOrEqualTo" -> compare(value, rule.value()) >= 0;
            case "isLessThan" -> compare(value, rule.value()) < 0;
            case "isLessThanOrEqualTo" -> compare(value, rule.value()) <= 0;
            default -> true;
          };
      if (!ok) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  private static int compare(String value, String bound) {
    try {
      return Double.compare(Double.parseDouble(value), Double.parseDouble(bound));
    } catch (NumberFormatException | NullPointerException e) {
      return Integer.MIN_VALUE / 2;
    }
  }
}
