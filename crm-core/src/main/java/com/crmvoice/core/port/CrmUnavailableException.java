package com.crmvoice.core.port;

import com.crmvoice.core.domain.RetryableException;
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

  /** Whether the CRM may have applied the request although it did not answer. */
  public boolean outcomeUnknown() {
    return outcomeUnknown(errorCode);
  }

  /** See {@link #OUTCOME_UNKNOWN_CODES}. */
  public static boolean outcomeUnknown(String errorCode) {
    return errorCode != null && OUTCOME_UNKNOWN_CODES.contains(errorCode);
  }
}
