package com.crmvoice.simulator.dialog;

import com.crmvoice.simulator.model.InteractionModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session's dynamic entities, set by Dialog.UpdateDynamicEntities: slot type → its values (id,
 * name, synonyms). They last for the session (and at most 30 minutes), see
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/use-dynamic-entities-for-customized-interactions.html
 */
final class DynamicEntities {

  private final InteractionModel model;
  private final Map<String, List<InteractionModel.TypeValue>> byType = new HashMap<>();

  DynamicEntities(InteractionModel model) {
    this.model = model;
  }

  void clear() {
    byType.clear();
  }

  /** Applies the directive (REPLACE or CLEAR); answers what the transcript should note. */
  List<String> update(JsonNode directive) {
    String behavior = directive.path("updateBehavior").asText();
    if (behavior.equals("CLEAR")) {
      byType.clear();
      return List.of("dynamic entities cleared");
    }
    if (!behavior.equals("REPLACE")) {
      return List.of("Dialog.UpdateDynamicEntities without REPLACE or CLEAR: rejected");
    }
    byType.clear();
    List<String> notices = new ArrayList<>();
    for (JsonNode type : directive.path("types")) {
      List<InteractionModel.TypeValue> values = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (JsonNode value : type.path("values")) {
        List<String> synonyms = new ArrayList<>();
        value.path("name").path("synonyms").forEach(s -> synonyms.add(s.asText()));
        String name = value.path("name").path("value").asText();
        values.add(new InteractionModel.TypeValue(value.path("id").asText(null), name, synonyms));
        names.add(name);
      }
      String typeName = type.path("name").asText();
      if (model.types().get(typeName) == null) {
        notices.add("dynamic entities for " + typeName + ", a type the model lacks");
        continue;
      }
      byType.put(typeName, values);
      notices.add("dynamic entities " + typeName + ": " + String.join(", ", names));
    }
    return notices;
  }

  /** The dynamic value of {@code typeName} whose name or a synonym is what was said. */
  Optional<InteractionModel.TypeValue> match(String typeName, String spoken) {
    for (InteractionModel.TypeValue value : byType.getOrDefault(typeName, List.of())) {
      if (value.value().equalsIgnoreCase(spoken)
          || value.synonyms().stream().anyMatch(s -> s.equalsIgnoreCase(spoken))) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
