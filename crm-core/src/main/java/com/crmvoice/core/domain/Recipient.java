package com.crmvoice.core.domain;

import java.util.Objects;

/**
 * Who hears about a command: the Alexa user who gave it, as the skill saw them when it queued the
 * command. A notification goes to this user only, so it cannot reach anyone but the owner.
 *
 * @param alexaUserId the request's {@code context.System.user.userId} (amzn1.ask.account…)
 * @param locale the request's locale (en-US, en-GB, de-DE)
 * @param region the Alexa API region of the user's device: NA, EU or FE (from {@code
 *     context.System.apiEndpoint})
 */
public record Recipient(String alexaUserId, String locale, String region) {

  public Recipient {
    if (alexaUserId == null || alexaUserId.isBlank()) {
      throw new IllegalArgumentException("alexaUserId must not be blank");
    }
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(region, "region");
  }

  /**
   * The region of an Alexa API endpoint as the request names it: api.eu.amazonalexa.com is EU,
   * api.fe.amazonalexa.com FE, anything else NA.
   * https://developer.amazon.com/en-US/docs/alexa/smapi/proactive-events-api.html
   */
  public static String regionOf(String apiEndpoint) {
    if (apiEndpoint == null) {
      return "NA";
    }
    if (apiEndpoint.contains("api.eu.")) {
      return "EU";
    }
    if (apiEndpoint.contains("api.fe.")) {
      return "FE";
    }
    return "NA";
  }
}
