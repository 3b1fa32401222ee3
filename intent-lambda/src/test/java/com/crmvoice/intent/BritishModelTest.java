package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The en-GB model reads British, not as a copy of en-US: the work-a-lead intents have samples of
 * their own (a call is rung, a lead chased up), the details have British names (a mobile number, an
 * organisation), and no American-only word is left in a sample or a synonym.
 */
class BritishModelTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Words a British salesperson would not say; each has a British sample or synonym instead. */
  private static final Pattern AMERICAN =
      Pattern.compile(
          "\\b(cell|cellphone|cell phone|organization|zip code|zip|gotten|call me back at)\\b");

  private static JsonNode model(String locale) throws IOException {
    return JSON.readTree(
            Path.of("..", "skill-package", "interactionModels", "custom", locale + ".json")
                .toFile())
        .path("interactionModel")
        .path("languageModel");
  }

  private static List<String> samples(JsonNode model, String intent) {
    List<String> samples = new ArrayList<>();
    for (JsonNode i : model.path("intents")) {
      if (i.path("name").asText().equals(intent)) {
        i.path("samples").forEach(s -> samples.add(s.asText().toLowerCase(Locale.ROOT)));
      }
    }
    return samples;
  }

  private static List<String> synonyms(JsonNode model, String type, String value) {
    List<String> words = new ArrayList<>();
    for (JsonNode t : model.path("types")) {
      if (!t.path("name").asText().equals(type)) {
        continue;
      }
      for (JsonNode v : t.path("values")) {
        if (v.path("name").path("value").asText().equals(value)) {
          v.path("name").path("synonyms").forEach(s -> words.add(s.asText()));
        }
      }
    }
    return words;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GetTopLeadIntent",
        "CreateLeadIntent",
        "LeadStatusIntent",
        "NextLeadIntent",
        "LeadDetailsIntent",
        "ChangeLeadStatusIntent",
        "LogCallIntent",
        "FollowUpIntent",
        "UndoIntent",
        "ChangeDealStageIntent",
        "DealAmountIntent",
        "DealCloseDateIntent",
        "DealNextStepIntent"
      })
  void everyWorkALeadIntentHasBritishSamplesTheUsModelLacks(String intent) throws IOException {
    List<String> british = samples(model("en-GB"), intent);
    List<String> american = samples(model("en-US"), intent);

    assertThat(british).as(intent).isNotEmpty();
    assertThat(onlyIn(british, american)).as(intent + " samples only en-GB has").isNotEmpty();
  }

  private static List<String> onlyIn(List<String> british, List<String> american) {
    return british.stream().filter(s -> !american.contains(s)).toList();
  }

  @Test
  void callsAreRungAndLeadsChasedUp() throws IOException {
    JsonNode gb = model("en-GB");

    assertThat(samples(gb, "LogCallIntent")).anyMatch(s -> s.matches(".*\\b(rang|rung)\\b.*"));
    assertThat(samples(gb, "FollowUpIntent"))
        .anyMatch(s -> s.contains("chase"))
        .anyMatch(s -> s.contains("ring"));
    assertThat(samples(gb, "GetTopLeadIntent")).anyMatch(s -> s.contains("ring"));
  }

  @Test
  void theDetailsHaveBritishNames() throws IOException {
    JsonNode gb = model("en-GB");

    assertThat(synonyms(gb, "LEAD_DETAIL", "phone number")).contains("mobile number", "landline");
    assertThat(synonyms(gb, "LEAD_DETAIL", "company")).contains("organisation");
    assertThat(synonyms(model("en-US"), "LEAD_DETAIL", "company")).doesNotContain("organisation");
  }

  @Test
  void noAmericanOnlyWordIsLeft() throws IOException {
    JsonNode gb = model("en-GB");
    List<String> american = new ArrayList<>();
    for (JsonNode intent : gb.path("intents")) {
      for (JsonNode sample : intent.path("samples")) {
        if (AMERICAN.matcher(sample.asText().toLowerCase(Locale.ROOT)).find()) {
          american.add(intent.path("name").asText() + ": " + sample.asText());
        }
      }
    }
    for (JsonNode type : gb.path("types")) {
      for (JsonNode value : type.path("values")) {
        value
            .path("name")
            .path("synonyms")
            .forEach(
                s -> {
                  if (AMERICAN.matcher(s.asText().toLowerCase(Locale.ROOT)).find()) {
                    american.add(type.path("name").asText() + ": " + s.asText());
                  }
                });
      }
    }

    assertThat(american).isEmpty();
  }

  @Test
  void theChecksFailForACopyOfTheUsModel() throws IOException {
    JsonNode us = model("en-US");

    assertThat(onlyIn(samples(us, "LogCallIntent"), samples(us, "LogCallIntent"))).isEmpty();
    assertThat(samples(us, "LogCallIntent")).noneMatch(s -> s.matches(".*\\b(rang|rung)\\b.*"));
    assertThat(AMERICAN.matcher("what's her cell number").find()).isTrue();
  }
}
