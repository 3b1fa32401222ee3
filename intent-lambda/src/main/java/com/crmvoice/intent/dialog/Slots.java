package com.crmvoice.intent.dialog;

import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Slot;
import com.amazon.ask.model.SlotConfirmationStatus;
import com.amazon.ask.model.slu.entityresolution.Resolution;
import com.amazon.ask.model.slu.entityresolution.StatusCode;
import com.amazon.ask.model.slu.entityresolution.ValueWrapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes of an intent's slots, null-safe, for every dialog. */
public final class Slots {

  private Slots() {}

  /** The slot's spoken value, or null. */
  public static String value(Intent intent, String slot) {
    if (intent == null || intent.getSlots() == null) {
      return null;
    }
    Slot s = intent.getSlots().get(slot);
    return s == null ? null : s.getValue();
  }

  public static boolean filled(Intent intent, String slot) {
    String value = value(intent, slot);
    return value != null && !value.isBlank();
  }

  /**
   * The id entity resolution matched the slot's value to (a custom type's value id, or a dynamic
   * entity's id), or null when nothing matched. Dynamic entities come first, as Alexa lists them.
   */
  public static String resolvedId(Intent intent, String slot) {
    if (intent == null || intent.getSlots() == null || intent.getSlots().get(slot) == null) {
      return null;
    }
    Slot s = intent.getSlots().get(slot);
    if (s.getResolutions() == null || s.getResolutions().getResolutionsPerAuthority() == null) {
      return null;
    }
    for (Resolution resolution : s.getResolutions().getResolutionsPerAuthority()) {
      if (resolution.getStatus() != null
          && resolution.getStatus().getCode() == StatusCode.ER_SUCCESS_MATCH
          && resolution.getValues() != null) {
        for (ValueWrapper wrapper : resolution.getValues()) {
          if (wrapper.getValue() != null && wrapper.getValue().getId() != null) {
            return wrapper.getValue().getId();
          }
        }
      }
    }
    return null;
  }

  /** The intent with one slot set (or emptied, for null), the others as they were. */
  public static Intent withValue(Intent intent, String slot, String value) {
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
