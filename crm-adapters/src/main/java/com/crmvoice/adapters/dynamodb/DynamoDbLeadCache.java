package com.crmvoice.adapters.dynamodb;

import static com.crmvoice.adapters.aws.ResourceDefinitions.LEADS_BY_LEAD_ID_INDEX;
import static com.crmvoice.adapters.aws.ResourceDefinitions.LEADS_OWNERS_INDEX;
import static com.crmvoice.adapters.aws.ResourceDefinitions.LEADS_PK;
import static com.crmvoice.adapters.aws.ResourceDefinitions.LEADS_SK;
import static com.crmvoice.adapters.aws.ResourceDefinitions.LEAD_ID;
import static com.crmvoice.adapters.aws.ResourceDefinitions.META_OWNER;
import static com.crmvoice.adapters.aws.ResourceDefinitions.TTL_ATTRIBUTE;
import static com.crmvoice.adapters.dynamodb.Items.n;
import static com.crmvoice.adapters.dynamodb.Items.putIfPresent;
import static com.crmvoice.adapters.dynamodb.Items.s;
import static com.crmvoice.adapters.dynamodb.Items.str;

import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The lead cache in DynamoDB. One item per cached lead (sort key {@code createdAt#leadId}, so a
 * Query reads oldest first) and one meta item per known owner (sort key {@code #META}, which sorts
 * before every lead, so one Query of limit+1 items answers both "is the owner known" and "their
 * oldest leads"). The meta item carries the set's digest and the sparse index key {@code
 * metaOwner}, so a pass reads every owner's digest by scanning that small index alone.
 *
 * <p>Writes touch only what changed; the meta item is written last, so a write that fails half way
 * leaves the old digest behind and the next pass finds the owner changed and repairs it. Items
 * carry a TTL; an owner whose items are past half their life is reported with a stale digest so the
 * next pass renews them, which keeps a quiet owner from expiring.
 */
public final class DynamoDbLeadCache implements LeadCache {

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLeadCache.class);
  static final String META_SK = "#META";
  private static final String RENEW_PREFIX = "renew:";
  private static final int BATCH = 25;
  private static final int MAX_UNPROCESSED_ROUNDS = 8;
  private static final Comparator<Lead> OLDEST_FIRST =
      Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration ttl;
  private final Clock clock;
  private final LongConsumer sleeper;

  public DynamoDbLeadCache(DynamoDbClient dynamoDb, String table, CacheConfig config, Clock clock) {
    this(dynamoDb, table, config, clock, DynamoDbLeadCache::sleep);
  }

  DynamoDbLeadCache(
      DynamoDbClient dynamoDb,
      String table,
      CacheConfig config,
      Clock clock,
      LongConsumer sleeper) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.ttl = config.ttl();
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Snapshot topLeads(String ownerId, int limit) {
    QueryResponse response =
        call(
            () ->
                dynamoDb.query(
                    QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("#pk = :owner")
                        .expressionAttributeNames(Map.of("#pk", LEADS_PK))
                        .expressionAttributeValues(Map.of(":owner", s(ownerId)))
                        .limit(limit + 1)
                        .build()));
    List<Map<String, AttributeValue>> items = response.items();
    if (items.isEmpty() || !META_SK.equals(str(items.get(0), LEADS_SK))) {
      return new Snapshot.NeverRefreshed();
    }
    Map<String, AttributeValue> meta = items.get(0);
    List<Lead> leads = new ArrayList<>();
    for (Map<String, AttributeValue> item : items.subList(1, items.size())) {
      leads.add(toLead(item));
    }
    return new Snapshot.Known(leads, Items.instant(meta, "refreshedAt"), str(meta, "digest"));
  }

  @Override
  public WriteCount replaceOwnerLeads(
      String ownerId, List<Lead> leads, String digest, Instant refreshedAt) {
    long now = clock.instant().getEpochSecond();
    long renewBefore = now + ttl.toSeconds() / 2;
    Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
    Map<String, AttributeValue> storedMeta = null;
    for (Map<String, AttributeValue> item : allItemsOf(ownerId)) {
      if (META_SK.equals(str(item, LEADS_SK))) {
        storedMeta = item;
      } else {
        stored.put(str(item, LEADS_SK), item);
      }
    }
    long expires = refreshedAt.plus(ttl).getEpochSecond();
    List<WriteRequest> writes = new ArrayList<>();
    Set<String> keep = new HashSet<>();
    for (Lead lead : leads.stream().sorted(OLDEST_FIRST).toList()) {
      String sk = sortKey(lead);
      keep.add(sk);
      Map<String, AttributeValue> old = stored.get(sk);
      if (old == null
          || !toLead(old).equals(lead)
          || Items.num(old, TTL_ATTRIBUTE, 0) < renewBefore) {
        writes.add(put(leadItem(lead, refreshedAt, expires)));
      }
    }
    int written = writes.size();
    int deleted = 0;
    for (String sk : stored.keySet()) {
      if (!keep.contains(sk)) {
        writes.add(
            WriteRequest.builder()
                .deleteRequest(
                    DeleteRequest.builder()
                        .key(Map.of(LEADS_PK, s(ownerId), LEADS_SK, s(sk)))
                        .build())
                .build());
        deleted++;
      }
    }
    writeAll(writes);
    boolean metaCurrent =
        storedMeta != null
            && digest.equals(str(storedMeta, "digest"))
            && Items.num(storedMeta, TTL_ATTRIBUTE, 0) >= renewBefore;
    if (!metaCurrent) {
      Map<String, AttributeValue> meta = new HashMap<>();
      meta.put(LEADS_PK, s(ownerId));
      meta.put(LEADS_SK, s(META_SK));
      meta.put(META_OWNER, s(ownerId));
      meta.put("digest", s(digest));
      meta.put("refreshedAt", s(refreshedAt.toString()));
      meta.put("leadCount", n(leads.size()));
      meta.put(TTL_ATTRIBUTE, n(expires));
      call(() -> dynamoDb.putItem(r -> r.tableName(table).item(meta)));
      written++;
    }
    return new WriteCount(written, deleted);
  }

  @Override
  public boolean addLeadIfRoom(Lead lead, int maxLeads, Instant now) {
    Snapshot snapshot = topLeads(lead.ownerId(), maxLeads);
    if (!(snapshot instanceof Snapshot.Known known)
        || known.leads().size() >= maxLeads
        || known.leads().stream().anyMatch(l -> l.id().equals(lead.id()))) {
      return false;
    }
    long expires = now.plus(ttl).getEpochSecond();
    try {
      call(
          () ->
              dynamoDb.putItem(
                  r ->
                      r.tableName(table)
                          .item(leadItem(lead, now, expires))
                          .conditionExpression("attribute_not_exists(#sk)")
                          .expressionAttributeNames(Map.of("#sk", LEADS_SK))));
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
    List<Lead> leads = new ArrayList<>(known.leads());
    leads.add(lead);
    leads.sort(OLDEST_FIRST);
    // Keep the digest equal to what a refresh would compute, so the next pass writes nothing
    // when the CRM agrees.
    String digest = LeadDigest.of(leads);
    call(
        () ->
            dynamoDb.updateItem(
                r ->
                    r.tableName(table)
                        .key(Map.of(LEADS_PK, s(lead.ownerId()), LEADS_SK, s(META_SK)))
                        .updateExpression("SET digest = :d, leadCount = :c")
                        .conditionExpression("attribute_exists(#sk)")
                        .expressionAttributeNames(Map.of("#sk", LEADS_SK))
                        .expressionAttributeValues(
                            Map.of(":d", s(digest), ":c", n(leads.size())))));
    return true;
  }

  @Override
  public Map<String, String> ownerDigests() {
    long renewBefore = clock.instant().getEpochSecond() + ttl.toSeconds() / 2;
    Map<String, String> digests = new HashMap<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page =
          call(
              () ->
                  dynamoDb.scan(
                      ScanRequest.builder()
                          .tableName(table)
                          .indexName(LEADS_OWNERS_INDEX)
                          .exclusiveStartKey(from)
                          .build()));
      for (Map<String, AttributeValue> item : page.items()) {
        String digest = str(item, "digest");
        boolean renew = Items.num(item, TTL_ATTRIBUTE, 0) < renewBefore;
        digests.put(str(item, META_OWNER), renew ? RENEW_PREFIX + digest : digest);
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return digests;
  }

  @Override
  public Set<String> ownersHolding(Collection<String> leadIds) {
    Set<String> owners = new HashSet<>();
    for (String leadId : new LinkedHashSet<>(leadIds)) {
      QueryResponse response =
          call(
              () ->
                  dynamoDb.query(
                      QueryRequest.builder()
                          .tableName(table)
                          .indexName(LEADS_BY_LEAD_ID_INDEX)
                          .keyConditionExpression("#id = :id")
                          .expressionAttributeNames(Map.of("#id", LEAD_ID))
                          .expressionAttributeValues(Map.of(":id", s(leadId)))
                          .build()));
      response.items().forEach(item -> owners.add(str(item, LEADS_PK)));
    }
    return owners;
  }

  static String sortKey(Lead lead) {
    return Items.SORTABLE.format(lead.createdAt()) + "#" + lead.id();
  }

  private List<Map<String, AttributeValue>> allItemsOf(String ownerId) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page =
          call(
              () ->
                  dynamoDb.query(
                      QueryRequest.builder()
                          .tableName(table)
                          .keyConditionExpression("#pk = :owner")
                          .expressionAttributeNames(Map.of("#pk", LEADS_PK))
                          .expressionAttributeValues(Map.of(":owner", s(ownerId)))
                          .exclusiveStartKey(from)
                          .consistentRead(true)
                          .build()));
      items.addAll(page.items());
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return items;
  }

  private void writeAll(List<WriteRequest> writes) {
    for (int from = 0; from < writes.size(); from += BATCH) {
      List<WriteRequest> chunk = writes.subList(from, Math.min(writes.size(), from + BATCH));
      Map<String, List<WriteRequest>> pending = Map.of(table, chunk);
      for (int round = 0; ; round++) {
        Map<String, List<WriteRequest>> request = pending;
        BatchWriteItemResponse response =
            call(() -> dynamoDb.batchWriteItem(r -> r.requestItems(request)));
        if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
          break;
        }
        if (round >= MAX_UNPROCESSED_ROUNDS) {
          throw new StorageUnavailableException(
              "DynamoDB left items unprocessed after " + round + " retries", null);
        }
        pending = response.unprocessedItems();
        // Exponential backoff with full jitter, as AWS recommends for unprocessed items.
        long cap = Math.min(2_000L, 25L << round);
        sleeper.accept(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        LOG.debug("retrying {} unprocessed items", pending.get(table).size());
      }
    }
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static Map<String, AttributeValue> leadItem(
      Lead lead, Instant refreshedAt, long expires) {
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
    item.put("refreshedAt", s(refreshedAt.toString()));
    item.put(TTL_ATTRIBUTE, n(expires));
    return item;
  }

  private static Lead toLead(Map<String, AttributeValue> item) {
    return new Lead(
        str(item, LEAD_ID),
        str(item, LEADS_PK),
        str(item, "firstName"),
        str(item, "lastName"),
        str(item, "company"),
        str(item, "email"),
        str(item, "phone"),
        str(item, "status"),
        Instant.parse(str(item, "createdAt")));
  }

  private static <T> T call(java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw new StorageUnavailableException(
          "lead cache unavailable: " + e.getClass().getSimpleName(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while backing off", e);
    }
  }
}
