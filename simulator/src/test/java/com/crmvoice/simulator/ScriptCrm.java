package com.crmvoice.simulator;

/**
 * A CRM the scripted demos run against, with the words its transcripts differ in: the name the
 * skill and the console say, and the lead statuses of the demo data (Salesforce's Lead Status
 * picklist; Dynamics 365's status reasons of the Open state). Every expected line is built from
 * these, so one expectation holds on both CRMs.
 *
 * @param setting the CRM setting (./simulate --crm)
 * @param name the CRM's name as the skill and the console say it
 * @param open the status of a new lead (Maria Garcia, Sam Taylor)
 * @param contacted the status of a contacted lead (Wei Chen)
 * @param demoDayTasks the open tasks of the demo day the fake seeds
 */
record ScriptCrm(String setting, String name, String open, String contacted, int demoDayTasks) {

  static final ScriptCrm SALESFORCE =
      new ScriptCrm("salesforce", "Salesforce", "Open - Not Contacted", "Working - Contacted", 4);

  static final ScriptCrm DYNAMICS =
      new ScriptCrm("dynamics", "Dynamics 365", "New", "Contacted", 4);

  static ScriptCrm of(String setting) {
    return setting.equals("dynamics") ? DYNAMICS : SALESFORCE;
  }

  boolean dynamics() {
    return this == DYNAMICS;
  }

  /**
   * The stage of a demo deal in this CRM, given its Salesforce stage: Dynamics' demo pipeline has
   * the same deals in the opportunity sales process's stages (Qualify, Develop, Propose, Close).
   */
  String stage(String salesforceStage) {
    if (!dynamics()) {
      return salesforceStage;
    }
    return switch (salesforceStage) {
      case "Prospecting" -> "Qualify";
      case "Id. Decision Makers", "Value Proposition" -> "Develop";
      case "Proposal/Price Quote" -> "Propose";
      case "Negotiation/Review" -> "Close";
      default -> throw new IllegalArgumentException("no demo deal is at " + salesforceStage);
    };
  }

  @Override
  public String toString() {
    return setting;
  }
}
