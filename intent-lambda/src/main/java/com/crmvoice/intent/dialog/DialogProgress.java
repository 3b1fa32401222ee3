package com.crmvoice.intent.dialog;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one dialog stands between turns, kept in a session attribute of its own: the stage, the
 * slot being elicited, the values so far (slots, and what the skill resolved, such as the lead read
 * back). A dialog may keep named lists beside them (create-lead's offered and declined details).
 *
 * @param attribute the session attribute it lives in, one per dialog
 */
public record DialogProgress(
    String attribute,
    Stage stage,
    String eliciting,
    Map<String, String> values,
    Map<String, List<String>> lists) {

  /** Where the dialog stands after the skill's last response. */
  public enum Stage {
    /** Alexa is collecting the required slots. */
    DELEGATING,
    /** The skill asked for {@link #eliciting}. */
    ELICITING,
    /** The skill read the result back and asked for confirmation. */
    CONFIRMING
  }

  public DialogProgress {
    values = Map.copyOf(values);
    lists = Map.copyOf(lists);
  }

  public static DialogProgress fresh(String attribute) {
    return new DialogProgress(attribute, Stage.DELEGATING, null, Map.of(), Map.of());
  }

  /** The progress kept in the session, or empty when this dialog is not under way. */
  public static Optional<DialogProgress> of(HandlerInput input, String attribute) {
    if (input.getRequestEnvelope().getSession() == null) {
      return Optional.empty();
    }
    Object raw = input.getAttributesManager().getSessionAttributes().get(attribute);
    if (!(raw instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Stage stage;
    try {
      stage = Stage.valueOf(String.valueOf(map.get("stage")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String eliciting = map.get("eliciting") instanceof String s ? s : null;
    if (stage == Stage.ELICITING && eliciting == null) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (map.get("slots") instanceof Map<?, ?> kept) {
      kept.forEach(
          (k, v) -> {
            if (v instanceof String value) {
              values.put(String.valueOf(k), value);
            }
          });
    }
    Map<String, List<String>> lists = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (v instanceof List<?> list) {
            lists.put(String.valueOf(k), list.stream().map(String::valueOf).toList());
          }
        });
    return Optional.of(new DialogProgress(attribute, stage, eliciting, values, lists));
  }

  public String value(String name) {
    return values.get(name);
  }

  public List<String> list(String name) {
    return lists.getOrDefault(name, List.of());
  }

  public DialogProgress with(Stage next, String slot, Map<String, String> newValues) {
    return new DialogProgress(attribute, next, slot, newValues, lists);
  }

  public DialogProgress withList(String name, List<String> list) {
    Map<String, List<String>> more = new LinkedHashMap<>(lists);
    more.put(name, List.copyOf(list));
    return new DialogProgress(attribute, stage, eliciting, values, more);
  }

  public DialogProgress withValue(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(values);
    if (value == null) {
      more.remove(name);
    } else {
      more.put(name, value);
    }
    return new DialogProgress(attribute, stage, eliciting, more, lists);
  }

  public void save(HandlerInput input) {
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put("stage", stage.name());
    if (eliciting != null) {
      kept.put("eliciting", eliciting);
    }
    lists.forEach(kept::put);
    kept.put("slots", new LinkedHashMap<>(values));
    input.getAttributesManager().getSessionAttributes().put(attribute, kept);
  }

  /** Forgets the dialog (it ended: done, denied or cancelled). */
  public static void end(HandlerInput input, String attribute) {
    if (input.getRequestEnvelope().getSession() != null) {
      input.getAttributesManager().getSessionAttributes().remove(attribute);
    }
  }
}
