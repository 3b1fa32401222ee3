package com.crmvoice.simulator.dialog;

import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.model.InteractionModel.DialogIntent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The intent whose dialog is under way: its slots and confirmations as Alexa holds them. */
final class ActiveDialog {

  /** One slot's value (null: empty) and confirmation status (NONE, CONFIRMED, DENIED). */
  static final class SlotState {
    String value;
    String confirmation = "NONE";

    boolean filled() {
      return value != null && !value.isBlank();
    }
  }

  final String intent;
  final Map<String, SlotState> slots = new LinkedHashMap<>();
  String confirmation = "NONE";

  /** The intent's dialog model, or null when the model has none for it. */
  final DialogIntent model;

  /** Whether Alexa manages the dialog without asking the skill (delegationStrategy ALWAYS). */
  final boolean auto;

  ActiveDialog(String intent, InteractionModel interactionModel) {
    this.intent = intent;
    this.model = interactionModel.dialogIntent(intent).orElse(null);
    this.auto = interactionModel.autoDelegated(intent);
    interactionModel
        .intent(intent)
        .ifPresent(i -> i.slots().forEach(s -> slots.put(s.name(), new SlotState())));
  }

  SlotState slot(String name) {
    return slots.computeIfAbsent(name, n -> new SlotState());
  }

  /** Fills a slot as the user's words do: a changed value needs confirming again. */
  void set(String name, String value) {
    SlotState slot = slot(name);
    if (value == null || !value.equals(slot.value)) {
      slot.confirmation = "NONE";
    }
    slot.value = value;
  }

  /** The slots' values by name (null for an empty slot), in the model's order. */
  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    slots.forEach((k, v) -> values.put(k, v.value));
    return values;
  }
}
