package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.ask.Skill;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.ResponseEnvelope;
import com.amazon.ask.model.ui.SsmlOutputSpeech;
import com.amazon.ask.util.JacksonSerializer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The skill without Lambda: Skill.invoke on request envelopes read by the SDK's serializer. */
class SkillInvokeTest {

  private final SkillHarness harness = new SkillHarness();
  private final Skill skill = IntentSkill.build(harness.services);
  private final JacksonSerializer serializer = new JacksonSerializer();

  private ResponseEnvelope invoke(String name) {
    String json = new String(SkillHarness.resource(name), StandardCharsets.UTF_8);
    ResponseEnvelope response = skill.invoke(serializer.deserialize(json, RequestEnvelope.class));
    try {
      SsmlCheck.assertWellFormed(SkillHarness.JSON.readTree(serializer.serialize(response)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return response;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "launch.json",
        "get-top-lead.json",
        "get-top-lead-apl.json",
        "get-top-lead-no-token.json",
        "get-top-lead-de.json",
        "get-top-lead-gb.json",
        "lead-status.json",
        "help.json",
        "cancel.json",
        "stop.json",
        "navigate-home.json",
        "fallback.json",
        "create-lead-started.json",
        "create-lead-started-de.json",
        "create-lead-in-progress-bad-email.json",
        "create-lead-in-progress-complete.json",
        "create-lead-completed-confirmed.json",
        "create-lead-completed-denied.json",
        "create-lead-in-progress-required.json",
        "no-while-offering-first-name.json"
      })
  void everyEnvelopeGetsAResponseWithSpeechOrADialogDirective(String name) {
    ResponseEnvelope response = invoke(name);

    assertThat(response.getVersion()).isEqualTo("1.0");
    boolean speaks =
        response.getResponse().getOutputSpeech() instanceof SsmlOutputSpeech ssml
            && ssml.getSsml().startsWith("<speak>");
    boolean dialog =
        response.getResponse().getDirectives() != null
            && response.getResponse().getDirectives().stream()
                .anyMatch(d -> d.getType().startsWith("Dialog."));
    assertThat(speaks || dialog).as(name).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"session-ended.json"})
  void sessionEndedGetsAnEmptyResponse(String name) {
    assertThat(invoke(name).getResponse().getOutputSpeech()).isNull();
  }
}
