package com.crmvoice.adapters.dynamodb;

import static com.crmvoice.adapters.dynamodb.AttributeValues.n;
import static com.crmvoice.adapters.dynamodb.AttributeValues.putIfPresent;
import static com.crmvoice.adapters.dynamodb.AttributeValues.s;
import static com.crmvoice.adapters.dynamodb.AttributeValues.str;
import static com.crmvoice.adapters.dynamodb.TableKeys.DIGEST;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_PK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_SK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEAD_ID;
import static com.crmvoice.adapters.dynamodb.TableKeys.META_OWNER;
import static com.crmvoice.adapters.dynamodb.TableKeys.REFRESHED_AT;
import static com.crmvoice.adapters.dynamodb.TableKeys.TTL_ATTRIBUTE;

import com.crmvoice.core.domain.Lead;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of the lead cache's table: a lead item (sort key {@code createdAt#leadId}) and an
 * owner's meta item (sort key {@value #META_SK}: members, generation, digest), to and from their
 * attribute maps.
 */
final class LeadCacheItems {

  private LeadCacheItems() {}

  static final String META_SK = "#META";

  static final String MEMBERS = "members";
  static final String GEN = "gen";

  /** The generation of an owner without a meta item. */
  static final long NO_META = -1;

  static String sortKey(Lead lead) {
    return AttributeValues.SORTABLE.format(lead.createdAt()) + "#" + lead.id();
  }

  /**
   * Past its TTL: DynamoDB may still return it until its background process deletes it (<a
   * href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ttl-expired-items.html">Working
   * with expired items</a>: "TTL time is equal to or less than the current time").
   */
  static boolean expired(Map<String, AttributeValue> item, long nowEpochSecond) {
    return AttributeValues.num(item, TTL_ATTRIBUTE, Long.MAX_VALUE) <= nowEpochSecond;
  }

  /** NO_META without a meta item, 0 for one written before generations, else its generation. */
  static long generation(Map<String, AttributeValue> meta) {
    return meta == null ? NO_META : AttributeValues.num(meta, GEN, 0);
  }

  /** The meta item's members, oldest first; null for one written before sets listed them. */
  static List<String> members(Map<String, AttributeValue> meta) {
    AttributeValue members = meta.get(MEMBERS);
    return members == null || !members.hasL()
        ? null
        : members.l().stream().map(AttributeValue::s).toList();
  }

  static AttributeValue list(Collection<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValues::s).toList());
  }

  static Map<String, AttributeValue> key(String ownerId, String sk) {
    return Map.of(LEADS_PK, s(ownerId), LEADS_SK, s(sk));
  }

  static Map<String, AttributeValue> leadItem(Lead lead, Instant refreshedAt, long expires) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(LEADS_PK, s(lead.ownerId()));
    item.put(LEADS_SK, s(sortKey(lead)));
    item.put(LEAD_ID, s(lead.id()));
    putIfPresent(item, "firstName", lead.firstName());
    item.put("lastName", s(lead.lastName()));
    putIfPresent(item, "company", lead.company());
    putIfPresent(item, "email", lead.email());
    putIfPresent(item, "phone", lead.phone());
    putIfPresent(item, "status", lead.status());
    item.put("createdAt", s(lead.createdAt().toString()));
    if (lead.lastModifiedAt() != null) {
      item.put("lastModifiedAt", s(lead.lastModifiedAt().toString()));
    }
    item.put(REFRESHED_AT, s(refreshedAt.toString()));
    item.put(TTL_ATTRIBUTE, n(expires));
    return item;
  }

  /** An owner's meta item: its set's members and digest, the next generation, the set's expiry. */
  static Map<String, AttributeValue> metaItem(
      String ownerId,
      String digest,
      Instant refreshedAt,
      Collection<String> members,
      long storedGeneration,
      long expires) {
    Map<String, AttributeValue> meta = new HashMap<>();
    meta.put(LEADS_PK, s(ownerId));
    meta.put(LEADS_SK, s(META_SK));
    meta.put(META_OWNER, s(ownerId));
    meta.put(DIGEST, s(digest));
    meta.put(REFRESHED_AT, s(refreshedAt.toString()));
    meta.put("leadCount", n(members.size()));
    meta.put(MEMBERS, list(members));
    meta.put(GEN, n(Math.max(storedGeneration, 0) + 1));
    meta.put(TTL_ATTRIBUTE, n(expires));
    return meta;
  }

  static Lead toLead(Map<String, AttributeValue> item) {
    return new Lead(
        str(item, LEAD_ID),
        str(item, LEADS_PK),
        str(item, "firstName"),
        str(item, "lastName"),
        str(item, "company"),
        str(item, "email"),
        str(item, "phone"),
        str(item, "status"),
        Instant.parse(str(item, "createdAt")),
        str(item, "lastModifiedAt") == null ? null : Instant.parse(str(item, "lastModifiedAt")));
  }
}
