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
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The lead cache in DynamoDB. One item per cached lead (sort key {@code createdAt#leadId}, so a
 * Query reads oldest first) and one meta item per known owner (sort key {@code #META}, which sorts
 * before every lead, so one Query of limit+1 items answers both "is the owner known" and "their
 * oldest leads"). The meta item carries the set's digest and the sparse index key {@code
 * metaOwner}, so a pass reads every owner's digest by scanning that small index alone.
 *
 * <p><b>An owner is never half-written.</b> The meta item also lists the set's members (their sort
 * keys, {@code members}) and a generation ({@code gen}) that every write of the owner checks and
 * moves on:
 *
 * <ul>
 *   <li>A change set (puts, deletes and the meta item) that fits in one transaction ({@value
 *       #MAX_TRANSACTION_ACTIONS} actions, DynamoDB's limit; the default top 5 needs at most 11) is
 *       written by one {@code TransactWriteItems}: all of it or nothing. The meta put is
 *       conditioned on the generation that was read, so a concurrent writer of the same owner makes
 *       it cancel instead of mixing two sets.
 *   <li>A larger one (top N near 100) is written as a chain of transactions, each carrying one
 *       action on the meta item that checks and moves the generation, so no other writer
 *       interleaves (an owner without a meta item has none to move: its puts go alone, and the
 *       switch creates the meta item only if no one else did): first the lead puts, then the
 *       transaction that replaces the meta item with the new members, then the deletes. Until the
 *       meta item changes, readers see the old members; after, the new ones. (A lead kept in the
 *       set is updated in place: readers may see its newer fields before the switch.) While deletes
 *       are owed, the stored digest carries a {@code pending:} mark, so a chain that fails after
 *       the switch is reported as changed and the next pass deletes the leftovers.
 *   <li>{@link #topLeads} reads the meta item and the leads in one consistent Query and answers
 *       only the leads the meta item lists (leftovers of a failed write are never answered). A
 *       Query is read-committed, not a snapshot: if a write commits between its meta item and its
 *       leads, a listed lead may be missing; the read is then tried again.
 *   <li>{@link #addLeadIfRoom} puts the lead and adds it to the meta item's members in one
 *       transaction, conditioned on the generation it read.
 * </ul>
 *
 * <p>A failed or cancelled transaction (throttling, a conflict, a moved generation) is a {@link
 * StorageUnavailableException}: the previous set stays whole and the next pass, finding the old
 * digest, repairs it. Items carry a TTL; an owner whose items are past half their life is reported
 * with a stale digest so the next pass renews them, which keeps a quiet owner from expiring. A meta
 * item written before members were recorded is read as before (every item of the owner) until the
 * owner's next write, at the latest its renewal.
 */
public final class DynamoDbLeadCache implements LeadCache {

  static final String META_SK = "#META";

  /** DynamoDB's limit on actions in one TransactWriteItems call. */
  static final int MAX_TRANSACTION_ACTIONS = 100;

  static final String MEMBERS = "members";
  static final String GEN = "gen";
  static final String DIGEST = "digest";
  static final String PENDING_PREFIX = "pending:";
  private static final String RENEW_PREFIX = "renew:";
  private static final int READ_ATTEMPTS = 3;

  /** The generation of an owner without a meta item. */
  private static final long NO_META = -1;

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
    return readWhole(ownerId, limit).snapshot();
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
    TreeSet<String> members = new TreeSet<>();
    List<TransactWriteItem> puts = new ArrayList<>();
    for (Lead lead : leads) {
      String sk = sortKey(lead);
      members.add(sk);
      Map<String, AttributeValue> old = stored.get(sk);
      if (old == null
          || !toLead(old).equals(lead)
          || Items.num(old, TTL_ATTRIBUTE, 0) < renewBefore) {
        Map<String, AttributeValue> item = leadItem(lead, refreshedAt, expires);
        puts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
      }
    }
    List<TransactWriteItem> deletes = new ArrayList<>();
    for (String sk : new TreeSet<>(stored.keySet())) {
      if (!members.contains(sk)) {
        Map<String, AttributeValue> key = key(ownerId, sk);
        deletes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build());
      }
    }
    boolean metaCurrent =
        storedMeta != null
            && digest.equals(str(storedMeta, DIGEST))
            && Items.num(storedMeta, TTL_ATTRIBUTE, 0) >= renewBefore
            && List.copyOf(members).equals(members(storedMeta));
    if (puts.isEmpty() && deletes.isEmpty() && metaCurrent) {
      return WriteCount.NONE;
    }
    Map<String, AttributeValue> meta = new HashMap<>();
    meta.put(LEADS_PK, s(ownerId));
    meta.put(LEADS_SK, s(META_SK));
    meta.put(META_OWNER, s(ownerId));
    meta.put(DIGEST, s(digest));
    meta.put("refreshedAt", s(refreshedAt.toString()));
    meta.put("leadCount", n(members.size()));
    meta.put(MEMBERS, list(members));
    meta.put(TTL_ATTRIBUTE, n(expires));
    write(ownerId, puts, deletes, meta, generation(storedMeta));
    // The meta item counts once, however many transactions moved its generation.
    return new WriteCount(puts.size() + 1, deletes.size());
  }

  @Override
  public boolean addLeadIfRoom(Lead lead, int maxLeads, Instant now) {
    Read read = readWhole(lead.ownerId(), maxLeads);
    if (!read.whole()
        || !(read.snapshot() instanceof Snapshot.Known known)
        || known.leads().size() >= maxLeads
        || known.leads().stream().anyMatch(l -> l.id().equals(lead.id()))) {
      return false;
    }
    Map<String, AttributeValue> meta = read.meta();
    List<String> stored = members(meta);
    TreeSet<String> members = new TreeSet<>();
    if (stored == null) {
      known.leads().forEach(l -> members.add(sortKey(l)));
    } else {
      members.addAll(stored);
    }
    if (members.size() >= maxLeads || !members.add(sortKey(lead))) {
      return false;
    }
    List<Lead> leads = new ArrayList<>(known.leads());
    leads.add(lead);
    leads.sort(OLDEST_FIRST);
    // Keep the digest equal to what a refresh would compute, so the next pass writes nothing
    // when the CRM agrees; keep a pending mark, which still owes deletes.
    String storedDigest = str(meta, DIGEST);
    String pending =
        storedDigest != null && storedDigest.startsWith(PENDING_PREFIX) ? PENDING_PREFIX : "";
    long gen = generation(meta);
    Map<String, AttributeValue> item = leadItem(lead, now, now.plus(ttl).getEpochSecond());
    Map<String, String> names = new HashMap<>(Map.of("#d", DIGEST, "#m", MEMBERS));
    Map<String, AttributeValue> values =
        new HashMap<>(
            Map.of(
                ":d", s(pending + LeadDigest.of(leads)),
                ":c", n(members.size()),
                ":m", list(members)));
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
      if (reasons(e).contains("ConditionalCheckFailed")) {
        // The owner's set changed since it was read: the next pass puts the lead in its place.
        return false;
      }
      throw unavailable(e);
    } catch (SdkException e) {
      throw unavailable(e);
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
                          .exclusiveStartKey(from)
                          .build()));
      for (Map<String, AttributeValue> item : page.items()) {
        // A pending digest is reported as it is stored: it equals no computed digest, so the
        // owner is rewritten and its leftovers deleted.
        String digest = str(item, DIGEST);
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

  /** What one read found: the snapshot, the meta item it was read from, and whether it is whole. */
  private record Read(Snapshot snapshot, Map<String, AttributeValue> meta, boolean whole) {}

  /** A read that found every listed lead, or the last of a few tries. */
  private Read readWhole(String ownerId, int limit) {
    Read read = read(ownerId, limit);
    for (int attempt = 1; attempt < READ_ATTEMPTS && !read.whole(); attempt++) {
      read = read(ownerId, limit);
    }
    return read;
  }

  private Read read(String ownerId, int limit) {
    QueryResponse first = query(ownerId, null, null, limit + 1);
    List<Map<String, AttributeValue>> items = first.items();
    if (items.isEmpty() || !META_SK.equals(str(items.get(0), LEADS_SK))) {
      return new Read(new Snapshot.NeverRefreshed(), null, true);
    }
    Map<String, AttributeValue> meta = items.get(0);
    Instant refreshedAt = Items.instant(meta, "refreshedAt");
    String digest = str(meta, DIGEST);
    if (digest != null && digest.startsWith(PENDING_PREFIX)) {
      digest = digest.substring(PENDING_PREFIX.length());
    }
    List<String> members = members(meta);
    if (members == null) {
      // Written before members were recorded: every item of the owner is in the set.
      List<Lead> leads =
          items.subList(1, items.size()).stream().map(DynamoDbLeadCache::toLead).toList();
      return new Read(new Snapshot.Known(leads, refreshedAt, digest), meta, true);
    }
    List<String> wanted = members.subList(0, Math.min(limit, members.size()));
    Set<String> wantedKeys = new HashSet<>(wanted);
    Map<String, Lead> found = new HashMap<>();
    collect(items.subList(1, items.size()), wantedKeys, found);
    Map<String, AttributeValue> next = lastKey(first);
    // Leftovers of a failed write may sit between the members: read on to the last one wanted.
    while (found.size() < wanted.size() && next != null) {
      QueryResponse page = query(ownerId, wanted.get(wanted.size() - 1), next, null);
      collect(page.items(), wantedKeys, found);
      next = lastKey(page);
    }
    List<Lead> leads = wanted.stream().map(found::get).filter(Objects::nonNull).toList();
    return new Read(
        new Snapshot.Known(leads, refreshedAt, digest), meta, leads.size() == wanted.size());
  }

  private static void collect(
      List<Map<String, AttributeValue>> items, Set<String> wanted, Map<String, Lead> found) {
    for (Map<String, AttributeValue> item : items) {
      String sk = str(item, LEADS_SK);
      if (wanted.contains(sk)) {
        found.put(sk, toLead(item));
      }
    }
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

  /**
   * Writes one owner's change set, starting from meta generation {@code gen}: in one transaction
   * when it fits, otherwise as a chain (see the class comment).
   */
  private void write(
      String ownerId,
      List<TransactWriteItem> puts,
      List<TransactWriteItem> deletes,
      Map<String, AttributeValue> meta,
      long gen) {
    int perTransaction = MAX_TRANSACTION_ACTIONS - 1;
    List<TransactWriteItem> actions = new ArrayList<>(puts);
    actions.addAll(deletes);
    int transactions = Math.max(1, (actions.size() + perTransaction - 1) / perTransaction);
    // The transaction that holds the last put (or the first, without puts) switches the members.
    int switching = puts.isEmpty() ? 0 : (puts.size() - 1) / perTransaction;
    String digest = str(meta, DIGEST);
    long current = gen;
    for (int t = 0; t < transactions; t++) {
      List<TransactWriteItem> items =
          new ArrayList<>(
              actions.subList(
                  t * perTransaction, Math.min(actions.size(), (t + 1) * perTransaction)));
      boolean last = t == transactions - 1;
      long next = Math.max(current, 0) + 1;
      if (t < switching && current == NO_META) {
        // No meta item yet: readers see no set, and the switch's put fails if another writer
        // created one meanwhile. (No ConditionCheck, so no dynamodb:ConditionCheckItem needed.)
        next = NO_META;
      } else if (t < switching) {
        items.add(moveGeneration(ownerId, current, next, null));
      } else if (t == switching) {
        Map<String, AttributeValue> switched = new HashMap<>(meta);
        switched.put(DIGEST, s(last ? digest : PENDING_PREFIX + digest));
        switched.put(GEN, n(next));
        items.add(putMeta(switched, current));
      } else {
        items.add(moveGeneration(ownerId, current, next, last ? digest : null));
      }
      transact(items);
      current = next;
    }
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

  private TransactWriteItem moveGeneration(
      String ownerId, long expected, long next, String finalDigest) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    String condition = expecting(expected, names, values);
    names.put("#g", GEN);
    values.put(":next", n(next));
    String update = "SET #g = :next";
    if (finalDigest != null) {
      names.put("#d", DIGEST);
      values.put(":final", s(finalDigest));
      update += ", #d = :final";
    }
    Update move =
        Update.builder()
            .tableName(table)
            .key(key(ownerId, META_SK))
            .updateExpression(update)
            .conditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .build();
    return TransactWriteItem.builder().update(move).build();
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
      throw unavailable(e);
    }
  }

  /** NO_META without a meta item, 0 for one written before generations, else its generation. */
  private static long generation(Map<String, AttributeValue> meta) {
    return meta == null ? NO_META : Items.num(meta, GEN, 0);
  }

  /** The meta item's members, oldest first; null when it predates them. */
  private static List<String> members(Map<String, AttributeValue> meta) {
    AttributeValue members = meta.get(MEMBERS);
    return members == null || !members.hasL()
        ? null
        : members.l().stream().map(AttributeValue::s).toList();
  }

  private static AttributeValue list(Collection<String> values) {
    return AttributeValue.fromL(values.stream().map(Items::s).toList());
  }

  private static Map<String, AttributeValue> key(String ownerId, String sk) {
    return Map.of(LEADS_PK, s(ownerId), LEADS_SK, s(sk));
  }

  private static List<String> reasons(TransactionCanceledException e) {
    return e.hasCancellationReasons()
        ? e.cancellationReasons().stream().map(CancellationReason::code).toList()
        : List.of();
  }

  private static StorageUnavailableException unavailable(SdkException e) {
    String detail =
        e instanceof TransactionCanceledException cancelled
            ? "TransactionCanceledException " + reasons(cancelled)
            : e.getClass().getSimpleName();
    return new StorageUnavailableException("lead cache unavailable: " + detail, e);
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
    if (lead.lastModifiedAt() != null) {
      item.put("lastModifiedAt", s(lead.lastModifiedAt().toString()));
    }
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
        Instant.parse(str(item, "createdAt")),
        str(item, "lastModifiedAt") == null ? null : Instant.parse(str(item, "lastModifiedAt")));
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (SdkException e) {
      throw unavailable(e);
    }
  }
}
