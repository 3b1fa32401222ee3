package com.crmvoice.core.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Record a completed call on a lead: in Salesforce a Task with TaskSubtype Call, Status Completed,
 * the call's date and the user's notes as its Description.
 *
 * @param subject a short subject the user's language gives the call ("Call with Maria Garcia")
 * @param notes what the user said about the call, never blank
 * @param callDate the day of the call in the user's time zone
 */
public record LogCall(
    String commandId,
    String ownerId,
    String leadId,
    String leadName,
    String subject,
    String notes,
    LocalDate callDate,
    Instant requestedAt)
    implements LeadActivity {

  /** Salesforce's Task.Description is a 32,000-character long text area. */
  public static final int NOTES_MAX = 32000;

  public LogCall {
    LeadActivity.requireCommon(commandId, ownerId, leadId, leadName, requestedAt);
    LeadActivity.requireText(subject, "subject");
    LeadActivity.requireText(notes, "notes");
    if (subject.length() > CreateTask.SUBJECT_MAX) {
      throw new IllegalArgumentException("subject is longer than " + CreateTask.SUBJECT_MAX);
    }
    if (notes.length() > NOTES_MAX) {
      throw new IllegalArgumentException("notes are longer than " + NOTES_MAX);
    }
    if (callDate == null) {
      throw new IllegalArgumentException("callDate must not be null");
    }
  }
}
