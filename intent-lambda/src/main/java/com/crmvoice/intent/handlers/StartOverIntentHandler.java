package com.crmvoice.intent.handlers;

import com.crmvoice.intent.SkillServices;

/** "Start over", "back to the top": the top lead again. */
public final class StartOverIntentHandler extends WalkLeadsHandler {

  public StartOverIntentHandler(SkillServices services) {
    super(services);
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
