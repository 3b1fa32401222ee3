package com.crmvoice.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.simulator.model.UtteranceMatcher.InvocationKind;
import com.crmvoice.simulator.model.UtteranceMatcher.Match;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UtteranceMatcherTest {

  private final UtteranceMatcher matcher = new UtteranceMatcher(Fixtures.model());

  @Test
  void readsTheModelsInvocationNameIntentsSlotsAndDialog() {
    InteractionModel model = Fixtures.model();

    assertThat(model.invocationName()).isEqualTo("my assistant");
    assertThat(model.intent("CreateLeadIntent").orElseThrow().slots())
        .extracting(InteractionModel.Slot::name)
        .containsExactly("firstName", "lastName", "company", "email", "source");
    assertThat(model.dialogIntent("CreateLeadIntent").orElseThrow().confirmationRequired())
        .isTrue();
    assertThat(model.prompts().get("Elicit.Slot.firstName"))
        .containsExactly("What is the lead's first name?");
    assertThat(model.autoDelegated("CreateLeadIntent")).isFalse();
  }

  @Test
  void refusesAFileThatIsNotAnInteractionModel() {
    assertThatThrownBy(() -> InteractionModel.parse("{\"foo\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("languageModel");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "open my assistant|LAUNCH|",
        "Alexa, open my assistant|LAUNCH|",
        "launch My Assistant|LAUNCH|",
        "ask my assistant|LAUNCH|",
        "ask my assistant to get my top lead|ONE_SHOT|get my top lead",
        "Alexa, ask my assistant to get my top lead.|ONE_SHOT|get my top lead",
        "tell my assistant to create a lead|ONE_SHOT|create a lead",
        "ask my assistant what happened to my lead|ONE_SHOT|what happened to my lead",
        "open my assistant and get my top lead|ONE_SHOT|get my top lead",
        "get my top lead using my assistant|ONE_SHOT|get my top lead",
        "get my top lead|NONE|get my top lead"
      })
  void findsTheInvocationAndWhatTheSkillIsAsked(String text, InvocationKind kind, String rest) {
    UtteranceMatcher.Invocation invocation = matcher.invocation(text);

    assertThat(invocation.kind()).isEqualTo(kind);
    if (rest != null) {
      assertThat(invocation.utterances()).contains(rest);
    }
  }

  @Test
  void aGermanModelIsInvokedAndAnsweredInGerman() {
    InteractionModel german =
        InteractionModel.parse(
            """
            {"interactionModel":{"languageModel":{"invocationName":"mein assistent","intents":[
              {"name":"GetTopLeadIntent","slots":[],"samples":["was ist mein wichtigster lead"]},
              {"name":"AMAZON.StopIntent","samples":[]}
            ]}}}
            """);
    UtteranceMatcher matcher = new UtteranceMatcher(german, "de-DE");

    UtteranceMatcher.Invocation oneShot =
        matcher.invocation("Alexa, frag mein Assistent was ist mein wichtigster Lead");

    assertThat(oneShot.kind()).isEqualTo(InvocationKind.ONE_SHOT);
    assertThat(matcher.match(oneShot.utterances())).map(Match::intent).contains("GetTopLeadIntent");
    assertThat(matcher.invocation("öffne mein Assistent").kind()).isEqualTo(InvocationKind.LAUNCH);
    assertThat(matcher.match("stopp")).map(Match::intent).contains("AMAZON.StopIntent");
    assertThat(matcher.confirmation(List.of("ja bitte"))).contains(true);
    assertThat(matcher.confirmation(List.of("nein"))).contains(false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "open c. r. m. voice|LAUNCH",
        "Alexa, open crm voice|LAUNCH",
        "ask C.R.M. Voice to get my top lead|ONE_SHOT",
        "ask c r m voice to get my top lead|ONE_SHOT",
        "frag crm voice nach meinem wichtigsten lead|ONE_SHOT",
        "ask crmvoice to get my top lead|NONE",
        "ask c. r. voice to get my top lead|NONE"
      })
  void anAcronymInvocationNameIsHeardWithOrWithoutItsPeriods(String text, InvocationKind kind) {
    InteractionModel model =
        InteractionModel.parse(
            """
            {"interactionModel":{"languageModel":{"invocationName":"c. r. m. voice","intents":[
              {"name":"GetTopLeadIntent","slots":[],"samples":["get my top lead",
                "meinem wichtigsten lead"]}
            ]}}}
            """);
    String locale = text.startsWith("frag") ? "de-DE" : "en-US";

    UtteranceMatcher.Invocation invocation = new UtteranceMatcher(model, locale).invocation(text);

    assertThat(invocation.kind()).as(text).isEqualTo(kind);
    if (kind == InvocationKind.ONE_SHOT) {
      assertThat(new UtteranceMatcher(model, locale).match(invocation.utterances()))
          .map(Match::intent)
          .contains("GetTopLeadIntent");
    }
  }

  @Test
  void confirmationAnswersAreYesOrNo_orNeither() {
    assertThat(matcher.confirmation(List.of("yes please"))).contains(true);
    assertThat(matcher.confirmation(List.of("no thanks"))).contains(false);
    assertThat(matcher.confirmation(List.of("Cobol Systems"))).isEmpty();
  }

  @Test
  void oneShotUtterancesAreMatchedWithOrWithoutTheConnectingWord() {
    List<String> utterances =
        matcher.invocation("ask my assistant to get my top lead").utterances();

    assertThat(matcher.match(utterances)).map(Match::intent).contains("GetTopLeadIntent");
  }

  @Test
  void capturesSlotValuesAsTyped() {
    Match match = matcher.match("add a lead for Ada Lovelace at Analytical Engines").orElseThrow();

    assertThat(match.intent()).isEqualTo("CreateLeadIntent");
    assertThat(match.slots())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("firstName", "Ada", "lastName", "Lovelace", "company", "Analytical Engines"));
  }

  @Test
  void ignoresCaseAndPunctuationAlexaNeverHears() {
    assertThat(matcher.match("What is my TOP lead?!"))
        .map(Match::intent)
        .contains("GetTopLeadIntent");
  }

  @Test
  void understandsBuiltInIntentsTheModelDeclares_andTheSamplesItAddsToThem() {
    assertThat(matcher.match("yeah")).map(Match::intent).contains("AMAZON.YesIntent");
    assertThat(matcher.match("no way")).map(Match::intent).contains("AMAZON.NoIntent");
    assertThat(matcher.match("stop")).map(Match::intent).contains("AMAZON.StopIntent");
    assertThat(matcher.match("help")).map(Match::intent).contains("AMAZON.HelpIntent");
  }

  @Test
  void ignoresBuiltInIntentsTheModelDoesNotDeclare() {
    assertThat(matcher.match("start over")).isEmpty();
  }

  @Test
  void answersNothingWhenNoSampleFits() {
    assertThat(matcher.match("order a pizza")).isEmpty();
  }

  @Test
  void prefersTheSampleWithTheMostLiteralWords() {
    InteractionModel model =
        InteractionModel.parse(
            """
            {"interactionModel":{"languageModel":{"invocationName":"test","intents":[
              {"name":"Loose","slots":[{"name":"x","type":"AMAZON.SearchQuery"}],"samples":["{x} please"]},
              {"name":"Specific","slots":[{"name":"y","type":"AMAZON.FirstName"}],"samples":["call {y} please"]},
              {"name":"Apostrophe","slots":[],"samples":["what's new"]}
            ]}}}
            """);
    UtteranceMatcher specific = new UtteranceMatcher(model);

    Match match = specific.match("call Bob please").orElseThrow();

    assertThat(match.intent()).isEqualTo("Specific");
    assertThat(match.slots()).containsEntry("y", "Bob");
    assertThat(specific.match("whats new")).map(Match::intent).contains("Apostrophe");
  }

  @Test
  void neverMatchesASampleMadeOnlyOfSlotsOutsideADialog() {
    // CreateLeadIntent's slot samples include "{firstName}", which would swallow anything.
    assertThat(matcher.match("Lovelace")).isEmpty();
  }

  @Test
  void readsAnAnswerToAnElicitationFromTheSlotsOwnSamples() {
    Match withCarrier =
        matcher
            .matchWithin(List.of("the last name is Lovelace"), "CreateLeadIntent", "lastName")
            .orElseThrow();
    Match bare =
        matcher.matchWithin(List.of("Lovelace"), "CreateLeadIntent", "lastName").orElseThrow();

    assertThat(withCarrier.slots()).containsExactly(Map.entry("lastName", "Lovelace"));
    assertThat(bare.slots()).containsExactly(Map.entry("lastName", "Lovelace"));
  }

  @Test
  void keepsEmailAddressesWhole() {
    Match match =
        matcher.matchWithin(List.of("ada@example.com."), "CreateLeadIntent", "email").orElseThrow();

    assertThat(match.slots()).containsEntry("email", "ada@example.com");
  }

  @Test
  void resolvesCustomSlotTypeSynonyms() {
    InteractionModel.SlotType type = Fixtures.model().types().get("LeadSource");

    assertThat(type.resolve("Website")).map(InteractionModel.TypeValue::id).contains("WEB");
    assertThat(type.resolve("fax")).isEmpty();
  }
}
