package com.crmvoice.core.domain;

/**
 * The CRM user behind an Alexa user.
 *
 * @param userId the CRM user id: the owner id of their leads
 * @param displayName how to greet them; may be null
 */
public record CrmUser(String userId, String displayName) {
  public CrmUser {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
  }
}
