package com.crmvoice.core.port;

import com.crmvoice.core.domain.PermanentException;

/** The notification service refused this event for good: log it and drop it. */
public final class NotifierRejectedException extends PermanentException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public NotifierRejectedException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status of the refusal. */
  public int status() {
    return status;
  }
}
