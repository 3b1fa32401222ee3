package com.crmvoice.simulator.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.simulator.dialog.Output.Card;
import com.crmvoice.simulator.dialog.Output.Notice;
import com.crmvoice.simulator.dialog.Output.Speech;
import com.crmvoice.simulator.model.Fixtures;
import com.crmvoice.simulator.model.InteractionModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConversationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private final List<ObjectNode> requests = new ArrayList<>();
  private final List<Output> outputs = new ArrayList<>();
  private Function<JsonNode, String> skillLogic = ConversationTest::delegatingSkill;

  private Conversation conversation(InteractionModel model) {
    SkillEndpoint skill =
        envelope -> {
          requests.add(envelope.deepCopy());
          try {
            return JSON.readTree(skillLogic.apply(envelope));
          } catch (Exception e) {
            throw new SkillEndpoint.SkillFailedException("boom", e);
          }
        };
    return new Conversation(
        model,
        skill,
        new Conversation.Device(
            "amzn1.ask.skill.test", "amzn1.ask.account.U", "en-US", "http://127.0.0.1:1", "tok"),
        outputs::add,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private Conversation conversation() {
    return conversation(Fixtures.model());
  }

  /** A skill that delegates CreateLeadIntent until COMPLETED, and answers the rest plainly. */
  private static String delegatingSkill(JsonNode envelope) {
    JsonNode request = envelope.path("request");
    String type = request.path("type").asText();
    if (type.equals("LaunchRequest")) {
      return """
          {"version":"1.0","sessionAttributes":{"visits":1},"response":{
            "outputSpeech":{"type":"SSML","ssml":"<speak>Welcome. <break time='1s'/>What would you like?</speak>"},
            "reprompt":{"outputSpeech":{"type":"PlainText","text":"What would you like?"}},
            "shouldEndSession":false}}
          """;
    }
    if (type.equals("SessionEndedRequest")) {
      return "{\"version\":\"1.0\",\"response\":{}}";
    }
    String intent = request.path("intent").path("name").asText();
    switch (intent) {
      case "GetTopLeadIntent":
        return """
            {"version":"1.0","response":{
              "outputSpeech":{"type":"PlainText","text":"Your top lead is Maria Garcia & co."},
              "card":{"type":"Simple","title":"Top lead","content":"Maria Garcia\\nNorthwind Traders"},
              "shouldEndSession":true}}
            """;
      case "CreateLeadIntent":
        if (!request.path("dialogState").asText().equals("COMPLETED")) {
          return "{\"version\":\"1.0\",\"response\":{\"directives\":[{\"type\":\"Dialog.Delegate\"}],"
              + "\"shouldEndSession\":false}}";
        }
        JsonNode slots = request.path("intent").path("slots");
        String said =
            request.path("intent").path("confirmationStatus").asText().equals("DENIED")
                ? "Okay, no lead."
                : "Creating "
                    + slots.path("firstName").path("value").asText()
                    + " "
                    + slots.path("lastName").path("value").asText()
                    + " at "
                    + slots.path("company").path("value").asText()
                    + ".";
        return "{\"version\":\"1.0\",\"response\":{\"outputSpeech\":{\"type\":\"PlainText\",\"text\":\""
            + said
            + "\"}}}";
      default:
        return "{\"version\":\"1.0\",\"response\":{\"outputSpeech\":{\"type\":\"PlainText\","
            + "\"text\":\"You asked for "
            + intent
            + "\"},\"shouldEndSession\":false}}";
    }
  }

  private List<String> spoken() {
    return outputs.stream().filter(o -> o instanceof Speech).map(o -> ((Speech) o).text()).toList();
  }

  private List<String> dialogStates() {
    return requests.stream().map(r -> r.path("request").path("dialogState").asText("-")).toList();
  }

  @Test
  void aOneShotQuestionIsOneIntentRequestInANewSession_thatTheSkillEnds() {
    Conversation conversation = conversation();

    conversation.say("Alexa, ask my assistant to get my top lead");

    assertThat(requests).hasSize(1);
    JsonNode envelope = requests.get(0);
    assertThat(envelope.path("version").asText()).isEqualTo("1.0");
    assertThat(envelope.path("session").path("new").asBoolean()).isTrue();
    assertThat(envelope.path("session").path("application").path("applicationId").asText())
        .isEqualTo("amzn1.ask.skill.test");
    assertThat(envelope.path("context").path("System").path("apiEndpoint").asText())
        .isEqualTo("http://127.0.0.1:1");
    assertThat(envelope.path("context").path("System").path("apiAccessToken").asText())
        .isEqualTo("tok");
    assertThat(envelope.path("request").path("type").asText()).isEqualTo("IntentRequest");
    assertThat(envelope.path("request").path("timestamp").asText())
        .isEqualTo("2026-11-25T08:00:00Z");
    assertThat(envelope.path("request").path("intent").path("name").asText())
        .isEqualTo("GetTopLeadIntent");
    assertThat(envelope.path("request").has("dialogState")).isFalse();
    assertThat(spoken()).containsExactly("Your top lead is Maria Garcia & co.");
    assertThat(outputs).contains(new Card("Simple", "Top lead", "Maria Garcia\nNorthwind Traders"));
    assertThat(conversation.sessionOpen()).isFalse();
  }

  @Test
  void aLaunchOpensASession_whoseAttributesTheNextRequestCarries() {
    Conversation conversation = conversation();

    conversation.say("open my assistant");
    conversation.say("what happened to my lead");

    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).path("request").path("type").asText()).isEqualTo("LaunchRequest");
    JsonNode second = requests.get(1);
    assertThat(second.path("session").path("new").asBoolean()).isFalse();
    assertThat(second.path("session").path("sessionId").asText())
        .isEqualTo(requests.get(0).path("session").path("sessionId").asText());
    assertThat(second.path("session").path("attributes").path("visits").asInt()).isEqualTo(1);
    assertThat(second.path("request").path("intent").path("name").asText())
        .isEqualTo("LeadStatusIntent");
    assertThat(spoken().get(0)).isEqualTo("Welcome. What would you like?");
    assertThat(outputs).contains(new Output.Reprompt("What would you like?"));
  }

  @Test
  void delegateMakesAlexaElicitEachRequiredSlotWithTheModelsPrompts_confirm_thenComplete() {
    Conversation conversation = conversation();

    conversation.say("ask my assistant to create a lead");
    assertThat(conversation.elicitedSlot()).contains("firstName");
    conversation.say("Ada");
    conversation.say("the last name is Lovelace");
    conversation.say("Analytical Engines");
    assertThat(conversation.awaitingConfirmation()).isTrue();
    conversation.say("yes");

    assertThat(spoken())
        .containsExactly(
            "What is the lead's first name?",
            "And Ada's last name?",
            "Which company does Ada work for?",
            "Create a lead for Ada Lovelace at Analytical Engines?",
            "Creating Ada Lovelace at Analytical Engines.");
    assertThat(dialogStates())
        .containsExactly(
            "STARTED", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED");
    JsonNode completed = requests.get(requests.size() - 1).path("request").path("intent");
    assertThat(completed.path("confirmationStatus").asText()).isEqualTo("CONFIRMED");
    assertThat(completed.path("slots").path("company").path("value").asText())
        .isEqualTo("Analytical Engines");
    assertThat(completed.path("slots").path("email").has("value")).isFalse();
    assertThat(conversation.sessionOpen()).isFalse();
  }

  @Test
  void slotsSaidInTheFirstUtteranceAreNotAskedAgain() {
    Conversation conversation = conversation();

    conversation.say("ask my assistant to add a lead for Ada Lovelace at Analytical Engines");

    JsonNode started = requests.get(0).path("request");
    assertThat(started.path("dialogState").asText()).isEqualTo("STARTED");
    assertThat(started.path("intent").path("slots").path("firstName").path("value").asText())
        .isEqualTo("Ada");
    assertThat(spoken()).containsExactly("Create a lead for Ada Lovelace at Analytical Engines?");
  }

  @Test
  void aDeniedConfirmationReachesTheSkillAsDenied() {
    Conversation conversation = conversation();

    conversation.say("ask my assistant to add a lead for Ada Lovelace at Analytical Engines");
    conversation.say("no");

    JsonNode last = requests.get(requests.size() - 1).path("request");
    assertThat(last.path("intent").path("confirmationStatus").asText()).isEqualTo("DENIED");
    assertThat(spoken()).last().isEqualTo("Okay, no lead.");
  }

  @Test
  void yesAndNoConfirmEvenWhenTheModelDeclaresNoYesOrNoIntent() {
    String json =
        Fixtures.modelJson()
            .replace(
                ",\n        {\"name\": \"AMAZON.YesIntent\", \"samples\": []},\n"
                    + "        {\"name\": \"AMAZON.NoIntent\", \"samples\": [\"no way\"]}",
                "");
    InteractionModel model = InteractionModel.parse(json);
    assertThat(model.intent("AMAZON.YesIntent")).isEmpty();
    Conversation conversation = conversation(model);

    conversation.say("ask my assistant to add a lead for Ada Lovelace at Analytical Engines");
    conversation.say("yes please");

    JsonNode last = requests.get(requests.size() - 1).path("request");
    assertThat(last.path("intent").path("confirmationStatus").asText()).isEqualTo("CONFIRMED");
    assertThat(last.path("dialogState").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void aValueFailingTheModelsValidationIsAskedForAgainWithTheValidationPrompt() {
    Conversation conversation = conversation();

    conversation.say("ask my assistant to create a lead for Ada Lovelace");
    conversation.say("none");

    assertThat(spoken())
        .containsExactly(
            "Which company does Ada work for?", "A lead needs a company. Which company?");
    assertThat(conversation.elicitedSlot()).contains("company");
  }

  @Test
  void stopDuringADialogReachesTheSkillAsStopIntent() {
    Conversation conversation = conversation();

    conversation.say("ask my assistant to create a lead");
    conversation.say("stop");

    assertThat(
            requests.get(requests.size() - 1).path("request").path("intent").path("name").asText())
        .isEqualTo("AMAZON.StopIntent");
  }

  @Test
  void elicitSlotFromTheSkillFillsThatSlotWithTheNextAnswer() {
    skillLogic =
        envelope -> {
          JsonNode slots = envelope.path("request").path("intent").path("slots");
          if (!slots.path("email").has("value")) {
            return """
                {"version":"1.0","response":{
                  "outputSpeech":{"type":"PlainText","text":"What is the email?"},
                  "directives":[{"type":"Dialog.ElicitSlot","slotToElicit":"email",
                    "updatedIntent":{"name":"CreateLeadIntent","confirmationStatus":"NONE",
                      "slots":{"firstName":{"name":"firstName","value":"Ada","confirmationStatus":"NONE"}}}}],
                  "shouldEndSession":false}}
                """;
          }
          return "{\"version\":\"1.0\",\"response\":{\"outputSpeech\":{\"type\":\"PlainText\",\"text\":\"Got "
              + slots.path("email").path("value").asText()
              + " for "
              + slots.path("firstName").path("value").asText()
              + "\"},\"shouldEndSession\":true}}";
        };
    Conversation conversation = conversation();

    conversation.say("ask my assistant to create a lead");
    assertThat(conversation.elicitedSlot()).contains("email");
    conversation.say("ada@example.com");

    assertThat(spoken()).containsExactly("What is the email?", "Got ada@example.com for Ada");
    assertThat(dialogStates()).containsExactly("STARTED", "IN_PROGRESS");
  }

  @Test
  void confirmIntentFromTheSkillSetsTheConfirmationStatusFromYesOrNo() {
    skillLogic =
        envelope -> {
          String status =
              envelope.path("request").path("intent").path("confirmationStatus").asText();
          if (status.equals("NONE")) {
            return """
                {"version":"1.0","response":{"outputSpeech":{"type":"PlainText","text":"Sure?"},
                 "directives":[{"type":"Dialog.ConfirmIntent"}],"shouldEndSession":false}}
                """;
          }
          return "{\"version\":\"1.0\",\"response\":{\"outputSpeech\":{\"type\":\"PlainText\",\"text\":\""
              + status
              + "\"},\"shouldEndSession\":true}}";
        };
    Conversation conversation = conversation();

    conversation.say("ask my assistant to create a lead");
    conversation.say("nope");

    assertThat(spoken()).containsExactly("Sure?", "DENIED");
  }

  @Test
  void anAutoDelegatedDialogReachesTheSkillOnlyWhenComplete() {
    InteractionModel auto =
        InteractionModel.parse(Fixtures.modelJson().replace("SKILL_RESPONSE", "ALWAYS"));
    Conversation conversation = conversation(auto);

    conversation.say("ask my assistant to create a lead");
    conversation.say("Ada");
    conversation.say("Lovelace");
    conversation.say("Analytical Engines");
    conversation.say("yes");

    assertThat(dialogStates()).containsExactly("COMPLETED");
    assertThat(spoken()).last().isEqualTo("Creating Ada Lovelace at Analytical Engines.");
  }

  @Test
  void customSlotTypesCarryEntityResolution() {
    Conversation conversation = conversation();

    conversation.say("ask my assistant to create a lead from website");

    JsonNode source = requests.get(0).path("request").path("intent").path("slots").path("source");
    assertThat(source.path("value").asText()).isEqualTo("website");
    JsonNode authority = source.path("resolutions").path("resolutionsPerAuthority").get(0);
    assertThat(authority.path("status").path("code").asText()).isEqualTo("ER_SUCCESS_MATCH");
    assertThat(authority.path("values").get(0).path("value").path("id").asText()).isEqualTo("WEB");
  }

  @Test
  void textNoSampleFitsReachesTheSkillAsFallbackIntent() {
    Conversation conversation = conversation();

    conversation.say("ask my assistant to order a pizza");

    assertThat(requests.get(0).path("request").path("intent").path("name").asText())
        .isEqualTo("AMAZON.FallbackIntent");
  }

  @Test
  void aDelegateWithSpeechIsFlaggedAsAlexaWouldRejectIt() {
    skillLogic =
        envelope ->
            """
            {"version":"1.0","response":{"outputSpeech":{"type":"PlainText","text":"hi"},
             "directives":[{"type":"Dialog.Delegate"}],"shouldEndSession":false}}
            """;
    Conversation conversation = conversation();

    conversation.say("ask my assistant to create a lead");

    assertThat(outputs).anyMatch(o -> o instanceof Notice n && n.text().contains("Delegate"));
    assertThat(spoken()).containsExactly("What is the lead's first name?");
  }

  @Test
  void aFailingSkillIsReportedAndEndsTheSession() {
    skillLogic = envelope -> "not json";
    Conversation conversation = conversation();

    conversation.say("open my assistant");

    assertThat(spoken())
        .containsExactly("There was a problem with the requested skill's response.");
    assertThat(conversation.sessionOpen()).isFalse();
  }

  @Test
  void endingAnOpenSessionSendsSessionEndedRequest() {
    Conversation conversation = conversation();
    conversation.say("open my assistant");

    conversation.endSession("USER_INITIATED");

    JsonNode last = requests.get(requests.size() - 1).path("request");
    assertThat(last.path("type").asText()).isEqualTo("SessionEndedRequest");
    assertThat(last.path("reason").asText()).isEqualTo("USER_INITIATED");
    assertThat(conversation.sessionOpen()).isFalse();
  }

  @Test
  void aResponseWithoutShouldEndSessionEndsTheSessionAsOnAVoiceOnlyDevice() {
    skillLogic =
        envelope ->
            "{\"version\":\"1.0\",\"response\":{\"outputSpeech\":{\"type\":\"PlainText\",\"text\":\"ok\"}}}";
    Conversation conversation = conversation();

    conversation.say("open my assistant");

    assertThat(conversation.sessionOpen()).isFalse();
  }
}
