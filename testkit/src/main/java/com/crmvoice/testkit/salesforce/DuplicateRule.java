package com.crmvoice.testkit.salesforce;

import java.util.Collection;
import java.util.Map;

/**
 * A duplicate rule on Lead with one matching rule: a lead is a duplicate of an existing lead with
 * the same email and last name (ignoring case). On a match, an {@link Action#ALERT} rule blocks the
 * save with DUPLICATES_DETECTED unless the request sends {@code Sforce-Duplicate-Rule-Header:
 * allowSave=true}; a {@link Action#BLOCK} rule blocks it always. The header exists from API 52.0
 * on; an older request cannot send it
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm).
 */
public final class DuplicateRule {

  /** What the rule does on create when a duplicate is found. */
  public enum Action {
    /** "Allow" with an alert: an interactive user may save anyway; the API only with allowSave. */
    ALERT,
    /** "Block": nobody saves the duplicate. */
    BLOCK
  }

  /** The standard lead duplicate rule's alert text. */
  static final String ALERT_TEXT = "Use one of these records?";

  private DuplicateRule() {}

  /** Whether {@code candidate} duplicates one of {@code existing}. */
  static boolean matches(Map<String, Object> candidate, Collection<Map<String, Object>> existing) {
    Object email = candidate.get("Email");
    Object lastName = candidate.get("LastName");
    if (email == null || lastName == null) {
      return false;
    }
    return existing.stream()
        .anyMatch(
            l ->
                email.toString().equalsIgnoreCase(String.valueOf(l.get("Email")))
                    && lastName.toString().equalsIgnoreCase(String.valueOf(l.get("LastName"))));
  }

  /** Whether the rule stops this save: a match, and no allowSave an Alert rule would honour. */
  static boolean blocks(Action action, boolean allowSave) {
    return action == Action.BLOCK || !allowSave;
  }

  /**
   * allowSave from the header's {@code key=value; key=value} list (all false by default), honoured
   * from API 52.0 on.
   */
  static boolean allowSave(String header, String apiVersion) {
    if (header == null || !ApiVersions.atLeast(apiVersion, ApiVersions.DUPLICATE_RULE_HEADER)) {
      return false;
    }
    for (String part : header.split(";")) {
      String[] keyValue = part.split("=", 2);
      if (keyValue.length == 2
          && keyValue[0].strip().equalsIgnoreCase("allowSave")
          && keyValue[1].strip().equalsIgnoreCase("true")) {
        return true;
      }
    }
    return false;
  }
}
