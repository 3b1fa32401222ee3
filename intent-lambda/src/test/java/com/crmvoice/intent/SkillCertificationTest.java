package com.crmvoice.intent;

import static com.crmvoice.intent.SkillPackageTest.PACKAGE;
import static com.crmvoice.intent.SkillPackageTest.STRICT;
import static com.crmvoice.intent.SkillPackageTest.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.ask.smapi.model.v1.skill.Manifest.SkillManifest;
import com.amazon.ask.smapi.model.v1.skill.Manifest.SkillManifestEnvelope;
import com.amazon.ask.smapi.model.v1.skill.Manifest.SkillManifestLocalizedPrivacyAndCompliance;
import com.amazon.ask.smapi.model.v1.skill.Manifest.SkillManifestLocalizedPublishingInformation;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.DialogIntents;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.DialogSlotItems;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.Intent;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.InteractionModelSchema;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.Prompt;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.PromptItems;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.SlotDefinition;
import com.crmvoice.intent.speech.Speech;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules Amazon's certification checks, on skill-package/ as the ASK CLI deploys it, for every
 * locale and every intent (so they keep holding as intents are added). Sources: <a
 * href="https://developer.amazon.com/en-US/docs/alexa/custom-skills/certification-requirements-for-custom-skills.html">certification
 * requirements</a>, <a
 * href="https://developer.amazon.com/en-US/docs/alexa/smapi/skill-manifest.html">skill manifest
 * schema</a>, <a
 * href="https://developer.amazon.com/en-US/docs/alexa/custom-skills/choose-the-invocation-name-for-a-custom-skill.html">invocation
 * name requirements</a>, <a
 * href="https://developer.amazon.com/blogs/alexa/post/74d0ed59-ad4f-470a-abcf-d37c10a1dfd6/crafting-great-example-phrases-that-meet-certification-requirements">example
 * phrases</a>.
 */
class SkillCertificationTest {

  static List<String> locales() {
    return Speech.LOCALES;
  }

  private static SkillManifest manifest() throws IOException {
    return STRICT
        .readValue(PACKAGE.resolve("skill.json").toFile(), SkillManifestEnvelope.class)
        .getManifest();
  }

  private static SkillManifestLocalizedPublishingInformation publishing(String locale)
      throws IOException {
    return manifest().getPublishingInformation().getLocales().get(locale);
  }

  private static boolean german(String locale) {
    return locale.startsWith("de");
  }

  // --- 1. icons ---

  @ParameterizedTest
  @MethodSource("locales")
  void eachLocaleNamesASmallAndALargeIcon_thatArePngsOfTheRequiredSize(String locale)
      throws IOException {
    SkillManifestLocalizedPublishingInformation info = publishing(locale);

    assertIcon(info.getSmallIconUri(), 108);
    assertIcon(info.getLargeIconUri(), 512);
  }

