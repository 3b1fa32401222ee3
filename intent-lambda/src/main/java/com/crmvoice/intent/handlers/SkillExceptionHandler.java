package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.exception.ExceptionHandler;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything else that went wrong: logged (type and message; never a token or a value the user
 * spoke) and answered with an apology, so Alexa always gets a valid response.
 */
public final class SkillExceptionHandler implements ExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SkillExceptionHandler.class);

  @Override
  public boolean canHandle(HandlerInput input, Throwable throwable) {
    return true;
  }

  @Override
  public Optional<Response> handle(HandlerInput input, Throwable throwable) {
    Speech speech = Requests.speech(input);
    String key;
    if (throwable instanceof CrmUnavailableException) {
      LOG.warn("the CRM is unavailable: {}", throwable.toString());
      key = "crm.unavailable";
    } else {
      LOG.error("request failed: {}", throwable.getClass().getName(), throwable);
      key = "error";
    }
    return input
        .getResponseBuilder()
        .withSpeech(speech.say(key))
        .withShouldEndSession(true)
        .build();
  }
}
