package com.crmvoice.core.domain;

import java.time.Instant;

/**
 * A lead that recently became a CRM user's: created (or assigned to them) at {@code createdAt}. The
 * briefing's "new leads" section; no contact details.
 */
public record LeadArrival(
    String id, String ownerId, String name, String company, Instant createdAt) {

  public LeadArrival {
    LeadActivity.requireText(id, "id");
    LeadActivity.requireText(ownerId, "ownerId");
    if (createdAt == null) {
      throw new IllegalArgumentException("createdAt must not be null");
    }
  }
}
