package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Context;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.Session;
import com.amazon.ask.model.interfaces.alexa.presentation.apl.UserEvent;
import com.amazon.ask.model.interfaces.system.SystemState;
import com.crmvoice.intent.speech.Speech;
import java.util.Optional;

/**
 * Null-safe reads of the parts of a request envelope the handlers use (user, token, locale, device,
 * Alexa API endpoint); responses are built elsewhere.
 */
public final class Requests {

  private Requests() {}

  /**
   * The record id of a touch on an APL list: an Alexa.Presentation.APL.UserEvent whose arguments
   * are exactly {@code [selected, id]} (the lists' SendEvent), a non-blank id; else empty.
   */
  static Optional<String> touched(HandlerInput input, String selected) {
    if (!(input.getRequestEnvelope().getRequest() instanceof UserEvent event)
        || event.getArguments() == null
        || event.getArguments().size() != 2
        || !selected.equals(event.getArguments().get(0))
        || !(event.getArguments().get(1) instanceof String id)
        || id.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  static SystemState system(HandlerInput input) {
    Context context = input.getRequestEnvelope().getContext();
    return context == null ? null : context.getSystem();
  }

  /** The account-linking access token, or null when the user has not linked an account. */
  public static String accessToken(HandlerInput input) {
    SystemState system = system(input);
    if (system != null && system.getUser() != null && system.getUser().getAccessToken() != null) {
      return system.getUser().getAccessToken();
    }
    Session session = input.getRequestEnvelope().getSession();
    return session == null || session.getUser() == null ? null : session.getUser().getAccessToken();
  }

  /**
   * The Alexa user id (context.System.user, else session.user), or null when the request has none.
   */
  public static String alexaUserId(HandlerInput input) {
    SystemState system = system(input);
    if (system != null && system.getUser() != null && system.getUser().getUserId() != null) {
      return system.getUser().getUserId();
    }
    Session session = input.getRequestEnvelope().getSession();
    return session == null || session.getUser() == null ? null : session.getUser().getUserId();
  }

  public static String requestId(HandlerInput input) {
    return input.getRequestEnvelope().getRequest().getRequestId();
  }

  /** The request attribute holding the CRM's spoken name (set by the skill's interceptor). */
  public static final String CRM_NAME = "crmvoice.crmName";

  /** What the skill says in the request's locale, naming the CRM the skill is wired to. */
  public static Speech speech(HandlerInput input) {
    RequestEnvelope envelope = input.getRequestEnvelope();
    Speech speech =
        Speech.forLocale(envelope.getRequest() == null ? null : envelope.getRequest().getLocale());
    Object crm =
        input.getAttributesManager() == null
            ? null
            : input.getAttributesManager().getRequestAttributes().get(CRM_NAME);
    return crm instanceof String name ? speech.naming(name) : speech;
  }

  public static String apiEndpoint(HandlerInput input) {
    SystemState system = system(input);
    return system == null ? null : system.getApiEndpoint();
  }

  public static String apiAccessToken(HandlerInput input) {
    SystemState system = system(input);
    return system == null ? null : system.getApiAccessToken();
  }

  /** context.System.device.deviceId, or null. */
  public static String deviceId(HandlerInput input) {
    SystemState system = system(input);
    return system == null || system.getDevice() == null ? null : system.getDevice().getDeviceId();
  }

  /** Whether the device can show an APL document. */
  public static boolean supportsApl(HandlerInput input) {
    SystemState system = system(input);
    return system != null
        && system.getDevice() != null
        && system.getDevice().getSupportedInterfaces() != null
        && system.getDevice().getSupportedInterfaces().getAlexaPresentationAPL() != null;
  }
}
