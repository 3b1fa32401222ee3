package com.crmvoice.core.domain;

import java.time.Instant;

/**
 * Something a user asked the CRM to do, carried from the skill to the worker through the command
 * queue. Each command has an id derived from the Alexa request that asked for it, so a retried
 * request or a redelivered message names the same command.
 *
 * <p>The family: {@link CreateLead}, and the commands that act on one existing lead ({@link
 * LeadActivity}): {@link UpdateLeadStatus}, {@link LogCall}, {@link CreateTask}; and {@link
 * CompleteTask}, which acts on one of the user's tasks; {@link UpdateOpportunity} on one deal. The
 * worker dispatches by type; each type is applied exactly once (creates by upsert on an external id
 * holding the command id, updates only if the record is still the version the user heard).
 */
public sealed interface CrmCommand
    permits CreateLead, LeadActivity, CompleteTask, UpdateOpportunity {

  /** Stable id: the idempotency key in the command log and the CRM. */
  String commandId();

  /** The CRM user on whose behalf the command runs. */
  String ownerId();

  /** When the user asked. */
  Instant requestedAt();

  /** A short, speakable description of what the command does, free of contact details. */
  String summary();

  /**
   * The name of the record the command is about ("Maria Garcia"), free of words of any language,
   * for texts that are put together in the user's locale (notifications).
   */
  String subjectName();
}
