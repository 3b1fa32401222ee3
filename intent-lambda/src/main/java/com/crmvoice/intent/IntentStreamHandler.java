package com.crmvoice.intent;

import com.amazon.ask.SkillStreamHandler;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the skill: the raw Alexa request envelope in, the response envelope out.
 * Wires everything once per container ({@link Wiring}); the handlers are thin, the logic lives in
 * the crm-core skill services.
 */
public final class IntentStreamHandler extends SkillStreamHandler {

  private static final Logger LOG = LoggerFactory.getLogger(IntentStreamHandler.class);

  private final String skillId;

  /** Called by the Lambda runtime once per container. */
  public IntentStreamHandler() {
    this(System.getenv());
  }

  /** Wires the skill from an environment map: the Lambda runtime's, or the simulator's. */
  public IntentStreamHandler(Map<String, String> environment) {
    this(Wiring.fromEnv(environment));
    prime(Wiring.primingUserId(environment));
  }

  /** For tests: the skill over services built by the caller (in-memory fakes). */
  IntentStreamHandler(SkillServices services) {
    super(new GuardedSkill(IntentSkill.build(services), services.skillId()));
    this.skillId = services.skillId();
  }

  // A LaunchRequest reads no storage, calls no CRM and needs no Salesforce settings: answering one
  // during init loads the SDK's and Jackson's classes then (and into a SnapStart snapshot) instead
  // of in the first user's request, whether or not the Salesforce secret is filled in yet.
  private void prime(String userId) {
    String envelope =
        "{\"version\":\"1.0\",\"context\":{\"System\":{\"application\":{\"applicationId\":\""
            + skillId
            + "\"},\"user\":{\"userId\":"
            + quote(userId)
            + "}}},\"request\":{\"type\":\"LaunchRequest\","
            + "\"requestId\":\"priming\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"locale\":\"en-US\"}}";
    try {
      handleRequest(
          new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)),
          OutputStream.nullOutputStream(),
          null);
    } catch (IOException | RuntimeException e) {
      LOG.warn("priming request failed: {}", e.toString());
    }
  }

  private static String quote(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }
}
