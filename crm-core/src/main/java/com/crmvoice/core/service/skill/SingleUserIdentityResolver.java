package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.port.IdentityResolver;

/** Single-user mode: every request acts for the one configured CRM user, token or not. */
public final class SingleUserIdentityResolver implements IdentityResolver {

  private final CrmUser user;

  public SingleUserIdentityResolver(String ownerId) {
    this.user = new CrmUser(ownerId, null);
  }

  @Override
  public CrmUser resolve(String accessToken) {
    return user;
  }
}
