package com.crmvoice.adapters.dynamodb;

import static com.crmvoice.adapters.dynamodb.AttributeValues.n;
import static com.crmvoice.adapters.dynamodb.AttributeValues.s;
import static com.crmvoice.adapters.dynamodb.AttributeValues.str;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.GEN;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.MEMBERS;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.META_SK;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.NO_META;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.expired;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.generation;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.key;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.leadItem;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.list;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.members;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.metaItem;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.sortKey;
import static com.crmvoice.adapters.dynamodb.LeadCacheItems.toLead;
import static com.crmvoice.adapters.dynamodb.TableKeys.DIGEST;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_BY_LEAD_ID_INDEX;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_OWNERS_INDEX;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_PK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_SK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEAD_ID;
import static com.crmvoice.adapters.dynamodb.TableKeys.META_OWNER;
import static com.crmvoice.adapters.dynamodb.TableKeys.REFRESHED_AT;
import static com.crmvoice.adapters.dynamodb.TableKeys.TTL_ATTRIBUTE;

import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The lead cache in DynamoDB: one item per cached lead (sort key {@code createdAt#leadId}, oldest
 * first) and one meta item per known owner (sort key {@code #META}, sorting before every lead), so
 * one Query answers both "is the owner known" and "their oldest leads"; the meta item's sparse
 * index key {@code metaOwner} lets a pass read every owner's digest from a small index.
 *
 * <p>Contract: an owner is never half-written and its set never outlives its leads. Every write of
 * an owner is one {@code TransactWriteItems} (at most {@value #MAX_TRANSACTION_ACTIONS} actions)
 * conditioned on the meta item's generation; {@link #topLeads} answers only the leads the meta item
 * lists, or a cache miss; an expired meta item is no set, whether or not TTL has deleted it yet. A
 * failed or cancelled transaction is a {@link StorageUnavailableException}: the previous set stays
 * whole and the next pass repairs it. Why and how, step by step: docs/refresher.md, "One owner, all
 * or nothing" and "Expiry: an owner's set never outlives its leads".
 */
public final class DynamoDbLeadCache implements LeadCache {

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLeadCache.class);

  /** DynamoDB's limit on actions in one TransactWriteItems call. */
  static final int MAX_TRANSACTION_ACTIONS = 100;

  private static final String RENEW_PREFIX = "renew:";
  private static final int READ_ATTEMPTS = 3;

  private static final Comparator<Lead> OLDEST_FIRST =
      Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration ttl;
  private final Clock clock;

  public DynamoDbLeadCache(DynamoDbClient dynamoDb, String table, CacheConfig config, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.ttl = config.ttl();
    this.clock = clock;
  }

  @Override
  public Snapshot topLeads(String ownerId, int limit) {
    Read read = readWhole(ownerId, limit);
    if (!read.whole()) {
      // A listed lead is gone (deleted by hand, or a write raced every read): no set to answer.
      LOG.warn("lead cache: an owner's set was not whole after {} reads", READ_ATTEMPTS);
      return new Snapshot.NeverRefreshed();
    }
    return read.snapshot();
  }

  @Override
  public WriteCount replaceOwnerLeads(
      String ownerId, List<Lead> leads, String digest, Instant refreshedAt) {
    Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
    Map<String, AttributeValue> storedMeta = null;
    for (Map<String, AttributeValue> item : allItemsOf(ownerId)) {
      if (META_SK.equals(str(item, LEADS_SK))) {
        storedMeta = item;
      } else {
        stored.put(str(item, LEADS_SK), item);
      }
    }
    return replace(ownerId, leads, digest, refreshedAt, stored, storedMeta);
  }

  /**
   * One round trip, not two: no Query, every lead a put, the meta item expected absent; if a set
   * was stored after all, that cancels the transaction and the owner is written as after a read.
   */
  @Override
  public WriteCount replaceNewOwnerLeads(
      String ownerId, List<Lead> leads, String digest, Instant refreshedAt) {
    try {
      return replace(ownerId, leads, digest, refreshedAt, new HashMap<>(), null);
    } catch (StorageUnavailableException e) {
      if (e.getCause() instanceof TransactionCanceledException cancelled
          && StorageFailures.reasons(cancelled).contains("ConditionalCheckFailed")) {
        return replaceOwnerLeads(ownerId, leads, digest, refreshedAt);
      }
      throw e;
    }
  }

  private WriteCount replace(
      String ownerId,
      List<Lead> leads,
      String digest,
      Instant refreshedAt,
      Map<String, Map<String, AttributeValue>> stored,
      Map<String, AttributeValue> storedMeta) {
    if (leads.size() > MAX_LEADS_PER_OWNER) {
      throw new IllegalArgumentException(
          leads.size() + " leads for one owner; at most " + MAX_LEADS_PER_OWNER);
    }
    long renewBefore = clock.instant().getEpochSecond() + ttl.toSeconds() / 2;
    LeadPuts puts = leadPuts(leads, stored, refreshedAt, renewBefore);
    List<TransactWriteItem> deletes = new ArrayList<>();
    for (String sk : new TreeSet<>(stored.keySet())) {
      if (!puts.members().contains(sk)) {
        Map<String, AttributeValue> key = key(ownerId, sk);
        deletes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build());
      }
    }
    boolean metaCurrent =
        storedMeta != null
            && digest.equals(str(storedMeta, DIGEST))
            && AttributeValues.num(storedMeta, TTL_ATTRIBUTE, 0) >= renewBefore
            && List.copyOf(puts.members()).equals(members(storedMeta));
    if (puts.items().isEmpty() && deletes.isEmpty() && metaCurrent) {
      return WriteCount.NONE;
    }
    long gen = generation(storedMeta);
    Map<String, AttributeValue> meta =
        metaItem(ownerId, digest, refreshedAt, puts.members(), gen, puts.setExpires());
    List<TransactWriteItem> actions = new ArrayList<>(puts.items());
    // This cache never leaves more than MAX_LEADS_PER_OWNER items, so all deletes fit. Items no
    // write of this cache left (more than fit) wait for the owner's next write; no read answers
    // them, as no meta item lists them.
    int room = MAX_TRANSACTION_ACTIONS - 1 - puts.items().size();
    List<TransactWriteItem> deleting = deletes.subList(0, Math.min(deletes.size(), room));
    actions.addAll(deleting);
    actions.add(putMeta(meta, gen));
    transact(actions);
    return new WriteCount(puts.items().size() + 1, deleting.size());
  }

  /**
   * The puts of an owner's new set: the sort keys of its members, and when the set expires.
   *
   * @param items a put for each lead not stored as it is, or stored with less than half its TTL
   *     left
   * @param setExpires the earliest expiry of a member: a lead kept as stored keeps its own TTL
   */
  private record LeadPuts(
      List<TransactWriteItem> items, TreeSet<String> members, long setExpires) {}

  private LeadPuts leadPuts(
      List<Lead> leads,
      Map<String, Map<String, AttributeValue>> stored,
      Instant refreshedAt,
      long renewBefore) {
    long expires = refreshedAt.plus(ttl).getEpochSecond();
    long setExpires = expires;
    TreeSet<String> members = new TreeSet<>();
    List<TransactWriteItem> puts = new ArrayList<>();
    for (Lead lead : leads) {
      String sk = sortKey(lead);
      members.add(sk);
      Map<String, AttributeValue> old = stored.get(sk);
      long oldExpires = old == null ? 0 : AttributeValues.num(old, TTL_ATTRIBUTE, 0);
      if (old == null || !toLead(old).equals(lead) || oldExpires < renewBefore) {
        Map<String, AttributeValue> item = leadItem(lead, refreshedAt, expires);
        puts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
      } else {
        setExpires = Math.min(setExpires, oldExpires);
      }
    }
    return new LeadPuts(puts, members, setExpires);
  }

  @Override
  public boolean addLeadIfRoom(Lead lead, int maxLeads, Instant now) {
    if (maxLeads > MAX_LEADS_PER_OWNER) {
      throw new IllegalArgumentException("maxLeads above " + MAX_LEADS_PER_OWNER);
    }
    Read read = readWhole(lead.ownerId(), maxLeads);
    if (!read.whole()
        || !(read.snapshot() instanceof Snapshot.Known known)
        || known.leads().size() >= maxLeads
        || known.leads().stream().anyMatch(l -> l.id().equals(lead.id()))) {
      return false;
    }
    Map<String, AttributeValue> meta = read.meta();
    TreeSet<String> members = new TreeSet<>(members(meta));
    if (members.size() >= maxLeads || !members.add(sortKey(lead))) {
      return false;
    }
    List<Lead> leads = new ArrayList<>(known.leads());
    leads.add(lead);
    leads.sort(OLDEST_FIRST);
    long gen = generation(meta);
    // The new lead expires after the set's meta item, which keeps its TTL.
    Map<String, AttributeValue> item = leadItem(lead, now, now.plus(ttl).getEpochSecond());
    Map<String, String> names = new HashMap<>(Map.of("#d", DIGEST, "#m", MEMBERS));
    Map<String, AttributeValue> values =
        new HashMap<>(
            Map.of(
                // The digest a refresh would compute, so the next pass writes nothing when the CRM
                // agrees.
                ":d", s(LeadDigest.of(leads)), ":c", n(members.size()), ":m", list(members)));
    String condition = expecting(gen, names, values);
    names.put("#g", GEN);
    values.put(":next", n(Math.max(gen, 0) + 1));
    Update update =
        Update.builder()
            .tableName(table)
            .key(key(lead.ownerId(), META_SK))
            .updateExpression("SET #d = :d, leadCount = :c, #m = :m, #g = :next")
            .conditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .build();
    try {
      dynamoDb.transactWriteItems(
          r ->
              r.transactItems(
                  TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build(),
                  TransactWriteItem.builder().update(update).build()));
    } catch (TransactionCanceledException e) {
      if (StorageFailures.reasons(e).contains("ConditionalCheckFailed")) {
        // The owner's set changed since it was read: the next pass puts the lead in its place.
        return false;
      }
      throw StorageFailures.unavailable("lead cache", e);
    } catch (SdkException e) {
      throw StorageFailures.unavailable("lead cache", e);
    }
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
                          // The agenda items share the index (DynamoDbAgendaCache).
                          .filterExpression("NOT begins_with(#m, :agenda)")
                          .expressionAttributeNames(Map.of("#m", META_OWNER))
                          .expressionAttributeValues(
                              Map.of(":agenda", AttributeValues.s(TableKeys.AGENDA_PREFIX)))
                          .exclusiveStartKey(from)
                          .build()));
      for (Map<String, AttributeValue> item : page.items()) {
        String digest = str(item, DIGEST);
        boolean renew = AttributeValues.num(item, TTL_ATTRIBUTE, 0) < renewBefore;
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

  /**
   * What one read found: the snapshot, the meta item it was read from (null for no set), and
   * whether every listed lead was found.
   */
  private record Read(Snapshot snapshot, Map<String, AttributeValue> meta, boolean whole) {
    static final Read NO_SET = new Read(new Snapshot.NeverRefreshed(), null, true);
  }

  /** A read that found every listed lead, or the last of a few tries. */
  private Read readWhole(String ownerId, int limit) {
    Read read = read(ownerId, limit);
    for (int attempt = 1; attempt < READ_ATTEMPTS && !read.whole(); attempt++) {
      read = read(ownerId, limit);
    }
    return read;
  }

  private Read read(String ownerId, int limit) {
    long now = clock.instant().getEpochSecond();
    QueryResponse first = query(ownerId, null, null, limit + 1);
    List<Map<String, AttributeValue>> items = first.items();
    if (items.isEmpty() || !META_SK.equals(str(items.get(0), LEADS_SK))) {
      return Read.NO_SET;
    }
    Map<String, AttributeValue> meta = items.get(0);
    List<String> members = members(meta);
    // Expired (no listed lead outlives it), or written before sets listed their members.
    if (expired(meta, now) || members == null) {
      return Read.NO_SET;
    }
    List<String> wanted = members.subList(0, Math.min(limit, members.size()));
    Set<String> wantedKeys = new HashSet<>(wanted);
    Map<String, Lead> found = new HashMap<>();
    collect(items.subList(1, items.size()), wantedKeys, now, found);
    Map<String, AttributeValue> next = lastKey(first);
    // Items no meta item lists may sit between the members: read on up to the last one wanted,
    // from a start key inside that key condition only (DynamoDB rejects any other: "The provided
    // starting key does not match the range key predicate"; see API_Query, ExclusiveStartKey).
    while (found.size() < wanted.size()
        && next != null
        && byteOrder(str(next, LEADS_SK), wanted.get(wanted.size() - 1)) < 0) {
      QueryResponse page = query(ownerId, wanted.get(wanted.size() - 1), next, null);
      collect(page.items(), wantedKeys, now, found);
      next = lastKey(page);
    }
    List<Lead> leads = wanted.stream().map(found::get).filter(Objects::nonNull).toList();
    return new Read(
        new Snapshot.Known(leads, AttributeValues.instant(meta, REFRESHED_AT), str(meta, DIGEST)),
        meta,
        leads.size() == wanted.size());
  }

  private static void collect(
      List<Map<String, AttributeValue>> items,
      Set<String> wanted,
      long now,
      Map<String, Lead> found) {
    for (Map<String, AttributeValue> item : items) {
      String sk = str(item, LEADS_SK);
      if (wanted.contains(sk) && !expired(item, now)) {
        found.put(sk, toLead(item));
      }
    }
  }

  /** DynamoDB's order of string keys: their UTF-8 bytes, unsigned. */
  private static int byteOrder(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** A consistent Query of the owner's items, up to {@code upTo} (inclusive) when given. */
  private QueryResponse query(
      String ownerId, String upTo, Map<String, AttributeValue> from, Integer limit) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", LEADS_PK));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":owner", s(ownerId)));
    String condition = "#pk = :owner";
    if (upTo != null) {
      condition += " AND #sk <= :upTo";
      names.put("#sk", LEADS_SK);
      values.put(":upTo", s(upTo));
    }
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .exclusiveStartKey(from)
            .limit(limit)
            .consistentRead(true)
            .build();
    return call(() -> dynamoDb.query(request));
  }

  private static Map<String, AttributeValue> lastKey(QueryResponse page) {
    return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
        ? page.lastEvaluatedKey()
        : null;
  }

  private List<Map<String, AttributeValue>> allItemsOf(String ownerId) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = query(ownerId, null, start, null);
      items.addAll(page.items());
      start = lastKey(page);
    } while (start != null);
    return items;
  }

  private TransactWriteItem putMeta(Map<String, AttributeValue> meta, long expected) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    String condition = expecting(expected, names, values);
    Put put =
        Put.builder()
            .tableName(table)
            .item(meta)
            .conditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values.isEmpty() ? null : values)
            .build();
    return TransactWriteItem.builder().put(put).build();
  }

  /**
   * The condition that the meta item is still at generation {@code gen}, adding its names and
   * values.
   */
  private static String expecting(
      long gen, Map<String, String> names, Map<String, AttributeValue> values) {
    names.put("#sk", LEADS_SK);
    if (gen == NO_META) {
      return "attribute_not_exists(#sk)";
    }
    names.put("#gen", GEN);
    if (gen == 0) {
      return "attribute_exists(#sk) AND attribute_not_exists(#gen)";
    }
    values.put(":gen", n(gen));
    return "attribute_exists(#sk) AND #gen = :gen";
  }

  private void transact(List<TransactWriteItem> items) {
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(items));
    } catch (SdkException e) {
      throw StorageFailures.unavailable("lead cache", e);
    }
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (SdkException e) {
      throw StorageFailures.unavailable("lead cache", e);
    }
  }
}
