package com.crmvoice.core.port;

import com.crmvoice.core.domain.CrmUser;

/**
 * Which CRM user an Alexa user is. With account linking, the access token names the user; in
 * single-user mode, configuration does.
 */
public interface IdentityResolver {

  /**
   * The CRM user for this request.
   *
   * @param accessToken the account-linking access token of the request, or null when absent
   * @throws AccountLinkingRequiredException when a token is required and absent, or no longer valid
   * @throws CrmUnavailableException when the CRM cannot say who the token belongs to now
   */
  CrmUser resolve(String accessToken);
}
