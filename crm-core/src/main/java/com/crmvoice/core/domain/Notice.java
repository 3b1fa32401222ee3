package com.crmvoice.core.domain;

import java.util.Objects;

/**
 * One notification to send: what became of a command, for the user who gave it. The domain speaks
 * in codes; the notifier words it in the recipient's locale.
 *
 * @param referenceId the event's id, derived from the command id: every retry of the same notice
 *     carries the same one
 * @param recipient who hears it
 * @param reasonCode why: the command's failure code (a CRM error code, or one of the worker's)
 * @param subject what the command was about, as {@link CrmCommand#subjectName()} names it
 */
public record Notice(String referenceId, Recipient recipient, String reasonCode, String subject) {

  public Notice {
    Objects.requireNonNull(referenceId, "referenceId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
  }

  /** The reference id for a command's notice: stable under retries and redeliveries. */
  public static String referenceIdFor(String commandId) {
    return "crmvoice-command-" + commandId;
  }
}
