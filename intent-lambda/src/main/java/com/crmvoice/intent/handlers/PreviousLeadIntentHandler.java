package com.crmvoice.intent.handlers;

import com.crmvoice.intent.SkillServices;

/** "Previous", "go back": the lead before the one in focus. */
public final class PreviousLeadIntentHandler extends WalkLeadsHandler {

  public PreviousLeadIntentHandler(SkillServices services) {
    super(services);
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
