package com.crmvoice.intent.progressive;

/**
 * Sends an Alexa progressive response: speech Alexa plays while the skill prepares its full answer.
 * Alexa plays it only if it arrives before the skill's response, and Lambda may freeze a request
 * still in flight when the handler returns: so the skill sends it before the slow work and, before
 * it answers, waits a short, bounded time for it ({@link Delivery#await()}). Implementations never
 * throw: a lost progressive response costs the user a silent pause, nothing more.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/send-the-user-a-progressive-response.html
 */
public interface ProgressiveResponses {

  /**
   * Asks Alexa to say {@code speech} now; returns at once.
   *
   * @param apiEndpoint context.System.apiEndpoint of the request
   * @param apiAccessToken context.System.apiAccessToken of the request
   * @param requestId the request's id: Alexa plays the speech only while that request is open
   * @param speech SSML content, as the speech bundles hold it (without {@code <speak>})
   * @return the delivery, to wait for before the skill answers
   */
  Delivery send(String apiEndpoint, String apiAccessToken, String requestId, String speech);

  /** A progressive response on its way. */
  interface Delivery {

    /**
     * Waits, at most the implementation's bound, for Alexa to take the progressive response.
     *
     * @return true when Alexa accepted it in time
     */
    boolean await();

    /** Nothing was sent. */
    Delivery NONE = () -> false;
  }

  /** Sends nothing (requests without an API endpoint, tests). */
  ProgressiveResponses NONE = (endpoint, token, requestId, speech) -> Delivery.NONE;
}
