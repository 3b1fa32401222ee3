package com.crmvoice.core.domain;

/**
 * A command that acts on one lead the user heard about: its status, a call logged on it, a task for
 * it. The lead's name travels with the command so "what happened to my last change" can name it
 * without a CRM read.
 */
public sealed interface LeadActivity extends CrmCommand
    permits UpdateLeadStatus, LogCall, CreateTask {

  /** The CRM id of the lead. */
  String leadId();

  /** The lead's name as the user heard it ("Maria Garcia"). */
  String leadName();

  @Override
  default String summary() {
    return leadName();
  }

  @Override
  default String subjectName() {
    return leadName();
  }

  /** Checks the fields every lead activity has; throws IllegalArgumentException otherwise. */
  static void requireCommon(
      String commandId, String ownerId, String leadId, String leadName, Object requestedAt) {
    requireText(commandId, "commandId");
    requireText(ownerId, "ownerId");
    requireText(leadId, "leadId");
    requireText(leadName, "leadName");
    if (requestedAt == null) {
      throw new IllegalArgumentException("requestedAt must not be null");
    }
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
