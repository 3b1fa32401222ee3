package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.exception.ExceptionHandler;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM settings are still incomplete (the secret is blank after the first deployment): logged at
 * ERROR with the setting that is missing, and the user hears that the skill is not configured yet
 * rather than an apology that suggests trying again.
 */
public final class NotConfiguredExceptionHandler implements ExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(NotConfiguredExceptionHandler.class);

  @Override
  public boolean canHandle(HandlerInput input, Throwable throwable) {
    return throwable instanceof CrmNotConfiguredException;
  }

  @Override
  public Optional<Response> handle(HandlerInput input, Throwable throwable) {
    LOG.error("the skill is not configured yet: {}", throwable.getMessage());
    Speech speech = Requests.speech(input);
    return input
        .getResponseBuilder()
        .withSpeech(speech.say("skill.notConfigured"))
        .withShouldEndSession(true)
        .build();
  }
}
