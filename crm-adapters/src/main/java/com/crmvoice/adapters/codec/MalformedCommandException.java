package com.crmvoice.adapters.codec;

import com.crmvoice.core.domain.PermanentException;

/**
 * A message that is not a command (or, from {@link RefreshMessageCodec}, a refresh request; from
 * {@link NotificationJobCodec}, a notification job) this version understands: bad JSON, an unknown
 * type or version, or values that break the domain's rules. A poison message: never retried.
 */
public final class MalformedCommandException extends PermanentException {
  private static final long serialVersionUID = 1L;

  public MalformedCommandException(String reason) {
    super(reason);
  }

  public MalformedCommandException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /** Why the message was refused, fit for a dead-letter attribute (no message content). */
  public String reason() {
    return getMessage();
  }
}
