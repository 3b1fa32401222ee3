package com.crmvoice.intent;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.crmvoice.core.service.deals.DealReader;
import com.crmvoice.core.service.deals.DealUpdateService;
import java.util.Map;
import java.util.Objects;

/**
 * What the deal intents need: the owner's cached deals to list, walk, name and describe, and the
 * updates by voice (the stage picklist, the value checks, the command the user's yes queues).
 *
 * @param updates null for a skill without deal updates
 * @param keepsNextStep whether the CRM's deals have a next step (Salesforce's NextStep; Dynamics'
 *     opportunity has no such column): without one, the skill neither says that none is set nor
 *     offers to set one
 */
public record DealWork(DealReader reader, DealUpdateService updates, boolean keepsNextStep) {

  private static final String SCOPED = "dealReader";

  public DealWork {
    Objects.requireNonNull(reader, "reader");
  }

  /** The reads only, without updates by voice. */
  public DealWork(DealReader reader) {
    this(reader, null, true);
  }

  /**
   * The reader for this request ({@link DealReader#scoped}, kept in the request attributes): the
   * owner's book is read from the cache once per request, however many steps of the answer ask.
   */
  public DealReader reader(HandlerInput input) {
    Map<String, Object> attributes = input.getAttributesManager().getRequestAttributes();
    if (attributes.get(SCOPED) instanceof DealReader scoped) {
      return scoped;
    }
    DealReader scoped = reader.scoped();
    attributes.put(SCOPED, scoped);
    return scoped;
  }
}
