package com.crmvoice.core.domain.deal;

import java.time.Instant;
import java.util.Objects;

/**
 * A deal that changed in the CRM since some instant: created, edited, closed (won or lost), given
 * to another owner, or deleted.
 *
 * @param deal the deal as it is now (its owner is the current owner)
 * @param open whether it still counts as open (not closed, not deleted)
 * @param modifiedAt the CRM's modification stamp (for Salesforce, SystemModstamp)
 * @param deleted whether the CRM deleted it; a deleted deal is never open
 */
public record DealChange(Deal deal, boolean open, Instant modifiedAt, boolean deleted) {
  public DealChange {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
    if (deleted && open) {
      throw new IllegalArgumentException("a deleted deal is not open");
    }
  }
}
