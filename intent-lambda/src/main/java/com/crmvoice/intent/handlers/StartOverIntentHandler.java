package com.crmvoice.intent.handlers;

import com.crmvoice.core.service.skill.WorkingSet;

/** "Start over", "back to the top": the top lead again. */
public final class StartOverIntentHandler extends WalkLeadsHandler {

  public StartOverIntentHandler(WorkingSet workingSet) {
    super(workingSet);
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
