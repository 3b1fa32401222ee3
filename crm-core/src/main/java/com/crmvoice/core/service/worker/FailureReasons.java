package com.crmvoice.core.service.worker;

/**
 * The reason codes the worker records beside the CRM's own error codes, for every command type: the
 * command log keeps codes only, and the skill says each in the user's language from its speech
 * bundles (a sentence stored here would be English for a German user, and could not be reworded).
 */
public final class FailureReasons {

  private FailureReasons() {}

  /** The CRM rejected the command without an error code of its own. */
  public static final String CODE_REJECTED = "CRM_REJECTED";

  /** A task completion that reached a worker wired without the calendar. */
  public static final String CODE_NO_CALENDAR = "NO_CALENDAR";

  /**
   * Salesforce stayed unavailable (5xx, lock errors, request limits, timeouts, an open circuit)
   * through the queue's last delivery: FAILED but retryable, set aside for a redrive.
   */
  public static final String CODE_UNAVAILABLE = "UNAVAILABLE_SET_ASIDE";

  /**
   * Salesforce refused the whole call (a sign-in or configuration problem, not this command)
   * through the last delivery: FAILED but retryable, set aside for a redrive.
   */
  public static final String CODE_REFUSED = "REFUSED_SET_ASIDE";

  /**
   * A create went unanswered (a timeout, a dropped connection) and the record could not be looked
   * up by its external id either: the CRM may hold it or not. The user is told that, never "not
   * created".
   */
  public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";
}
