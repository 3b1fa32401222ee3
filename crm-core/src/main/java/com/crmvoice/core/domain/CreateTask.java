package com.crmvoice.core.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An open follow-up task on a lead, due on a day: in Salesforce a Task with Status Not Started and
 * ActivityDate {@code dueDate}.
 *
 * @param subject what to do ("Follow up with Maria Garcia", "Send the proposal")
 * @param dueDate the day it is due, in the user's time zone
 */
public record CreateTask(
    String commandId,
    String ownerId,
    String leadId,
    String leadName,
    String subject,
    LocalDate dueDate,
    Instant requestedAt)
    implements LeadActivity {

  /** Salesforce's Task.Subject holds 255 characters. */
  public static final int SUBJECT_MAX = 255;

  public CreateTask {
    LeadActivity.requireCommon(commandId, ownerId, leadId, leadName, requestedAt);
    LeadActivity.requireText(subject, "subject");
    if (subject.length() > SUBJECT_MAX) {
      throw new IllegalArgumentException("subject is longer than " + SUBJECT_MAX);
    }
    if (dueDate == null) {
      throw new IllegalArgumentException("dueDate must not be null");
    }
  }
}
