package com.crmvoice.adapters.dynamodb;

import java.util.List;

/**
 * The key, index and projected attribute names of the DynamoDB tables, beside the adapters that
 * write them; {@link com.crmvoice.adapters.aws.ResourceDefinitions} builds the tables from them and
 * the template checks compare template.yaml with them.
 */
public final class TableKeys {

  private TableKeys() {}

  // Lead cache: partition ownerId, sort "createdAt#leadId" so a Query answers oldest first.
  public static final String LEADS_PK = "ownerId";
  public static final String LEADS_SK = "sk";

  /** Keys-only index from a lead id to the owner caching it, to follow reassignments. */
  public static final String LEADS_BY_LEAD_ID_INDEX = "byLeadId";

  public static final String LEAD_ID = "leadId";

  /** Sparse index holding only the per-owner meta items: a cheap scan of every owner's digest. */
  public static final String LEADS_OWNERS_INDEX = "owners";

  public static final String META_OWNER = "metaOwner";

  // Agenda cache, in the leads table under its own partition key prefix (no Salesforce id has a
  // '#'): partition "agenda#<ownerId>", one item with sort key AGENDA_SK (the day, whole) and one
  // with BRIEFED_SK (when the user last heard the briefing). The agenda item carries metaOwner (the
  // same prefixed key) so the owners index lists its digest beside the lead owners'.
  public static final String AGENDA_PREFIX = "agenda#";
  public static final String AGENDA_SK = "#AGENDA";
  public static final String BRIEFED_SK = "#BRIEFED";
  public static final String TTL_ATTRIBUTE = "ttl";

  // Deal cache, in the lead cache's table: one item per owner, partition "deals#" + ownerId (a
  // value no lead item's partition takes), sort key DEALS_BOOK_SK. It sets neither LEAD_ID nor
  // META_OWNER, so neither lead index holds it.
  public static final String DEALS_OWNER_PREFIX = "deals#";
  public static final String DEALS_BOOK_SK = "#DEALBOOK";

  /** A meta item's digest of the owner's cached set, and when that set was written. */
  public static final String DIGEST = "digest";

  public static final String REFRESHED_AT = "refreshedAt";

  /** What the owners index projects besides its keys: all a scan of every owner's digest reads. */
  public static final List<String> LEADS_OWNERS_PROJECTED =
      List.of(DIGEST, REFRESHED_AT, TTL_ATTRIBUTE);

  // Commands: partition commandId; index by owner and time.
  public static final String COMMANDS_PK = "commandId";
  public static final String COMMANDS_BY_OWNER_INDEX = "byOwner";
  public static final String COMMANDS_OWNER = "ownerId";
  public static final String COMMANDS_REQUESTED_AT = "requestedAt";
}
