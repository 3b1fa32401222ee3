package com.crmvoice.testkit.salesforce;

/**
 * The API version each resource or header the fake serves first appeared in; an older request gets
 * what Salesforce answers for a resource it does not have (404 NOT_FOUND).
 */
final class ApiVersions {

  /**
   * QueryAll: "available in REST API version 29.0 and later"
   * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_queryall.htm).
   */
  static final int QUERY_ALL = 29;

  /** sObject Collections create and update: API 42.0 and later. */
  static final int COLLECTIONS_CREATE = 42;

  /**
   * sObject Collections upsert: "available in API version 46 and later"
   * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_upsert.htm).
   */
  static final int COLLECTIONS_UPSERT = 46;

  /** The Duplicate Rule header: API 52.0 and later. */
  static final int DUPLICATE_RULE_HEADER = 52;

  private ApiVersions() {}

  static boolean atLeast(String version, int major) {
    int dot = version.indexOf('.');
    return Integer.parseInt(dot < 0 ? version : version.substring(0, dot)) >= major;
  }

  /** Whether a request of this kind exists in this version. */
  static boolean supports(String kind, String version) {
    return switch (kind) {
      case "queryAll" -> atLeast(version, QUERY_ALL);
      case "composite-create", "composite-update" -> atLeast(version, COLLECTIONS_CREATE);
      case "composite-upsert" -> atLeast(version, COLLECTIONS_UPSERT);
      default -> true;
    };
  }
}
