package com.crmvoice.intent;

import com.amazon.ask.AlexaSkill;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.ResponseEnvelope;
import com.amazon.ask.request.SkillRequest;
import com.amazon.ask.response.SkillResponse;
import com.amazon.ask.response.impl.BaseSkillResponse;
import com.amazon.ask.util.impl.JacksonJsonMarshaller;
import com.crmvoice.core.log.SummarisingLog;
import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skill behind a guard for what the SDK cannot turn into a request: a malformed envelope (not
 * JSON, no request, an unknown request type) gets a valid Alexa response with an apology instead of
 * a failed invocation. A request for another skill id, or with none (no applicationId, an empty or
 * a non-text one), is refused: it is not answered at all ({@link SkillIdMismatchException}), as
 * Amazon requires a skill to check it ("Verify that the request is intended for your service",
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/handle-requests-sent-by-alexa.html).
 * Refusals are logged once per kind, then counted ({@link SummarisingLog}).
 */
final class GuardedSkill implements AlexaSkill<RequestEnvelope, ResponseEnvelope> {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedSkill.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JacksonJsonMarshaller<ResponseEnvelope> MARSHALLER =
      JacksonJsonMarshaller.forType(ResponseEnvelope.class);

  private final AlexaSkill<RequestEnvelope, ResponseEnvelope> skill;
  private final String skillId;
  private final SummarisingLog refusals;

  GuardedSkill(AlexaSkill<RequestEnvelope, ResponseEnvelope> skill, String skillId) {
    this(skill, skillId, SummarisingLog.toSlf4j(LOG, "request refused", Clock.systemUTC()));
  }

  GuardedSkill(
      AlexaSkill<RequestEnvelope, ResponseEnvelope> skill,
      String skillId,
      SummarisingLog refusals) {
    this.skill = Objects.requireNonNull(skill, "skill");
    this.skillId = Objects.requireNonNull(skillId, "skillId");
    this.refusals = Objects.requireNonNull(refusals, "refusals");
  }

  @Override
  public SkillResponse<ResponseEnvelope> execute(SkillRequest request, Object context) {
    JsonNode raw = parse(request.getRawRequest());
    if (raw != null) {
      JsonNode applicationId =
          raw.path("context").path("System").path("application").path("applicationId");
      if (!applicationId.isTextual() || !applicationId.asText().equals(skillId)) {
        refusals.record(
            applicationId.isMissingNode() || applicationId.isNull()
                ? "no skill id"
                : "another skill id");
        throw new SkillIdMismatchException();
      }
    }
    String locale = raw == null ? null : raw.path("request").path("locale").asText(null);
    try {
      SkillResponse<ResponseEnvelope> response = skill.execute(request, context);
      if (response != null && response.isPresent()) {
        return response;
      }
      LOG.error("request could not be read: not an Alexa request envelope");
    } catch (RuntimeException e) {
      LOG.error("request could not be read: {}", e.getClass().getName());
    }
    return apology(locale);
  }

  static SkillResponse<ResponseEnvelope> apology(String locale) {
    Speech speech = Speech.forLocale(locale);
    ResponseEnvelope envelope =
        ResponseEnvelope.builder()
            .withVersion("1.0")
            .withResponse(
                new com.amazon.ask.response.ResponseBuilder()
                    .withSpeech(speech.say("error"))
                    .withShouldEndSession(true)
                    .build()
                    .orElseThrow())
            .build();
    return new BaseSkillResponse<>(MARSHALLER, envelope);
  }

  private static JsonNode parse(byte[] raw) {
    try {
      JsonNode node = JSON.readTree(raw);
      return node != null && node.isObject() ? node : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** The request names another skill, or none: it was not meant for this one, no answer. */
  static final class SkillIdMismatchException extends RequestRefusedException {
    private static final long serialVersionUID = 1L;

    SkillIdMismatchException() {
      super("the request is for another skill");
    }
  }
}
