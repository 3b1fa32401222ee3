package com.crmvoice.core.port;

import com.crmvoice.core.domain.RetryableException;

/** The notification service could not be reached or asked to try later: retry. */
public final class NotifierUnavailableException extends RetryableException {

  private static final long serialVersionUID = 1L;

  public NotifierUnavailableException(String message) {
    super(message, null);
  }

  public NotifierUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
