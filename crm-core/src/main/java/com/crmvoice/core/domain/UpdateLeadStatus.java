package com.crmvoice.core.domain;

import java.time.Instant;

/**
 * Change one lead's status, but only if the lead is still as the user heard it.
 *
 * @param fromStatus the status the user heard (the read-back's "from")
 * @param toStatus the status to set: a value of the CRM's Lead Status picklist
 * @param heardModifiedAt the lead's last-modified time in the CRM as the user heard it (the
 *     version); null when the cache did not know it, and then the status the user heard is the
 *     version
 */
public record UpdateLeadStatus(
    String commandId,
    String ownerId,
    String leadId,
    String leadName,
    String fromStatus,
    String toStatus,
    Instant heardModifiedAt,
    Instant requestedAt)
    implements LeadActivity {

  public UpdateLeadStatus {
    LeadActivity.requireCommon(commandId, ownerId, leadId, leadName, requestedAt);
    LeadActivity.requireText(toStatus, "toStatus");
    if (toStatus.length() > Lead.STATUS_MAX) {
      throw new IllegalArgumentException("toStatus is longer than " + Lead.STATUS_MAX);
    }
  }
}
