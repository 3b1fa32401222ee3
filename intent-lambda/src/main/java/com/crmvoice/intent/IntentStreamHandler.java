package com.crmvoice.intent;

import com.amazon.ask.SkillStreamHandler;
import java.util.Map;

/**
 * Lambda entry point of the skill: the raw Alexa request envelope in, the response envelope out.
 * Wires everything once per container ({@link Wiring}); the handlers are thin, the logic lives in
 * the crm-core skill services.
 */
public final class IntentStreamHandler extends SkillStreamHandler {

  /** Called by the Lambda runtime once per container. */
  public IntentStreamHandler() {
    this(System.getenv());
  }

  /** Wires the skill from an environment map: the Lambda runtime's, or the simulator's. */
  public IntentStreamHandler(Map<String, String> environment) {
    this(Wiring.fromEnv(environment));
  }

  /** For tests: the skill over services built by the caller (in-memory fakes). */
  IntentStreamHandler(SkillServices services) {
    super(new GuardedSkill(IntentSkill.build(services), services.skillId()));
  }
}
