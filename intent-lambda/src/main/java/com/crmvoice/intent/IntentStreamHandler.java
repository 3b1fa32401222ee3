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
 * the crm-core skill services. Priming runs before a SnapStart snapshot ({@link SnapStartHooks}),
 * not in every cold init.
 */
public final class IntentStreamHandler extends SkillStreamHandler {

  private static final Logger LOG = LoggerFactory.getLogger(IntentStreamHandler.class);

  private final String skillId;
  private final SnapStartHooks snapStart;

  /** Called by the Lambda runtime once per container. */
  public IntentStreamHandler() {
    this(System.getenv());
  }

  /** Wires the skill from an environment map: the Lambda runtime's, or the simulator's. */
  public IntentStreamHandler(Map<String, String> environment) {
    this(
        Wiring.fromEnv(environment),
        Wiring.primingUserId(environment),
        com.crmvoice.intent.speech.Speech.crmName(
            environment.get(com.crmvoice.core.config.EnvironmentVariables.CRM)));
  }

  private IntentStreamHandler(Wiring.Wired wired, String primingUser, String crmName) {
    super(
        new GuardedSkill(IntentSkill.build(wired.services(), crmName), wired.services().skillId()));
    this.skillId = wired.services().skillId();
    this.snapStart =
        new SnapStartHooks(
                () -> {
                  prime(primingUser);
                  wired.primeStorage().run();
                },
                wired.afterRestore())
            .register();
  }

  /** For tests: the skill over services built by the caller (in-memory fakes). */
  IntentStreamHandler(SkillServices services) {
    this(services, com.crmvoice.intent.speech.Speech.BUNDLE_CRM);
  }

  /** For tests: as above, saying {@code crmName} as the CRM's name. */
  IntentStreamHandler(SkillServices services, String crmName) {
    super(new GuardedSkill(IntentSkill.build(services, crmName), services.skillId()));
    this.skillId = services.skillId();
    this.snapStart = null;
  }

  /**
   * The SnapStart hooks (for the cold-start probe, which calls them as Lambda would: priming, then
   * the restore); null for a handler over services built by a test.
   */
  SnapStartHooks snapStart() {
    return snapStart;
  }

  // Priming answers a LaunchRequest and a GetTopLead as the admitted priming user. Neither names a
  // linked account: with account linking the GetTopLead answers "link your account" and calls
  // nothing; in single-user mode it reads the configured owner's cache, as the first turn will (a
  // miss looks the owner up, as that turn would). Together they load the ASK SDK's, Jackson's, the
  // speech bundles' and the request path's classes.
  private void prime(String userId) {
    for (String request :
        new String[] {
          "{\"type\":\"LaunchRequest\",",
          "{\"type\":\"IntentRequest\",\"intent\":{\"name\":\"GetTopLeadIntent\",\"slots\":{}},"
        }) {
      String envelope =
          "{\"version\":\"1.0\",\"context\":{\"System\":{\"application\":{\"applicationId\":\""
              + skillId
              + "\"},\"user\":{\"userId\":"
              + quote(userId)
              + "}}},\"request\":"
              + request
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
  }

  private static String quote(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }
}