  private static void assertIcon(String uri, int size) throws IOException {
    // The ASK CLI uploads a file:// icon from the skill package (relative to skill-package/).
    assertThat(uri).as("icon uri").startsWith("file://assets/images/").endsWith(".png");
    Path file = PACKAGE.resolve(uri.substring("file://".length()));
    assertThat(file).as(uri).isRegularFile();
    byte[] bytes = Files.readAllBytes(file);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    assertThat(java.util.Arrays.copyOf(bytes, 8))
        .as("PNG signature of " + uri)
        .isEqualTo(signature);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).as(uri + " width").isEqualTo(size);
    assertThat(image.getHeight()).as(uri + " height").isEqualTo(size);
  }

  // --- 2. privacy policy and terms of use ---

  @ParameterizedTest
  @MethodSource("locales")
  void thePrivacyPolicyAndTermsAreHttpsPages_ofTheDocumentsShippedInTheRepository(String locale)
      throws IOException {
    SkillManifestLocalizedPrivacyAndCompliance urls =
        manifest().getPrivacyAndCompliance().getLocales().get(locale);

    for (String[] page :
        List.of(
            new String[] {urls.getPrivacyPolicyUrl(), "privacy"},
            new String[] {urls.getTermsOfUseUrl(), "terms"})) {
      URI uri = URI.create(page[0]);
      assertThat(uri.getScheme()).as(page[0]).isEqualTo("https");
      assertThat(uri.getHost()).as(page[0]).isNotBlank().doesNotContain("example.");
      // Published from docs/<page>.md (README: "Privacy policy and terms of use").
      assertThat(uri.getPath()).as(page[0]).endsWith("/" + page[1] + ".html");
      assertThat(PACKAGE.getParent().resolve("docs/" + page[1] + ".md")).isRegularFile();
    }
  }

  @Test
  void thePrivacyPolicySaysWhatIsCollectedWhereItIsStoredForHowLongHowToDeleteItAndWhoToAsk()
      throws IOException {
    String privacy = Files.readString(PACKAGE.getParent().resolve("docs/privacy.md"));
    assertThat(privacy)
        .contains(
            "## What we collect",
            "## Where it is stored",
            "## How long it is kept",
            "## Deleting your data",
            "## Contact");
    String terms = Files.readString(PACKAGE.getParent().resolve("docs/terms.md"));
    assertThat(terms).contains("## Contact").contains("privacy");
  }

  // --- 3. example phrases ---

  /**
   * What Alexa hears after the wake word, split into the launch phrase and the utterance: the
   * launch phrases and connecting words Amazon documents for each language (<a
   * href="https://developer.amazon.com/en-US/docs/alexa/custom-skills/understanding-how-users-invoke-custom-skills.html">how
   * users invoke custom skills</a>).
   */
  private static Pattern launchPhrase(String locale, String invocationName) {
    String name = Pattern.quote(invocationName);
    return german(locale)
        ? Pattern.compile(
            "^(?:öffne|starte) " + name + "$|^(?:frag|frage) " + name + ",? (?:nach )?(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        : Pattern.compile(
            "^(?:open|launch|start) "
                + name
                + "$|^(?:ask|tell) "
                + name
                + " (?:to |for |about |whether |if )?(.+)$",
            Pattern.CASE_INSENSITIVE);
  }

  private static List<Pattern> samples(InteractionModelSchema model) {
    List<Pattern> samples = new ArrayList<>();
    for (Intent intent : model.getLanguageModel().getIntents()) {
      for (String sample : intent.getSamples()) {
        // A slot takes any words; the rest must be said as written.
        String regex =
            Stream.of(sample.split("\\{[^}]+}", -1))
                .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(Collectors.joining(".+"));
        samples.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      }
    }
    return samples;
  }

  @ParameterizedTest
  @MethodSource("locales")
  void everyExamplePhraseIsWakeWordLaunchPhraseAndASampleUtterance(String locale)
      throws IOException {
    InteractionModelSchema model = model(locale);
    String invocationName = model.getLanguageModel().getInvocationName();
    Pattern launch = launchPhrase(locale, invocationName);
    List<Pattern> samples = samples(model);
    List<String> phrases = publishing(locale).getExamplePhrases();

    assertThat(phrases).hasSizeBetween(1, 3);
    // The first phrase opens the skill: wake word, launch phrase, invocation name.
    assertThat(phrases.get(0))
        .isEqualToIgnoringCase(
            (german(locale) ? "Alexa, öffne " : "Alexa, open ") + invocationName);
    for (String phrase : phrases) {
      assertThat(phrase).as(phrase).startsWith("Alexa, ").doesNotEndWith(".");
      Matcher m = launch.matcher(phrase.substring("Alexa, ".length()));
      assertThat(m.matches()).as("launch phrase and invocation name in: " + phrase).isTrue();
      String utterance = m.group(1);
      if (utterance != null) {
        assertThat(samples)
            .as("\"%s\" is a sample utterance of %s", utterance, locale)
            .anySatisfy(sample -> assertThat(sample.matcher(utterance).matches()).isTrue());
      }
    }
  }

  @Test
  void theExamplePhraseCheckFails_whenAnUtteranceIsNoSample() throws IOException {
    Pattern launch = launchPhrase("en-US", "c. r. m. voice");
    Matcher m = launch.matcher("ask c. r. m. voice for the weather in paris");
    assertThat(m.matches()).isTrue();

    assertThat(samples(model("en-US")))
        .noneSatisfy(sample -> assertThat(sample.matcher(m.group(1)).matches()).isTrue());
  }

  // --- 4. invocation name ---

  @ParameterizedTest
  @MethodSource("locales")
  void theInvocationNameMeetsAmazonsRequirements(String locale) throws IOException {
    String name = model(locale).getLanguageModel().getInvocationName();
    List<String> words = List.of(name.split(" "));

    // Lower-case letters, spaces, possessive apostrophes, periods only after a spelled letter.
    assertThat(name).matches("[a-zäöüß.' ]{2,50}");
    assertThat(words).hasSizeGreaterThanOrEqualTo(2);
    for (String word : words) {
      assertThat(word).as("word of " + name).matches("\\p{L}\\.|\\p{L}{2,}('s)?");
    }
    Set<String> forbidden =
        Set.of(
            "alexa",
            "amazon",
            "echo",
            "computer",
            "skill",
            "app",
            "ask",
            "tell",
            "open",
            "launch",
            "start",
            "enable",
            "my",
            "mein",
            "meine",
            "assistant",
            "assistent");
    assertThat(words).as(name).doesNotContainAnyElementsOf(forbidden);
    assertThat(name).as(name).doesNotMatch("(?:the|a|an|for|to|of|der|die|das) \\S+");
  }

  // --- 5. testing instructions ---

  @Test
  void theTestingInstructionsSayHowToSignInPerLocaleAndWhatToTry() throws IOException {
    SkillManifest manifest = manifest();
    String instructions = manifest.getPublishingInformation().getTestingInstructions();

    assertThat(instructions).contains("account linking", "Link Account");
    for (String locale : Speech.LOCALES) {
      // A test user per locale, filled in at submission (README: "Submitting for certification").
      String token = locale.replace('-', '_').toUpperCase(Locale.ROOT);
      assertThat(instructions).contains(locale + ": TEST_USER_" + token);
      assertThat(instructions).contains(publishing(locale).getExamplePhrases().get(0));
    }
  }

  // --- 9. description ---

  @ParameterizedTest
  @MethodSource("locales")
  void theDescriptionStatesThePrerequisites(String locale) throws IOException {
    String description = publishing(locale).getDescription();

    assertThat(description).contains("Salesforce", "AWS");
    if (german(locale)) {
      assertThat(description).contains("Voraussetzungen", "Administrator", "verbundene App");
    } else {
      assertThat(description).contains("Before you start", "administrator", "connected app");
    }
  }

  // --- 10. German ---

  @Test
  void inGermanWeiterMeansGoOn_soItSkipsNothing() throws IOException {
    Intent no =
        model("de-DE").getLanguageModel().getIntents().stream()
            .filter(i -> i.getName().equals("AMAZON.NoIntent"))
            .findFirst()
            .orElseThrow();
    assertThat(no.getSamples()).doesNotContain("weiter");
    assertThat(Speech.forLocale("de-DE").plain("create.skip.words").split(","))
        .doesNotContain("weiter");
  }

  // --- 12. confirmation prompts ---

  @ParameterizedTest
  @MethodSource("locales")
  void anIntentConfirmationPromptNamesOnlySlotsThatAreAlwaysFilled(String locale)
      throws IOException {
    InteractionModelSchema model = model(locale);
    Map<String, Prompt> prompts =
        model.getPrompts().stream().collect(Collectors.toMap(Prompt::getId, p -> p));
    for (DialogIntents dialog : model.getDialog().getIntents()) {
      if (dialog.getPrompts() == null || dialog.getPrompts().getConfirmation() == null) {
        continue;
      }
      Set<String> required =
          dialog.getSlots() == null
              ? Set.of()
              : dialog.getSlots().stream()
                  .filter(s -> Boolean.TRUE.equals(s.getElicitationRequired()))
                  .map(DialogSlotItems::getName)
                  .collect(Collectors.toSet());
      Prompt prompt = prompts.get(dialog.getPrompts().getConfirmation());
      assertThat(prompt).as(dialog.getName()).isNotNull();
      for (PromptItems variation : prompt.getVariations()) {
        assertThat(slotsNamedIn(variation.getValue()))
            .as("%s: %s", dialog.getName(), variation.getValue())
            .isSubsetOf(required);
      }
    }
  }

  @Test
  void theConfirmationCheckSeesAnOptionalSlot() {
    assertThat(slotsNamedIn("Shall I add {firstName} {lastName}?"))
        .containsExactlyInAnyOrder("firstName", "lastName");
  }

  private static Set<String> slotsNamedIn(String text) {
    Set<String> names = new HashSet<>();
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  // --- every slot an example or a sample names is declared (guards the phrase check) ---

  @ParameterizedTest
  @MethodSource("locales")
  void everySlotASampleNamesIsDeclaredByItsIntent(String locale) throws IOException {
    for (Intent intent : model(locale).getLanguageModel().getIntents()) {
      Set<String> declared =
          intent.getSlots() == null
              ? Set.of()
              : intent.getSlots().stream().map(SlotDefinition::getName).collect(Collectors.toSet());
      for (String sample : intent.getSamples()) {
        assertThat(declared).as(intent.getName() + ": " + sample).containsAll(slotsNamedIn(sample));
      }
    }
  }

  // --- 8. APL ---

  @ParameterizedTest
  @ValueSource(
      strings = {"lead.json", "leads.json", "deal.json", "deals.json", "day.json", "pipeline.json"})
  void everyStyleAndResourceADocumentUsesIsDefined_byAnImportedPackageOrTheDocument(String name)
      throws IOException {
    com.fasterxml.jackson.databind.JsonNode document;
    try (InputStream in =
        SkillCertificationTest.class.getResourceAsStream("/com/crmvoice/intent/apl/" + name)) {
      document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    Map<String, Set<String>> packages = AplPackages.load();

    Set<String> defined = new HashSet<>();
    for (com.fasterxml.jackson.databind.JsonNode imported : document.path("import")) {
      String key = imported.path("name").asText() + "@" + imported.path("version").asText();
      assertThat(packages).as("known package " + key).containsKey(key);
      defined.addAll(packages.get(key));
    }
    document.path("styles").fieldNames().forEachRemaining(defined::add);
    for (com.fasterxml.jackson.databind.JsonNode block : document.path("resources")) {
      for (String kind : List.of("colors", "dimensions", "strings", "numbers", "booleans")) {
        block.path(kind).fieldNames().forEachRemaining(defined::add);
      }
    }

    Set<String> used = AplPackages.usedNames(document);
    assertThat(used).isNotEmpty();
    assertThat(defined).containsAll(used);
  }

  @Test
  void theAplCheckFindsAStyleNoPackageDefines() throws IOException {
    var document =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                "{\"mainTemplate\":{\"items\":[{\"type\":\"Text\",\"style\":\"textStyleBody\","
                    + "\"paddingTop\":\"@spacingMedium\"}]}}");

    assertThat(AplPackages.usedNames(document))
        .containsExactlyInAnyOrder("textStyleBody", "spacingMedium");
  }
}
