package com.crmvoice.intent.handlers;

import static com.amazon.ask.request.Predicates.requestType;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.LaunchRequest;
import com.amazon.ask.model.Response;
import com.crmvoice.core.port.IdentityResolver;
import com.crmvoice.core.service.day.DayService;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/**
 * "Alexa, open c. r. m. voice": says what the skill can do and keeps the session open. A user who
 * has not linked an account, where the skill needs one, hears that instead and gets the LinkAccount
 * card (the {@link IdentityResolver} throws, {@link AccountLinkingExceptionHandler} answers), as
 * Amazon's certification test for account linking expects of a launch. A returning user (one who
 * heard a briefing before, by their Alexa user id: no CRM call) is offered the briefing in one
 * sentence.
 */
public final class LaunchRequestHandler implements RequestHandler {

  private final DayService day;

  /** A launch that never offers the briefing. */
  public LaunchRequestHandler() {
    this(null);
  }

  /**
   * @param day tells a returning user (one who heard a briefing before) from a new one; null for a
   *     skill without the briefing
   */
  public LaunchRequestHandler(DayService day) {
    this.day = day;
  }

  @Override
  public boolean canHandle(HandlerInput input) {
    return input.matches(requestType(LaunchRequest.class));
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    if (Requests.accessToken(input) == null) {
      // Without a token only the mode decides (single-user answers, account linking throws): no
      // CRM call. A token is checked when the first request needs the user, not at launch.
      CurrentUser.of(input);
    }
    Speech speech = Requests.speech(input);
    return input
        .getResponseBuilder()
        .withSpeech(
            day != null && day.heardBefore(Requests.alexaUserId(input))
                ? speech.say("launch.returning")
                : speech.say("launch"))
        .withReprompt(speech.say("launch.reprompt"))
        .withShouldEndSession(false)
        .build();
  }
}
