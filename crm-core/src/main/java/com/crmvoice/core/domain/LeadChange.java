package com.crmvoice.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A lead that changed in the CRM since some instant: it may have been created, edited, closed,
 * converted, given to another owner, or deleted (also as the losing record of a merge).
 *
 * @param lead the lead as it is now (its owner is the current owner); for a deleted lead, as it was
 *     when it was deleted
 * @param open whether the lead still counts as open (not converted, status not closed, not deleted)
 * @param modifiedAt the CRM's modification stamp (for Salesforce, SystemModstamp, which a delete
 *     moves too)
 * @param deleted whether the CRM deleted the lead; a deleted lead is never open
 */
public record LeadChange(Lead lead, boolean open, Instant modifiedAt, boolean deleted) {
  public LeadChange {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
    if (deleted && open) {
      throw new IllegalArgumentException("a deleted lead is not open");
    }
  }

  /** A change of a lead the CRM still holds. */
  public LeadChange(Lead lead, boolean open, Instant modifiedAt) {
    this(lead, open, modifiedAt, false);
  }

  /** The CRM deleted this lead at {@code deletedAt}. */
  public static LeadChange deletion(Lead lead, Instant deletedAt) {
    return new LeadChange(lead, false, deletedAt, true);
  }
}
