package com.crmvoice.core.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task a CRM user still has to do: in Salesforce a Task they own that is not closed (IsClosed
 * false), due on {@code dueDate} (its ActivityDate, a day without a time zone).
 *
 * @param whoName the lead or contact it is about (the Task's Who), or null
 * @param modifiedAt the task's version as the CRM last told it (LastModifiedDate), or null
 */
public record OpenTask(
    String id,
    String ownerId,
    String subject,
    LocalDate dueDate,
    String whoName,
    Instant modifiedAt) {

  public OpenTask {
    LeadActivity.requireText(id, "id");
    LeadActivity.requireText(ownerId, "ownerId");
    if (dueDate == null) {
      throw new IllegalArgumentException("dueDate must not be null");
    }
    subject = subject == null || subject.isBlank() ? null : subject;
  }
}
