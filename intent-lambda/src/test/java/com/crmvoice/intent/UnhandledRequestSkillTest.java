package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.log.SummarisingLog;
import com.crmvoice.intent.handlers.UnhandledRequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests the SDK can read but no handler of this skill takes still get a response. */
class UnhandledRequestSkillTest {

  private final SkillHarness skill = new SkillHarness();

  @ParameterizedTest
  @ValueSource(strings = {"yes-outside-dialog.json", "apl-user-event.json"})
  void aRequestTheUserCanBeSpokenToIn_hearsWhatTheSkillCanDo_andTheSessionStaysOpen(
      String envelope) {
    JsonNode response = skill.invoke(envelope);

    assertThat(speech(response)).contains("I can't help with that", "top lead");
    assertThat(response.at("/response/reprompt/outputSpeech/ssml").asText()).isNotBlank();
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isFalse();
  }

  @Test
  void aRequestThatTakesNoSpeech_getsAnEmptyResponse() {
    JsonNode response = skill.invoke("audio-player-started.json");

    assertThat(response.path("response").isObject()).isTrue();
    assertThat(response.at("/response/outputSpeech").isMissingNode()).isTrue();
  }

  @Test
  void theFirstOfEachKindIsLoggedAtWarn_laterOnesAreCounted() {
    List<String> lines = new ArrayList<>();
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    UnhandledRequestHandler handler =
        new UnhandledRequestHandler(
            new SummarisingLog(
                "request no handler takes", clock, Duration.ofMinutes(1), lines::add));

    for (int i = 0; i < 3; i++) {
      handler.handle(input("yes-outside-dialog.json"));
      handler.handle(input("apl-user-event.json"));
    }
    clock.advance(Duration.ofMinutes(2));
    handler.handle(input("yes-outside-dialog.json"));

    assertThat(lines)
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).contains("IntentRequest AMAZON.YesIntent"))
        .anySatisfy(line -> assertThat(line).contains("Alexa.Presentation.APL.UserEvent"));
    assertThat(lines.get(2))
        .contains(
            "5 more request no handler takes",
            "Alexa.Presentation.APL.UserEvent=2",
            "IntentRequest AMAZON.YesIntent=3");
  }

  private static HandlerInput input(String envelope) {
    String json = new String(SkillHarness.resource(envelope), StandardCharsets.UTF_8);
    return HandlerInput.builder()
        .withRequestEnvelope(new JacksonSerializer().deserialize(json, RequestEnvelope.class))
        .build();
  }
}
