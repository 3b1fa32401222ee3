package com.crmvoice.simulator.dialog;

import com.crmvoice.simulator.dialog.ActiveDialog.SlotState;
import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.model.SpokenDates;
import com.crmvoice.simulator.model.SpokenNumbers;
import com.crmvoice.testkit.alexa.AlexaRequests;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How Alexa reports a slot the user filled: an AMAZON.DATE resolved to a date, an AMAZON.NUMBER to
 * its digits, and for a custom type entity resolution against the session's dynamic entities
 * (listed first) and the model's values.
 */
final class SpokenSlots {

  private final InteractionModel model;
  private final DynamicEntities dynamicEntities;
  private final Clock clock;

  SpokenSlots(InteractionModel model, DynamicEntities dynamicEntities, Clock clock) {
    this.model = model;
    this.dynamicEntities = dynamicEntities;
    this.clock = clock;
  }

  AlexaRequests.Slot slot(String intent, String name, SlotState state) {
    AlexaRequests.Slot slot = AlexaRequests.Slot.named(name).confirmation(state.confirmation);
    if (state.value == null) {
      return slot;
    }
    String typeName =
        model
            .intent(intent)
            .flatMap(i -> i.slot(name))
            .map(InteractionModel.Slot::type)
            .orElse(null);
    String spoken =
        "AMAZON.DATE".equals(typeName)
            ? SpokenDates.resolve(state.value, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
            : "AMAZON.NUMBER".equals(typeName) ? SpokenNumbers.resolve(state.value) : state.value;
    slot.value(spoken).spokenByUser();
    InteractionModel.SlotType type = typeName == null ? null : model.types().get(typeName);
    if (type != null) {
      dynamicEntities
          .match(typeName, state.value)
          .ifPresent(v -> slot.resolution(true, typeName, v.value(), idOf(v)));
      Optional<InteractionModel.TypeValue> resolved = type.resolve(state.value);
      slot.resolution(
          false,
          typeName,
          resolved.map(InteractionModel.TypeValue::value).orElse(null),
          resolved.map(SpokenSlots::idOf).orElse(null));
    }
    return slot;
  }

  private static String idOf(InteractionModel.TypeValue value) {
    return value.id() == null ? value.value() : value.id();
  }
}
