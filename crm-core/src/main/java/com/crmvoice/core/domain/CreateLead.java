package com.crmvoice.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Create one lead owned by {@code ownerId}.
 *
 * @param commandId stable id (from the Alexa request id)
 * @param ownerId the CRM user who will own the lead
 * @param lead the validated lead
 * @param requestedAt when the user confirmed it
 */
public record CreateLead(String commandId, String ownerId, NewLead lead, Instant requestedAt)
    implements CrmCommand {

  public CreateLead {
    if (commandId == null || commandId.isBlank()) {
      throw new IllegalArgumentException("commandId must not be blank");
    }
    if (ownerId == null || ownerId.isBlank()) {
      throw new IllegalArgumentException("ownerId must not be blank");
    }
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  @Override
  public String summary() {
    return lead.company() == null ? lead.fullName() : lead.fullName() + " from " + lead.company();
  }

  @Override
  public String subjectName() {
    return lead.fullName();
  }
}
