package com.crmvoice.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A lead that changed in the CRM since some instant: it may have been created, edited, closed,
 * converted or given to another owner.
 *
 * @param lead the lead as it is now (its owner is the current owner)
 * @param open whether the lead still counts as open (not converted, status not closed)
 * @param modifiedAt the CRM's modification stamp (for Salesforce, SystemModstamp)
 */
public record LeadChange(Lead lead, boolean open, Instant modifiedAt) {
  public LeadChange {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
  }
}
