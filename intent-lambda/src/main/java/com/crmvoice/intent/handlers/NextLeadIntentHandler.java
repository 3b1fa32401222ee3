package com.crmvoice.intent.handlers;

import com.crmvoice.core.service.skill.WorkingSet;

/** "Next", "next lead", "get my next lead": the lead after the one in focus. */
public final class NextLeadIntentHandler extends WalkLeadsHandler {

  public NextLeadIntentHandler(WorkingSet workingSet) {
    super(workingSet);
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
