package com.crmvoice.core.service.worker;

/** Turns a CRM error code into a reason a salesperson understands when they ask about a lead. */
public final class FailureReasons {

  private FailureReasons() {}

  /**
   * Why a command is FAILED but retryable: Salesforce stayed unavailable (5xx, lock errors, request
   * limits, timeouts, an open circuit) through the queue's last delivery.
   */
  public static final String UNAVAILABLE_SET_ASIDE =
      "Salesforce was unavailable, so the lead was not created yet;"
          + " it is set aside for your administrator to retry.";

  /**
   * Why a command is FAILED but retryable: Salesforce refused the whole call (a sign-in or
   * configuration problem, not this lead) through the queue's last delivery.
   */
  public static final String REFUSED_SET_ASIDE =
      "Salesforce did not accept the request from CRM Voice, so the lead was not created yet;"
          + " it is set aside for your administrator to retry.";

  /**
   * Reason codes of commands other than a lead's create: the command log keeps the code, the skill
   * says it in the user's language. The CRM's own error code (LEAD_CHANGED, INVALID_STATUS, ...) is
   * the reason when it rejected the command.
   */
  public static final String CODE_REJECTED = "CRM_REJECTED";

  /** A task completion that reached a worker wired without the calendar. */
  public static final String CODE_NO_CALENDAR = "NO_CALENDAR";

  /** Salesforce stayed unavailable through the last delivery: set aside for a redrive. */
  public static final String CODE_UNAVAILABLE = "UNAVAILABLE_SET_ASIDE";

  /** Salesforce refused the whole call through the last delivery: set aside for a redrive. */
  public static final String CODE_REFUSED = "REFUSED_SET_ASIDE";

  /**
   * The code recorded when a create went unanswered (a timeout, a dropped connection) and the lead
   * could not be looked up by its external id either: the CRM may hold it or not. The user is told
   * that, never "not created".
   */
  public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

  /** Why a command is FAILED but retryable with {@link #OUTCOME_UNKNOWN}. */
  public static final String OUTCOME_UNKNOWN_SET_ASIDE =
      "Salesforce did not answer in time, so I can't tell yet whether the lead was created;"
          + " it is set aside for your administrator to check. Please don't add it again.";

  public static String forCode(String code, String crmMessage) {
    if (code == null) {
      return "Salesforce refused the lead.";
    }
    return switch (code) {
      case "REQUIRED_FIELD_MISSING" ->
          "Salesforce needs more details for this lead, such as a last name and a company.";
      case "INVALID_EMAIL_ADDRESS" -> "Salesforce did not accept the email address.";
      case "STRING_TOO_LONG" -> "One of the details was too long for Salesforce.";
      case "DUPLICATES_DETECTED", "DUPLICATE_VALUE" -> "Salesforce says this lead already exists.";
      case "FIELD_CUSTOM_VALIDATION_EXCEPTION" ->
          "A validation rule in Salesforce refused the lead"
              + (crmMessage == null || crmMessage.isBlank() ? "." : ": " + crmMessage);
      case "INVALID_CROSS_REFERENCE_KEY" -> "Salesforce did not accept the lead's owner.";
      case "INSUFFICIENT_ACCESS_OR_READONLY", "INSUFFICIENT_ACCESS" ->
          "Your Salesforce user may not create leads.";
      default -> "Salesforce refused the lead (" + code + ").";
    };
  }
}
