package com.crmvoice.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The skill package's own models, as the simulator reads them: every sample utterance is understood
 * as its own intent (no sample is shadowed by another intent's), and every prompt the dialog model
 * names exists.
 */
class SkillPackageModelsTest {

  static Stream<Path> models() throws IOException {
    Path dir = Path.of("..", "skill-package", "interactionModels", "custom");
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everySampleIsUnderstoodAsItsOwnIntent(Path file) {
    InteractionModel model = InteractionModel.load(file);
    String locale = file.getFileName().toString().replace(".json", "");
    UtteranceMatcher matcher = new UtteranceMatcher(model, locale);
    List<String> misread = new ArrayList<>();
    for (InteractionModel.Intent intent : model.intents()) {
      for (String sample : intent.samples()) {
        String typed = sample.replaceAll("\\{[A-Za-z0-9_.]+}", "Ada");
        if (sample.replaceAll("\\{[A-Za-z0-9_.]+}", "").isBlank()) {
          continue;
        }
        String understood = matcher.match(typed).map(UtteranceMatcher.Match::intent).orElse("none");
        if (!understood.equals(intent.name())) {
          misread.add("'" + typed + "' (" + intent.name() + ") -> " + understood);
        }
      }
    }
    assertThat(misread).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyPromptTheDialogNamesExists(Path file) {
    InteractionModel model = InteractionModel.load(file);
    List<String> missing = new ArrayList<>();
    for (InteractionModel.DialogIntent intent : model.dialogIntents().values()) {
      if (intent.confirmationRequired()
          && !model.prompts().containsKey(intent.confirmationPrompt())) {
        missing.add(intent.name() + " confirmation");
      }
      for (InteractionModel.DialogSlot slot : intent.slots()) {
        if (slot.elicitationRequired() && !model.prompts().containsKey(slot.elicitationPrompt())) {
          missing.add(intent.name() + "." + slot.name() + " elicitation");
        }
        for (InteractionModel.Validation rule : slot.validations()) {
          if (!model.prompts().containsKey(rule.prompt())) {
            missing.add(intent.name() + "." + slot.name() + " " + rule.type());
          }
        }
      }
    }
    assertThat(missing).as(file.toString()).isEmpty();
  }
}
