package com.crmvoice.intent.handlers;

import com.crmvoice.core.service.skill.WorkingSet;

/** "Start over", "back to the top": the top lead again. */
public final class StartOverIntentHandler extends WalkLeadsHandler {

  public StartOverIntentHandler(WorkingSet workingSet) {
    super(workingSet);
  }

  /** Walks the deal list instead while one is current. */
  public StartOverIntentHandler(
      WorkingSet workingSet,
      com.crmvoice.intent.DealWork deals,
      com.crmvoice.intent.LeadWork leads) {
    super(workingSet, new DealWalk(deals, leads));
  }

  @Override
  public String intentName() {
    return "StartOverIntent";
  }

  @Override
  int target(int current) {
    return 0;
  }
}
