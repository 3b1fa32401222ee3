package com.crmvoice.intent.progressive;

/**
 * Sends an Alexa progressive response: speech Alexa plays while the skill prepares its full answer.
 * Implementations return at once and never throw: a lost progressive response costs the user a
 * silent pause, nothing more.
 */
public interface ProgressiveResponses {

  /**
   * Asks Alexa to say {@code speech} now.
   *
   * @param apiEndpoint context.System.apiEndpoint of the request
   * @param apiAccessToken context.System.apiAccessToken of the request
   * @param requestId the request's id: Alexa plays the speech only while that request is open
   * @param speech plain text or SSML
   */
  void send(String apiEndpoint, String apiAccessToken, String requestId, String speech);

  /** Sends nothing (requests without an API endpoint, tests). */
  ProgressiveResponses NONE = (endpoint, token, requestId, speech) -> {};
}
