package com.crmvoice.core.domain;

/**
 * A failure that may go away if the same operation is tried again later: a service is down,
 * throttling, timing out or has locked a row. Each port has its own subclass.
 */
public abstract class RetryableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected RetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
