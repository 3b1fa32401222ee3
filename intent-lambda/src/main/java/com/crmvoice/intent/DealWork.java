package com.crmvoice.intent;

import com.crmvoice.core.service.deals.DealReader;
import java.util.Objects;

/**
 * What the deal intents need: the owner's cached deals to list, walk, name and describe. The write
 * side of deals adds its services here.
 */
public record DealWork(DealReader reader) {

  public DealWork {
    Objects.requireNonNull(reader, "reader");
  }
}
