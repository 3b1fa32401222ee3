package com.crmvoice.simulator.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The skill as Alexa reaches it: a request envelope in, a response envelope out. */
@FunctionalInterface
public interface SkillEndpoint {

  /**
   * Sends one request envelope.
   *
   * @throws SkillFailedException when the skill fails or answers something that is not a response
   *     envelope
   */
  JsonNode invoke(ObjectNode requestEnvelope);

  /** The skill failed to answer (an exception, a timeout, a malformed response). */
  class SkillFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SkillFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The skill refused the request (it names another skill, or none): a web service answers it with
   * a 4xx status, not as a failure of the skill.
   */
  final class SkillRefusedException extends SkillFailedException {
    private static final long serialVersionUID = 1L;

    public SkillRefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
