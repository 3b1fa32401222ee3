package com.crmvoice.core.port;

import com.crmvoice.core.domain.RetryableException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The CRM could not answer now: outage, 5xx, limits, locks, timeouts. Try again later. */
public class CrmUnavailableException extends RetryableException {
  private static final long serialVersionUID = 1L;

  /**
   * Transport codes that say the request was (or may have been) sent and no answer came: the CRM
   * may have applied it or not. A create that ends so has an unknown outcome until the record is
   * looked up ({@link CrmGateway#findLeadByExternalId}).
   */
  public static final Set<String> OUTCOME_UNKNOWN_CODES =
      Set.of("TIMEOUT", "CONNECTION_FAILED", "INTERRUPTED");

  private final String errorCode;
  private final Duration retryAfter;

  public CrmUnavailableException(String errorCode, String message, Throwable cause) {
    this(errorCode, message, cause, null);
  }

  /**
   * @param retryAfter how long the CRM asked callers to wait before the next request (a 429's
   *     Retry-After); null when it did not say
   */
  public CrmUnavailableException(
      String errorCode, String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
  }

  public CrmUnavailableException(String errorCode, String message) {
    this(errorCode, message, null);
  }

  /** The CRM's error code, or a transport code such as "TIMEOUT". */
  public String errorCode() {
    return errorCode;
  }

  /**
   * How long the CRM asked to be left alone (a service protection limit's Retry-After): the
   * worker's retry waits at least this long and its circuit stays open at least this long.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the CRM may have applied the request although it did not answer. */
  public boolean outcomeUnknown() {
    return outcomeUnknown(errorCode);
  }

  /** See {@link #OUTCOME_UNKNOWN_CODES}. */
  public static boolean outcomeUnknown(String errorCode) {
    return errorCode != null && OUTCOME_UNKNOWN_CODES.contains(errorCode);
  }
}
