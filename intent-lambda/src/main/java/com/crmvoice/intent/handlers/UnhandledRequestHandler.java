package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Request;
import com.amazon.ask.model.Response;
import com.crmvoice.core.log.SummarisingLog;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler: takes every request the SDK can read but no other handler takes (an
 * AMAZON.YesIntent outside a dialog, an intent of a newer interaction model, an APL UserEvent,
 * ...), so that Alexa always gets a response. A request the user can be spoken to in (an intent, a
 * touch on a screen) hears 'fallback' and the session stays open; any other (AudioPlayer and
 * PlaybackController events, System.ExceptionEncountered, ...) gets an empty response, as Alexa
 * allows no speech there. The first of each request type and intent is logged at WARN, later ones
 * are counted. Register it after every other handler: the SDK takes the first that can handle.
 */
public final class UnhandledRequestHandler implements RequestHandler {

  private static final Logger LOG = LoggerFactory.getLogger(UnhandledRequestHandler.class);

  private final SummarisingLog log;

  public UnhandledRequestHandler() {
    this(SummarisingLog.toSlf4j(LOG, "request no handler takes", Clock.systemUTC()));
  }

  /** For tests: the log lines go to {@code log}. */
  public UnhandledRequestHandler(SummarisingLog log) {
    this.log = log;
  }

  @Override
  public boolean canHandle(HandlerInput input) {
    return true;
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Request request = input.getRequestEnvelope().getRequest();
    String type = request.getType();
    boolean intent = request instanceof IntentRequest;
    if (intent) {
      IntentRequest intentRequest = (IntentRequest) request;
      String name = intentRequest.getIntent() == null ? null : intentRequest.getIntent().getName();
      // Intent names come from the interaction model: a handful, safe to log.
      log.record(type + " " + (name == null ? "(no intent)" : name));
    } else {
      log.record(type);
    }
    if (intent || type.startsWith("Alexa.Presentation.") || type.startsWith("Display.")) {
      return FallbackIntentHandler.notUnderstood(input, Requests.speech(input));
    }
    return input.getResponseBuilder().build();
  }
}
