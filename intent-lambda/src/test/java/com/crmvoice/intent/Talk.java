package com.crmvoice.intent;

import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.function.Function;

/**
 * One Alexa session with the skill: each request carries the session attributes the skill last
 * returned, as Alexa does, in one locale, for one linked user.
 */
final class Talk {

  private final Function<ObjectNode, JsonNode> skill;
  private final String locale;
  private final String token;
  private final String sessionId = "amzn1.echo-api.session." + UUID.randomUUID();
  private JsonNode last;

  Talk(Function<ObjectNode, JsonNode> skill, String locale, String token) {
    this.skill = skill;
    this.locale = locale;
    this.token = token;
  }

  /** Sends the request in this session and answers the skill's response. */
  JsonNode say(AlexaRequests request) {
    request.locale(locale).accessToken(token).session(sessionId, last == null);
    if (last != null && last.path("sessionAttributes").isObject()) {
      request.sessionAttributes((ObjectNode) last.get("sessionAttributes"));
    }
    last = skill.apply(request.toNode());
    assertSsmlIsXml(last.at("/response/outputSpeech/ssml").asText(""));
    assertSsmlIsXml(last.at("/response/reprompt/outputSpeech/ssml").asText(""));
    String spoken =
        last.at("/response/outputSpeech/ssml").asText("").replaceAll("<[^>]+>", "").strip();
    if (!last.at("/response/shouldEndSession").asBoolean(true) && !spoken.isEmpty()) {
      // Certification: a response that leaves the session open prompts the user.
      if (!OpenSessionPromptsTest.promptsAnAnswer(spoken, locale)) {
        throw new AssertionError("an open session without a question: " + spoken);
      }
    }
    return last;
  }

  /** Every turn's SSML must parse as XML: say-as tags closed, values escaped. */
  private static void assertSsmlIsXml(String ssml) {
    if (ssml.isEmpty()) {
      return;
    }
    try {
      javax.xml.parsers.DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new org.xml.sax.InputSource(new java.io.StringReader(ssml)));
    } catch (Exception e) {
      throw new AssertionError("not XML: " + ssml, e);
    }
  }

  JsonNode say(String intent) {
    return say(AlexaRequests.intent(intent));
  }

  static String speech(JsonNode response) {
    return response.at("/response/outputSpeech/ssml").asText();
  }

  static String directiveType(JsonNode response) {
    return response.at("/response/directives/0/type").asText();
  }
}
