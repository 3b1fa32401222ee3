package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.ask.smapi.model.v1.skill.Manifest.SkillManifestEnvelope;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.DialogIntents;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.DialogSlotItems;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.Intent;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.InteractionModelData;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.InteractionModelSchema;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.Prompt;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.SlotDefinition;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.SlotType;
import com.crmvoice.intent.handlers.IntentHandler;
import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * skill-package/ parsed strictly into the official SMAPI model classes (ask-smapi-model), unknown
 * properties failing, and checked against the handlers: every intent of every model has a handler,
 * every handled intent is in every model.
 */
class SkillPackageTest {

  static final ObjectMapper STRICT =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
          .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true)
          .addHandler(new TypeDiscriminatorOnly());

  /**
   * The SMAPI classes read polymorphic values (slot validations, interfaces) by a visible "type"
   * property that their builders do not declare: Jackson has already used it to pick the subtype
   * (an unknown type fails), so it is let through there, and only there. Every other unknown
   * property still fails.
   */
  static final class TypeDiscriminatorOnly extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
      Class<?> built = type.getDeclaringClass() != null ? type.getDeclaringClass() : type;
      if ("type".equals(propertyName) && polymorphic(built)) {
        parser.skipChildren();
        return true;
      }
      return false;
    }

    private static boolean polymorphic(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        if (c.isAnnotationPresent(JsonTypeInfo.class)) {
          return true;
        }
      }
      return false;
    }
  }

  static final Path PACKAGE = locatePackage();

  private static Path locatePackage() {
    Path here = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("skill-package"))) {
        return dir.resolve("skill-package");
      }
    }
    throw new IllegalStateException("no skill-package/ above " + here);
  }

  static List<String> locales() {
    return Speech.LOCALES;
  }

  static InteractionModelSchema model(String locale) throws IOException {
    Path file = PACKAGE.resolve("interactionModels/custom/" + locale + ".json");
    return STRICT.readValue(file.toFile(), InteractionModelData.class).getInteractionModel();
  }

  private static Set<String> handledIntents() {
    return IntentSkill.intentHandlers(new SkillHarness().services).stream()
        .map(IntentHandler::intentName)
        .collect(Collectors.toSet());
  }

  @Test
  void theManifestParsesStrictly_withEveryLocaleAndTheCustomEndpoint() throws IOException {
    SkillManifestEnvelope envelope =
        STRICT.readValue(PACKAGE.resolve("skill.json").toFile(), SkillManifestEnvelope.class);

    var manifest = envelope.getManifest();
    assertThat(String.valueOf(manifest.getManifestVersion())).isEqualTo("1.0");
    assertThat(manifest.getPublishingInformation().getLocales().keySet())
        .containsExactlyInAnyOrderElementsOf(Speech.LOCALES);
    assertThat(manifest.getPrivacyAndCompliance().getLocales().keySet())
        .containsExactlyInAnyOrderElementsOf(Speech.LOCALES);
    assertThat(manifest.getApis().getCustom().getEndpoint().getUri()).startsWith("arn:aws:lambda:");
    assertThat(manifest.getApis().getCustom().getInterfaces()).isNotEmpty();
  }

  @Test
  void theStrictReaderStillRefusesAnUnknownProperty() {
    String model =
        "{\"interactionModel\":{\"languageModel\":{\"invocationName\":\"c. r. m. voice\","
            + "\"intents\":[],\"typo\":1}}}";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> STRICT.readValue(model, InteractionModelData.class))
        .hasMessageContaining("typo");
    String validation =
        "{\"interactionModel\":{\"dialog\":{\"intents\":[{\"name\":\"X\",\"slots\":[{"
            + "\"name\":\"s\",\"validations\":[{\"type\":\"isNotInSet\",\"prompt\":\"p\","
            + "\"values\":[],\"extra\":true}]}]}]}}}";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> STRICT.readValue(validation, InteractionModelData.class))
        .hasMessageContaining("extra");
  }

  @Test
  void thereIsOneModelPerLocale_andNoOther() throws IOException {
    try (Stream<Path> files = Files.list(PACKAGE.resolve("interactionModels/custom"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              Speech.LOCALES.stream().map(l -> l + ".json").toList());
    }
  }

  @ParameterizedTest
  @MethodSource("locales")
  void everyModelIntentHasAHandler_andEveryHandledIntentIsInTheModel(String locale)
      throws IOException {
    Set<String> modelIntents =
        model(locale).getLanguageModel().getIntents().stream()
            .map(Intent::getName)
            .collect(Collectors.toSet());

    assertThat(modelIntents).containsExactlyInAnyOrderElementsOf(handledIntents());
  }

  @ParameterizedTest
  @MethodSource("locales")
  void theInvocationNameIsTheProductsName_spelledAsAlexaSaysAnAcronym(String locale)
      throws IOException {
    // https://developer.amazon.com/en-US/docs/alexa/custom-skills/choose-the-invocation-name-for-a-custom-skill.html
    // The same brand in every store: "CRM Voice", the acronym as letters with periods.
    assertThat(model(locale).getLanguageModel().getInvocationName()).isEqualTo("c. r. m. voice");
  }

  @ParameterizedTest
  @MethodSource("locales")
  void theCreateLeadDialogCollectsWhatSalesforceRequires_andConfirms(String locale)
      throws IOException {
    InteractionModelSchema model = model(locale);
    Intent createLead =
        model.getLanguageModel().getIntents().stream()
            .filter(i -> i.getName().equals("CreateLeadIntent"))
            .findFirst()
            .orElseThrow();
    assertThat(createLead.getSlots())
        .extracting(SlotDefinition::getName, SlotDefinition::getType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("firstName", "AMAZON.FirstName"),
            org.assertj.core.groups.Tuple.tuple("lastName", "LAST_NAME"),
            org.assertj.core.groups.Tuple.tuple("company", "AMAZON.Organization"),
            org.assertj.core.groups.Tuple.tuple("email", "AMAZON.SearchQuery"),
            org.assertj.core.groups.Tuple.tuple("phone", "AMAZON.PhoneNumber"));

    DialogIntents dialog =
        model.getDialog().getIntents().stream()
            .filter(i -> i.getName().equals("CreateLeadIntent"))
            .findFirst()
            .orElseThrow();
    assertThat(dialog.getConfirmationRequired()).isTrue();
    assertThat(
            dialog.getSlots().stream()
                .filter(DialogSlotItems::getElicitationRequired)
                .map(DialogSlotItems::getName))
        .containsExactlyInAnyOrder("lastName", "company");

    Set<String> promptIds =
        model.getPrompts().stream().map(Prompt::getId).collect(Collectors.toSet());
    Set<String> referenced = new HashSet<>();
    referenced.add(dialog.getPrompts().getConfirmation());
    for (DialogSlotItems slot : dialog.getSlots()) {
      if (slot.getPrompts() != null && slot.getPrompts().getElicitation() != null) {
        referenced.add(slot.getPrompts().getElicitation());
      }
      assertThat(createLead.getSlots())
          .extracting(SlotDefinition::getName)
          .contains(slot.getName());
    }
    assertThat(promptIds).containsAll(referenced);
  }

  @ParameterizedTest
  @MethodSource("locales")
  void theOptionalDetailsHaveElicitationPrompts_thatSayTheyCanBeSkipped(String locale)
      throws IOException {
    InteractionModelSchema model = model(locale);
    DialogIntents dialog =
        model.getDialog().getIntents().stream()
            .filter(i -> i.getName().equals("CreateLeadIntent"))
            .findFirst()
            .orElseThrow();
    String skipWord = locale.startsWith("de") ? "überspringen" : "skip";
    for (String optional : List.of("firstName", "email", "phone")) {
      DialogSlotItems slot =
          dialog.getSlots().stream()
              .filter(s -> s.getName().equals(optional))
              .findFirst()
              .orElseThrow();
      // Asked by the skill (Dialog.ElicitSlot), never by Alexa on its own: not required.
      assertThat(slot.getElicitationRequired()).as(optional).isFalse();
      String promptId = slot.getPrompts().getElicitation();
      Prompt prompt =
          model.getPrompts().stream()
              .filter(p -> p.getId().equals(promptId))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no prompt " + promptId));
      assertThat(prompt.getVariations())
          .as(optional)
          .isNotEmpty()
          .allSatisfy(v -> assertThat(v.getValue()).contains(skipWord));
    }
  }

  @ParameterizedTest
  @MethodSource("locales")
  void anElicitedDetailCanBeAnsweredNaturally_withItsOwnSlotSamples(String locale)
      throws IOException {
    Intent createLead =
        model(locale).getLanguageModel().getIntents().stream()
            .filter(i -> i.getName().equals("CreateLeadIntent"))
            .findFirst()
            .orElseThrow();
    for (SlotDefinition slot : createLead.getSlots()) {
      assertThat(slot.getSamples()).as(slot.getName()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(slot.getSamples())
          .as(slot.getName())
          .allSatisfy(sample -> assertThat(sample).contains("{" + slot.getName() + "}"));
    }
    for (String spokenIn : List.of("email", "phone")) {
      assertThat(createLead.getSamples())
          .as("an intent sample carrying {%s}", spokenIn)
          .anySatisfy(sample -> assertThat(sample).contains("{" + spokenIn + "}"));
    }
  }

  @ParameterizedTest
  @MethodSource("locales")
  void everySkipTheModelRoutesToNoIntent_isASkipWordOfTheSkill(String locale) throws IOException {
    Intent no =
        model(locale).getLanguageModel().getIntents().stream()
            .filter(i -> i.getName().equals("AMAZON.NoIntent"))
            .findFirst()
            .orElseThrow();
    // Alexa may put the same answer into the elicited slot instead: the skill must read it alike.
    Set<String> skipWords =
        Stream.of(Speech.forLocale(locale).plain("create.skip.words").split(","))
            .map(String::strip)
            .collect(Collectors.toSet());

    assertThat(no.getSamples()).isNotEmpty();
    assertThat(no.getSamples().stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)))
        .allSatisfy(sample -> assertThat(skipWords).contains(sample));
    assertThat(skipWords).contains(locale.startsWith("de") ? "überspringen" : "skip");
  }

  @ParameterizedTest
  @MethodSource("locales")
  void everyCustomSlotTypeIsDefinedWithValues(String locale) throws IOException {
    InteractionModelSchema model = model(locale);
    Set<String> defined =
        model.getLanguageModel().getTypes().stream()
            .filter(t -> !t.getValues().isEmpty())
            .map(SlotType::getName)
            .collect(Collectors.toSet());
    model.getLanguageModel().getIntents().stream()
        .flatMap(i -> i.getSlots() == null ? Stream.empty() : i.getSlots().stream())
        .map(SlotDefinition::getType)
        .filter(type -> !type.startsWith("AMAZON."))
        .forEach(type -> assertThat(defined).contains(type));
  }

  @ParameterizedTest
  @MethodSource("locales")
  void aSearchQuerySlotNeverSharesAnUtteranceWithAnotherSlot(String locale) throws IOException {
    for (Intent intent : model(locale).getLanguageModel().getIntents()) {
      if (intent.getSlots() == null) {
        continue;
      }
      for (SlotDefinition slot : intent.getSlots()) {
        if (!slot.getType().equals("AMAZON.SearchQuery")) {
          continue;
        }
        String placeholder = "{" + slot.getName() + "}";
        Stream.concat(intent.getSamples().stream(), slot.getSamples().stream())
            .filter(sample -> sample.contains(placeholder))
            .forEach(
                sample -> {
                  assertThat(sample.replace(placeholder, "")).doesNotContain("{");
                  // Alexa requires a carrier phrase around a search query.
                  assertThat(sample.strip()).isNotEqualTo(placeholder);
                });
      }
    }
  }
}
