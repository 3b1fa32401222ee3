package com.crmvoice.testkit.salesforce;

/**
 * How the fake org is set up, as an admin would set up a real one: production or sandbox (which JWT
 * audience the token endpoint accepts), an active lead assignment rule, a duplicate rule on Lead,
 * and whether the integration user may use the API at all. Unlike {@link Faults}, these are not
 * failures but the org's configuration; {@link #clear()} restores a plain production org.
 */
public final class OrgSettings {

  /** The id of the one lead assignment rule the fake knows (AssignmentRule key prefix 01Q). */
  public static final String ASSIGNMENT_RULE_ID = "01Q000000000001AAA";

  /** The default queue the assignment rule hands leads to (Group key prefix 00G). */
  public static final String LEAD_QUEUE_ID = "00G000000000001AAA";

  private volatile boolean sandbox;
  private volatile boolean apiEnabled = true;
  private volatile LeadAssignmentRule assignmentRule;
  private volatile DuplicateRule.Action duplicateRule;

  OrgSettings() {}

  /**
   * A sandbox accepts JWT bearer assertions for https://test.salesforce.com only, a production org
   * for https://login.salesforce.com only (the default).
   */
  public OrgSettings sandbox(boolean sandbox) {
    this.sandbox = sandbox;
    return this;
  }

  /**
   * An active lead assignment rule that gives every lead created or updated through the REST API to
   * {@code assigneeId} (a user or a queue such as {@link #LEAD_QUEUE_ID}), unless the request sends
   * {@code Sforce-Auto-Assign: FALSE}. Without the header the REST API applies it.
   */
  public OrgSettings leadAssignmentRule(String assigneeId) {
    this.assignmentRule = new LeadAssignmentRule(ASSIGNMENT_RULE_ID, assigneeId);
    return this;
  }

  /** No active lead assignment rule (the default). */
  public OrgSettings noLeadAssignmentRule() {
    this.assignmentRule = null;
    return this;
  }

  /**
   * An active duplicate rule on Lead (same email and last name as an existing lead): {@link
   * DuplicateRule.Action#ALERT} blocks a create with DUPLICATES_DETECTED unless the request sends
   * {@code Sforce-Duplicate-Rule-Header: allowSave=true}; {@link DuplicateRule.Action#BLOCK} blocks
   * it whatever the request sends.
   */
  public OrgSettings duplicateRule(DuplicateRule.Action action) {
    this.duplicateRule = action;
    return this;
  }

  /** No duplicate rule on Lead (the default). */
  public OrgSettings noDuplicateRule() {
    this.duplicateRule = null;
    return this;
  }

  /**
   * Whether the integration user's profile has "API Enabled"; without it every data request answers
   * 403 API_CURRENTLY_DISABLED, "API is disabled for this User", until an admin fixes it.
   */
  public OrgSettings apiEnabled(boolean enabled) {
    this.apiEnabled = enabled;
    return this;
  }

  /** A production org with the API enabled and no assignment or duplicate rule. */
  public OrgSettings clear() {
    sandbox = false;
    apiEnabled = true;
    assignmentRule = null;
    duplicateRule = null;
    return this;
  }

  /** The only {@code aud} the token endpoint accepts. */
  String jwtAudience() {
    return sandbox ? "https://test.salesforce.com" : "https://login.salesforce.com";
  }

  boolean apiEnabled() {
    return apiEnabled;
  }

  LeadAssignmentRule assignmentRule() {
    return assignmentRule;
  }

  DuplicateRule.Action duplicateRule() {
    return duplicateRule;
  }
}
