package com.crmvoice.intent.handlers;

import static com.amazon.ask.request.Predicates.requestType;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.SessionEndedRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The session ended (the user left, or an error): log why; Alexa expects an empty response. */
public final class SessionEndedRequestHandler implements RequestHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SessionEndedRequestHandler.class);

  @Override
  public boolean canHandle(HandlerInput input) {
    return input.matches(requestType(SessionEndedRequest.class));
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    SessionEndedRequest request = (SessionEndedRequest) input.getRequestEnvelope().getRequest();
    LOG.info(
        "session ended: reason={} error={}",
        request.getReason(),
        request.getError() == null ? null : request.getError().getType());
    return input.getResponseBuilder().build();
  }
}
