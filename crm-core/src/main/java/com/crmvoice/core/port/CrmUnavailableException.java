package com.crmvoice.core.port;

import com.crmvoice.core.domain.RetryableException;

/** The CRM could not answer now: outage, 5xx, limits, locks, timeouts. Try again later. */
public class CrmUnavailableException extends RetryableException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  public CrmUnavailableException(String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  public CrmUnavailableException(String errorCode, String message) {
    this(errorCode, message, null);
  }

  /** The CRM's error code, or a transport code such as "TIMEOUT". */
  public String errorCode() {
    return errorCode;
  }
}
