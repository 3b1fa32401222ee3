package com.crmvoice.core.domain;

/**
 * A failure that trying again will not cure: the input was rejected. Each port has its own
 * subclass.
 */
public abstract class PermanentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected PermanentException(String message) {
    super(message);
  }

  protected PermanentException(String message, Throwable cause) {
    super(message, cause);
  }
}
