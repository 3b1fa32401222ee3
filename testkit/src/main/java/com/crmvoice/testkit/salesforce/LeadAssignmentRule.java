package com.crmvoice.testkit.salesforce;

/**
 * An active lead assignment rule with one entry that matches every lead. What the REST API does
 * with it depends on the {@code Sforce-Auto-Assign} request header
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm):
 * absent or TRUE, the active rule runs on created and updated leads; FALSE, it does not; an
 * AssignmentRule id, that rule runs.
 *
 * @param id the rule's id
 * @param assigneeId the user or queue the rule gives leads to
 */
record LeadAssignmentRule(String id, String assigneeId) {

  /** The owner a lead ends with when this rule is active and the request sent {@code header}. */
  String ownerAfter(String header, String requestedOwner) {
    if (header == null || header.strip().equalsIgnoreCase("true")) {
      return assigneeId;
    }
    String value = header.strip();
    if (value.equalsIgnoreCase("false")) {
      return requestedOwner;
    }
    // An AssignmentRule id, 15 or 18 characters: this rule, or one the fake does not model.
    String id15 = id.substring(0, 15);
    return value.length() >= 15 && value.substring(0, 15).equals(id15)
        ? assigneeId
        : requestedOwner;
  }
}
