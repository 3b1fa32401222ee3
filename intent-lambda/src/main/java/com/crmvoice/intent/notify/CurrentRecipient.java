package com.crmvoice.intent.notify;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.interceptor.RequestInterceptor;
import com.amazon.ask.dispatcher.request.interceptor.ResponseInterceptor;
import com.amazon.ask.model.Context;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.Recipient;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Alexa user of the request being handled, as a notification recipient: their user id, the
 * request's locale and the region of their Alexa API endpoint. Set by a request interceptor before
 * the handler runs and cleared by a response interceptor after, per thread, so the command log can
 * record who gave each command without every handler passing it along.
 */
public final class CurrentRecipient
    implements RequestInterceptor, ResponseInterceptor, Supplier<Optional<Recipient>> {

  private static final ThreadLocal<Recipient> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> CONSENTED = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> CARD_DUE = new ThreadLocal<>();

  /** The one instance: the skill registers it as both interceptors; the command log reads it. */
  public static final CurrentRecipient INSTANCE = new CurrentRecipient();

  private CurrentRecipient() {}

  @Override
  public void process(HandlerInput input) {
    CURRENT.set(of(input.getRequestEnvelope()).orElse(null));
    CONSENTED.set(hasConsent(input.getRequestEnvelope()));
    CARD_DUE.remove();
  }

  @Override
  public void process(HandlerInput input, Optional<Response> response) {
    CURRENT.remove();
    CONSENTED.remove();
    CARD_DUE.remove();
  }

  /** Whether the user of this request granted the skill's permissions (a consent token came). */
  boolean consented() {
    return Boolean.TRUE.equals(CONSENTED.get());
  }

  /** This response should carry the permissions card. */
  void cardDue() {
    CARD_DUE.set(Boolean.TRUE);
  }

  /** Whether {@link #cardDue} was called while handling this request. */
  boolean isCardDue() {
    return Boolean.TRUE.equals(CARD_DUE.get());
  }

  /**
   * {@code context.System.user.permissions.consentToken}: present once the user granted the
   * permissions the skill asked for.
   * https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-and-response-json-reference.html#user-object
   */
  static boolean hasConsent(RequestEnvelope envelope) {
    Context context = envelope == null ? null : envelope.getContext();
    return context != null
        && context.getSystem() != null
        && context.getSystem().getUser() != null
        && context.getSystem().getUser().getPermissions() != null
        && context.getSystem().getUser().getPermissions().getConsentToken() != null
        && !context.getSystem().getUser().getPermissions().getConsentToken().isBlank();
  }

  @Override
  public Optional<Recipient> get() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The envelope's user as a recipient; empty when it names none. */
  public static Optional<Recipient> of(RequestEnvelope envelope) {
    Context context = envelope == null ? null : envelope.getContext();
    if (context == null
        || context.getSystem() == null
        || context.getSystem().getUser() == null
        || context.getSystem().getUser().getUserId() == null
        || context.getSystem().getUser().getUserId().isBlank()) {
      return Optional.empty();
    }
    String locale =
        envelope.getRequest() == null || envelope.getRequest().getLocale() == null
            ? "en-US"
            : envelope.getRequest().getLocale();
    return Optional.of(
        new Recipient(
            context.getSystem().getUser().getUserId(),
            locale,
            Recipient.regionOf(context.getSystem().getApiEndpoint())));
  }
}
