package com.crmvoice.intent;

import com.crmvoice.core.service.deals.DealReader;
import com.crmvoice.core.service.deals.DealUpdateService;
import java.util.Objects;

/**
 * What the deal intents need: the owner's cached deals to list, walk, name and describe, and the
 * updates by voice (the stage picklist, the value checks, the command the user's yes queues).
 *
 * @param updates null for a skill without deal updates
 */
public record DealWork(DealReader reader, DealUpdateService updates) {

  public DealWork {
    Objects.requireNonNull(reader, "reader");
  }

  /** The reads only, without updates by voice. */
  public DealWork(DealReader reader) {
    this(reader, null);
  }
}
