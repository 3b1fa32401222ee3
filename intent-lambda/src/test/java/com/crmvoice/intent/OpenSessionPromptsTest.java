package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.envelope;
import static com.crmvoice.intent.SkillHarness.lead;
import static com.crmvoice.intent.SkillHarness.withAttributes;
import static com.crmvoice.intent.SkillHarness.withLocale;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response that keeps the session open ends its speech, and its reprompt, with a question or
 * a direct request to answer (certification: "a response that leaves the session open must prompt
 * the user"), in every locale. Walks every request envelope under src/test/resources/envelopes in
 * every locale, and help, fallback and no again from inside each dialog step they led to.
 */
class OpenSessionPromptsTest {

  /** How a spoken request to answer starts, per language (after the question it follows). */
  private static Pattern request(String locale) {
    return locale.startsWith("de")
        ? Pattern.compile("^(?:Sag|Oder sag|Oder frag|Frag|Du kannst auch)\\b.*[.!]$")
        : Pattern.compile("^(?:Say|You can say|You can also say|Or say)\\b.*[.!]$");
  }

  /**
   * True when the text ends with a question, or with nothing but requests after its last question
   * ("What's their first name? You can say skip.").
   */
  static boolean promptsAnAnswer(String text, String locale) {
    String spoken = text.strip();
    if (spoken.endsWith("?")) {
      return true;
    }
    int question = spoken.lastIndexOf('?');
    if (question < 0) {
      return false;
    }
    Pattern request = request(locale);
    return Stream.of(spoken.substring(question + 1).strip().split("(?<=[.!])\\s+"))
        .allMatch(sentence -> request.matcher(sentence).matches());
  }

  private static String plain(String ssml) {
    return ssml.replaceAll("<[^>]+>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static boolean keepsSessionOpen(JsonNode response) {
    JsonNode end = response.at("/response/shouldEndSession");
    if (!end.isMissingNode() && !end.isNull()) {
      return !end.asBoolean();
    }
    // Without shouldEndSession a Dialog directive keeps the session open.
    for (JsonNode directive : response.at("/response/directives")) {
      if (directive.path("type").asText().startsWith("Dialog.")) {
        return true;
      }
    }
    return false;
  }

  static List<String> locales() {
    return Speech.LOCALES;
  }

  private static List<String> envelopeNames() throws IOException, URISyntaxException {
    Path dir =
        Path.of(
            Objects.requireNonNull(OpenSessionPromptsTest.class.getResource("/envelopes")).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    }
  }

  private record Said(String what, JsonNode response) {}

  private static List<Said> walk(String locale) throws IOException, URISyntaxException {
    SkillHarness skill = new SkillHarness();
    skill.cacheLeads(
        SkillHarness.ALICE,
        lead("00Q1", SkillHarness.ALICE, "John", "Smith", "Acme", "2026-01-01T00:00:00Z"));
    List<Said> said = new ArrayList<>();
    for (String name : envelopeNames()) {
      ObjectNode request = envelope(name);
      boolean forThisSkill =
          SkillHarness.SKILL_ID.equals(
              request.at("/context/System/application/applicationId").asText());
      if (!request.has("request") || !forThisSkill) {
        continue;
      }
      JsonNode response = skill.invoke(withLocale(request, locale));
      said.add(new Said(name, response));
      JsonNode attributes = response.path("sessionAttributes");
      if (keepsSessionOpen(response) && attributes.size() > 0) {
        // The same session's next turn: help, an answer Alexa could not place, "no".
        for (String next : List.of("help.json", "fallback.json", "navigate-home.json")) {
          ObjectNode followUp = withAttributes(withLocale(envelope(next), locale), attributes);
          said.add(new Said(name + " then " + next, skill.invoke(followUp)));
        }
      }
    }
    return said;
  }

  @ParameterizedTest
  @MethodSource("locales")
  void everyResponseThatKeepsTheSessionOpenEndsWithAQuestionOrARequest(String locale)
      throws Exception {
    List<Said> open = walk(locale).stream().filter(s -> keepsSessionOpen(s.response())).toList();

    // The walk reaches launch, help, fallback, home and the dialog's questions.
    assertThat(open).hasSizeGreaterThanOrEqualTo(8);
    for (Said s : open) {
      String speech = plain(s.response().at("/response/outputSpeech/ssml").asText());
      if (!speech.isEmpty()) {
        assertThat(promptsAnAnswer(speech, locale))
            .as("%s (%s): %s", s.what(), locale, speech)
            .isTrue();
      }
      JsonNode reprompt = s.response().at("/response/reprompt/outputSpeech/ssml");
      if (!reprompt.isMissingNode()) {
        String text = plain(reprompt.asText());
        assertThat(promptsAnAnswer(text, locale))
            .as("%s reprompt (%s): %s", s.what(), locale, text)
            .isTrue();
      }
    }
  }

  @Test
  void theWalkAsksEveryIntentTheSkillHandles_andTheTouchOfAListItem() throws Exception {
    java.util.Set<String> asked = new java.util.TreeSet<>();
    boolean touched = false;
    for (String name : envelopeNames()) {
      JsonNode request = envelope(name).path("request");
      asked.add(request.at("/intent/name").asText(request.path("type").asText()));
      touched |= request.path("arguments").path(0).asText().equals("leadSelected");
    }
    java.util.Set<String> handled = new java.util.TreeSet<>();
    IntentSkill.intentHandlers(new SkillHarness().services)
        .forEach(h -> handled.add(h.intentName()));

    assertThat(asked).containsAll(handled);
    assertThat(touched).isTrue();
  }

  @Test
  void aStatementIsNoPrompt_evenWithAQuestionBeforeIt() {
    assertThat(promptsAnAnswer("Okay. You can ask for your top lead, or add a lead.", "en-US"))
        .isFalse();
    assertThat(promptsAnAnswer("Which lead? Okay then.", "en-US")).isFalse();
    assertThat(promptsAnAnswer("Du kannst nach deinem wichtigsten Lead fragen.", "de-DE"))
        .isFalse();
    assertThat(promptsAnAnswer("What's their first name? You can say skip.", "en-US")).isTrue();
    assertThat(
            promptsAnAnswer("Wie lautet der Vorname? Du kannst auch überspringen sagen.", "de-DE"))
        .isTrue();
  }
}
