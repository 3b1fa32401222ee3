package com.crmvoice.core.port;

import com.crmvoice.core.domain.PermanentException;

/** The CRM refused the request for good: bad input, bad query, invalid credentials. */
public class CrmRejectedException extends PermanentException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  public CrmRejectedException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  /** The CRM's error code, for example REQUIRED_FIELD_MISSING. */
  public String errorCode() {
    return errorCode;
  }
}
