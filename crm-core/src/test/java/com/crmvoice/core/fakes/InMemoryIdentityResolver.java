package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.port.AccountLinkingRequiredException;
import com.crmvoice.core.port.IdentityResolver;
import java.util.HashMap;
import java.util.Map;

/** Users by access token; a missing or unknown token requires account linking. */
public final class InMemoryIdentityResolver implements IdentityResolver {

  private final Map<String, CrmUser> users = new HashMap<>();

  public synchronized InMemoryIdentityResolver with(String accessToken, CrmUser user) {
    users.put(accessToken, user);
    return this;
  }

  @Override
  public synchronized CrmUser resolve(String accessToken) {
    CrmUser user = accessToken == null ? null : users.get(accessToken);
    if (user == null) {
      throw new AccountLinkingRequiredException("link your CRM account");
    }
    return user;
  }
}
