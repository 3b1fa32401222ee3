package com.crmvoice.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A custom skill's interaction model for one locale, read from the file the ASK CLI deploys
 * (skill-package/interactionModels/custom/&lt;locale&gt;.json, SMAPI format): the language model
 * (invocation name, intents with slots and sample utterances, custom slot types), the dialog model
 * (which slots Alexa elicits and confirms, with which prompts) and the prompts.
 *
 * @param invocationName what the user says to reach the skill, for example "my assistant"
 * @param intents the intents, in model order
 * @param types custom slot types by name
 * @param dialogIntents the dialog model's intents by name (absent: the intent has no dialog)
 * @param delegationStrategy the dialog-level strategy: ALWAYS (auto delegation) or SKILL_RESPONSE
 * @param prompts prompt variations by prompt id
 */
public record InteractionModel(
    String invocationName,
    List<Intent> intents,
    Map<String, SlotType> types,
    Map<String, DialogIntent> dialogIntents,
    String delegationStrategy,
    Map<String, List<String>> prompts) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public InteractionModel {
    intents = List.copyOf(intents);
    types = Map.copyOf(types);
    dialogIntents = Map.copyOf(dialogIntents);
    prompts = Map.copyOf(prompts);
  }

  /** An intent of the language model. */
  public record Intent(String name, List<Slot> slots, List<String> samples) {
    public Intent {
      slots = List.copyOf(slots);
      samples = List.copyOf(samples);
    }

    public Optional<Slot> slot(String slotName) {
      return slots.stream().filter(s -> s.name().equals(slotName)).findFirst();
    }
  }

  /** A slot of an intent, with the utterances that fill it alone when Alexa elicits it. */
  public record Slot(String name, String type, List<String> samples) {
    public Slot {
      samples = List.copyOf(samples);
    }
  }

  /** A custom slot type: its values, each with an id and synonyms. */
  public record SlotType(String name, List<TypeValue> values) {
    public SlotType {
      values = List.copyOf(values);
    }

    /** The value whose name or synonym equals {@code spoken}, ignoring case. */
    public Optional<TypeValue> resolve(String spoken) {
      for (TypeValue value : values) {
        if (value.value().equalsIgnoreCase(spoken)
            || value.synonyms().stream().anyMatch(s -> s.equalsIgnoreCase(spoken))) {
          return Optional.of(value);
        }
      }
      return Optional.empty();
    }
  }

  public record TypeValue(String id, String value, List<String> synonyms) {
    public TypeValue {
      synonyms = List.copyOf(synonyms);
    }
  }

  /** An intent of the dialog model. */
  public record DialogIntent(
      String name,
      boolean confirmationRequired,
      String confirmationPrompt,
      String delegationStrategy,
      List<DialogSlot> slots) {
    public DialogIntent {
      slots = List.copyOf(slots);
    }
  }

  /** A slot of the dialog model: whether Alexa must elicit and confirm it, and its validations. */
  public record DialogSlot(
      String name,
      String type,
      boolean elicitationRequired,
      String elicitationPrompt,
      boolean confirmationRequired,
      String confirmationPrompt,
      List<Validation> validations) {
    public DialogSlot {
      validations = List.copyOf(validations);
    }
  }

  /** A slot validation rule (isInSet, isNotInSet, hasEntityResolutionMatch, isGreaterThan, ...). */
  public record Validation(String type, String prompt, List<String> values, String value) {
    public Validation {
      values = List.copyOf(values);
    }
  }

  public Optional<Intent> intent(String name) {
    return intents.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  public Optional<DialogIntent> dialogIntent(String name) {
    return Optional.ofNullable(dialogIntents.get(name));
  }

  /** Whether Alexa runs this intent's dialog without asking the skill (auto delegation). */
  public boolean autoDelegated(String intentName) {
    DialogIntent dialog = dialogIntents.get(intentName);
    if (dialog == null) {
      return false;
    }
    String strategy =
        dialog.delegationStrategy() != null ? dialog.delegationStrategy() : delegationStrategy;
    return "ALWAYS".equals(strategy);
  }

  /** The model of {@code locale} under a skill package folder. */
  public static InteractionModel load(Path skillPackage, String locale) {
    return load(skillPackage.resolve("interactionModels/custom/" + locale + ".json"));
  }

  public static InteractionModel load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the interaction model " + file, e);
    }
  }

  /** Parses the SMAPI JSON; throws IllegalArgumentException with the reason when malformed. */
  public static InteractionModel parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("the interaction model is not JSON: " + e.getMessage());
    }
    JsonNode model = root.path("interactionModel");
    JsonNode language = model.path("languageModel");
    if (!language.isObject()) {
      throw new IllegalArgumentException("no interactionModel.languageModel");
    }
    String invocation = language.path("invocationName").asText("").strip();
    if (invocation.isEmpty()) {
      throw new IllegalArgumentException("no interactionModel.languageModel.invocationName");
    }
    List<Intent> intents = intents(language);
    Map<String, SlotType> types = types(language);
    JsonNode dialog = model.path("dialog");
    Map<String, DialogIntent> dialogIntents = dialogIntents(dialog);
    Map<String, List<String>> prompts = prompts(model);
    return new InteractionModel(
        invocation, intents, types, dialogIntents, text(dialog, "delegationStrategy"), prompts);
  }

  private static List<Intent> intents(JsonNode language) {
    List<Intent> intents = new ArrayList<>();
    for (JsonNode intent : language.path("intents")) {
      List<Slot> slots = new ArrayList<>();
      for (JsonNode slot : intent.path("slots")) {
        slots.add(
            new Slot(
                slot.path("name").asText(), slot.path("type").asText(), texts(slot, "samples")));
      }
      intents.add(new Intent(intent.path("name").asText(), slots, texts(intent, "samples")));
    }
    return intents;
  }

  private static Map<String, SlotType> types(JsonNode language) {
    Map<String, SlotType> types = new LinkedHashMap<>();
    for (JsonNode type : language.path("types")) {
      List<TypeValue> values = new ArrayList<>();
      for (JsonNode value : type.path("values")) {
        JsonNode name = value.path("name");
        values.add(
            new TypeValue(
                value.path("id").isMissingNode() ? null : value.path("id").asText(),
                name.path("value").asText(),
                texts(name, "synonyms")));
      }
      types.put(type.path("name").asText(), new SlotType(type.path("name").asText(), values));
    }
    return types;
  }

  private static Map<String, DialogIntent> dialogIntents(JsonNode dialog) {
    Map<String, DialogIntent> dialogIntents = new LinkedHashMap<>();
    for (JsonNode intent : dialog.path("intents")) {
      List<DialogSlot> slots = new ArrayList<>();
      for (JsonNode slot : intent.path("slots")) {
        List<Validation> validations = new ArrayList<>();
        for (JsonNode rule : slot.path("validations")) {
          validations.add(
              new Validation(
                  rule.path("type").asText(),
                  text(rule, "prompt"),
                  texts(rule, "values"),
                  text(rule, "value")));
        }
        slots.add(
            new DialogSlot(
                slot.path("name").asText(),
                slot.path("type").asText(),
                slot.path("elicitationRequired").asBoolean(false),
                text(slot.path("prompts"), "elicitation"),
                slot.path("confirmationRequired").asBoolean(false),
                text(slot.path("prompts"), "confirmation"),
                validations));
      }
      dialogIntents.put(
          intent.path("name").asText(),
          new DialogIntent(
              intent.path("name").asText(),
              intent.path("confirmationRequired").asBoolean(false),
              text(intent.path("prompts"), "confirmation"),
              text(intent, "delegationStrategy"),
              slots));
    }
    return dialogIntents;
  }

  private static Map<String, List<String>> prompts(JsonNode model) {
    Map<String, List<String>> prompts = new LinkedHashMap<>();
    for (JsonNode prompt : model.path("prompts")) {
      List<String> variations = new ArrayList<>();
      for (JsonNode variation : prompt.path("variations")) {
        variations.add(variation.path("value").asText());
      }
      prompts.put(prompt.path("id").asText(), variations);
    }
    return prompts;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static List<String> texts(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : node.path(field)) {
      values.add(value.asText());
    }
    return values;
  }
}
