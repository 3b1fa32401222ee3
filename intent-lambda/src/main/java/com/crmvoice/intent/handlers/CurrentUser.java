package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.interceptor.RequestInterceptor;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.port.IdentityResolver;
import java.util.Objects;

/**
 * The CRM user of the request being handled, resolved at most once per request: a request
 * interceptor puts a lazy holder in the request attributes and a handler reads it with {@link #of}.
 * Lazy, so that a request that needs no user (Help, Stop) neither calls the CRM nor fails without a
 * linked account; a handler that needs one gets the {@link IdentityResolver}'s exception
 * (AccountLinkingRequiredException reaches its exception handler as before).
 */
public final class CurrentUser implements RequestInterceptor {

  static final String ATTRIBUTE = CurrentUser.class.getName();

  private final IdentityResolver identity;

  public CurrentUser(IdentityResolver identity) {
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  @Override
  public void process(HandlerInput input) {
    input
        .getAttributesManager()
        .getRequestAttributes()
        .put(ATTRIBUTE, new Holder(identity, Requests.accessToken(input)));
  }

  /**
   * The request's CRM user, resolved on the first call.
   *
   * @throws com.crmvoice.core.port.AccountLinkingRequiredException as {@link
   *     IdentityResolver#resolve}, on every call until one succeeds
   * @throws IllegalStateException when the skill was built without this interceptor
   */
  public static CrmUser of(HandlerInput input) {
    Object holder = input.getAttributesManager().getRequestAttributes().get(ATTRIBUTE);
    if (!(holder instanceof Holder resolved)) {
      throw new IllegalStateException("the skill has no CurrentUser request interceptor");
    }
    return resolved.get();
  }

  private static final class Holder {
    private final IdentityResolver identity;
    private final String accessToken;
    private CrmUser user;

    Holder(IdentityResolver identity, String accessToken) {
      this.identity = identity;
      this.accessToken = accessToken;
    }

    CrmUser get() {
      if (user == null) {
        user = identity.resolve(accessToken);
      }
      return user;
    }
  }
}
