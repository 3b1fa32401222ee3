package com.crmvoice.core.domain;

import java.time.Instant;

/**
 * Mark one of the user's open tasks as done ("mark the proposal task as done"): in Salesforce the
 * Task's Status set to Completed, only if the task is still the version the user heard.
 *
 * @param taskSubject the task's subject as the user heard it (what "what happened" names)
 * @param heardModifiedAt the task's version as the cache told it (LastModifiedDate); null when
 *     unknown, and then any open version is completed
 */
public record CompleteTask(
    String commandId,
    String ownerId,
    String taskId,
    String taskSubject,
    Instant heardModifiedAt,
    Instant requestedAt)
    implements CrmCommand {

  public CompleteTask {
    LeadActivity.requireText(commandId, "commandId");
    LeadActivity.requireText(ownerId, "ownerId");
    LeadActivity.requireText(taskId, "taskId");
    LeadActivity.requireText(taskSubject, "taskSubject");
    if (taskSubject.length() > CreateTask.SUBJECT_MAX) {
      throw new IllegalArgumentException("taskSubject is longer than " + CreateTask.SUBJECT_MAX);
    }
    if (requestedAt == null) {
      throw new IllegalArgumentException("requestedAt must not be null");
    }
  }

  @Override
  public String summary() {
    return taskSubject;
  }

  @Override
  public String subjectName() {
    return taskSubject;
  }
}
