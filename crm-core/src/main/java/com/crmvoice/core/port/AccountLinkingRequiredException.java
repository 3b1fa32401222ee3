package com.crmvoice.core.port;

import com.crmvoice.core.domain.PermanentException;

/** The user must link (or re-link) their CRM account before the skill can act for them. */
public class AccountLinkingRequiredException extends PermanentException {
  private static final long serialVersionUID = 1L;

  public AccountLinkingRequiredException(String message) {
    super(message);
  }
}
