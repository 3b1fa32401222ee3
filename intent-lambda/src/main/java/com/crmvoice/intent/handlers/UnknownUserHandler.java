package com.crmvoice.intent.handlers;

import static com.amazon.ask.request.Predicates.requestType;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.SessionEndedRequest;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-user mode answers only the configured Alexa users (ALLOWED_ALEXA_USER_IDS): anyone else
 * who enables the skill would otherwise hear the owner's leads. Tried before every other handler;
 * the refused user hears why and the session ends. A SessionEndedRequest is left to its handler,
 * since Alexa takes no speech in answer to one.
 */
public final class UnknownUserHandler implements RequestHandler {

  private static final Logger LOG = LoggerFactory.getLogger(UnknownUserHandler.class);

  private final Predicate<String> admits;

  /**
   * @param admits whether an Alexa user id (context.System.user.userId) may use the skill
   */
  public UnknownUserHandler(Predicate<String> admits) {
    this.admits = admits;
  }

  @Override
  public boolean canHandle(HandlerInput input) {
    return !input.matches(requestType(SessionEndedRequest.class))
        && !admits.test(Requests.alexaUserId(input));
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    // The id is no personal data (it names an Alexa account for this skill only), and the owner
    // needs it to add a device of their own to ALLOWED_ALEXA_USER_IDS.
    LOG.warn("refused Alexa user {}: not in ALLOWED_ALEXA_USER_IDS", Requests.alexaUserId(input));
    Speech speech = Requests.speech(input);
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("user.notAllowed"))
        .withShouldEndSession(true)
        .build();
  }
}
