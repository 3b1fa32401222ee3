package com.crmvoice.intent.handlers;

import com.crmvoice.core.service.skill.WorkingSet;

/** "Next", "next lead", "get my next lead": the lead after the one in focus. */
public final class NextLeadIntentHandler extends WalkLeadsHandler {

  public NextLeadIntentHandler(WorkingSet workingSet) {
    super(workingSet);
  }

  /** Walks the deal list instead while one is current. */
  public NextLeadIntentHandler(
      WorkingSet workingSet,
      com.crmvoice.intent.DealWork deals,
      com.crmvoice.intent.LeadWork leads) {
    super(workingSet, new DealWalk(deals, leads));
  }

  @Override
  public String intentName() {
    return "NextLeadIntent";
  }

  @Override
  int target(int current) {
    return current + 1;
  }
}
