package com.crmvoice.core.port;

import com.crmvoice.core.domain.RetryableException;

/**
 * The lead cache, the command log or a queue could not be reached or throttled the call. Try again
 * later; nothing was lost.
 */
public class StorageUnavailableException extends RetryableException {
  private static final long serialVersionUID = 1L;

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
