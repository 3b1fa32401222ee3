package com.crmvoice.intent.handlers;

import com.crmvoice.core.service.skill.WorkingSet;

/** "Previous", "go back": the lead before the one in focus. */
public final class PreviousLeadIntentHandler extends WalkLeadsHandler {

  public PreviousLeadIntentHandler(WorkingSet workingSet) {
    super(workingSet);
  }

  /** Walks the deal list instead while one is current. */
  public PreviousLeadIntentHandler(
      WorkingSet workingSet,
      com.crmvoice.intent.DealWork deals,
      com.crmvoice.intent.LeadWork leads) {
    super(workingSet, new DealWalk(deals, leads));
  }

  @Override
  public String intentName() {
    return "PreviousLeadIntent";
  }

  @Override
  int target(int current) {
    return current <= 0 ? -1 : current - 1;
  }
}
