package com.crmvoice.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.adapters.aws.LocalAws;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.contract.LeadCacheContract;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.LeadCache.Snapshot;
import com.crmvoice.core.port.LeadCache.WriteCount;
import com.crmvoice.core.port.StorageUnavailableException;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The LeadCache contract against DynamoDB Local, plus what only DynamoDB can show; against
 * LocalStack in {@link DynamoDbLeadCacheLocalStackIT}.
 */
class DynamoDbLeadCacheIT extends LeadCacheContract {

  /** The AWS these tests run against; a LocalStack subclass returns LocalStack. */
  protected AwsTestEnvironment aws() {
    return EmbeddedAws.shared();
  }

  private final AwsTestEnvironment aws = aws();

  private final DynamoDbClient dynamoDb = LocalAws.clients(aws).dynamoDb();
  private final MutableClock clock = new MutableClock(T0);
  private final CacheConfig config = new CacheConfig(5, Duration.ofHours(72));
  private String table;

  @Override
  protected LeadCache newCache() {
    table = aws.freshName("leads");
    ResourceDefinitions.createLeadsTable(dynamoDb, table);
    return new DynamoDbLeadCache(dynamoDb, table, config, clock);
  }

  @Test
  void everyItemCarriesATtlFromItsRefresh() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> leads = List.of(lead("005TTL", "00Q1", 1));
    cache.replaceOwnerLeads("005TTL", leads, LeadDigest.of(leads), T0);

    List<Map<String, AttributeValue>> items = dynamoDb.scan(r -> r.tableName(table)).items();

    assertThat(items).hasSize(2);
    assertThat(items)
        .allSatisfy(
            item ->
                assertThat(Long.parseLong(item.get("ttl").n()))
                    .isEqualTo(T0.plus(Duration.ofHours(72)).getEpochSecond()));
  }

  @Test
  void aQuietOwnerIsRenewedOnceItsItemsAreHalfWayToExpiry() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> leads = List.of(lead("005OLD", "00Q1", 1));
    String digest = LeadDigest.of(leads);
    cache.replaceOwnerLeads("005OLD", leads, digest, T0);
    assertThat(cache.ownerDigests()).containsEntry("005OLD", digest);

    clock.advance(Duration.ofHours(37));

    assertThat(cache.ownerDigests().get("005OLD")).isNotEqualTo(digest);
    assertThat(cache.replaceOwnerLeads("005OLD", leads, digest, clock.instant()).written())
        .isEqualTo(2);
    assertThat(cache.ownerDigests()).containsEntry("005OLD", digest);
  }

  @Test
  void sortKeysOrderByTimeWhateverTheFractionOfASecond() {
    Lead whole = lead("005A", "00QB", 0);
    Lead later = new Lead("00QA", "005A", null, "L", "C", null, null, "Open", T0.plusMillis(1));
    assertThat(LeadCacheItems.sortKey(whole)).isLessThan(LeadCacheItems.sortKey(later));
  }

  // ---- expiry: DynamoDB deletes expired items lazily, and in no particular order

  /**
   * A Query's start key must lie inside its own key condition: "Use the value that was returned for
   * LastEvaluatedKey in the previous operation" (<a
   * href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html">API_Query,
   * ExclusiveStartKey</a>); DynamoDB answers a ValidationException otherwise (<a
   * href="https://github.com/aws/aws-sdk-js/issues/3283">aws-sdk-js#3283</a>). DynamoDB Local
   * enforces it too, so the tests below need no stricter double; if an upgrade of DynamoDB Local
   * stopped enforcing it, this test says so.
   */
  @Test
  void dynamoDbLocalRejectsAStartKeyOutsideTheKeyCondition_asDynamoDbDoes() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> leads = List.of(lead("005SK", "00Q1", 1), lead("005SK", "00Q2", 2));
    cache.replaceOwnerLeads("005SK", leads, LeadDigest.of(leads), T0);

    assertThatThrownBy(
            () ->
                dynamoDb.query(
                    r ->
                        r.tableName(table)
                            .keyConditionExpression("#pk = :o AND #sk <= :upTo")
                            .expressionAttributeNames(Map.of("#pk", "ownerId", "#sk", "sk"))
                            .expressionAttributeValues(
                                Map.of(
                                    ":o",
                                    s("005SK"),
                                    ":upTo",
                                    s(LeadCacheItems.sortKey(leads.get(0)))))
                            .exclusiveStartKey(
                                Map.of(
                                    "ownerId",
                                    s("005SK"),
                                    "sk",
                                    s(LeadCacheItems.sortKey(leads.get(1)))))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("does not match the range key predicate");
  }

  @Test
  void leadsPastTheirTtlAreNeverServed_evenBeforeDynamoDbDeletesThem() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> first = List.of(lead("005EX", "00Q1", 1), lead("005EX", "00Q2", 2));
    cache.replaceOwnerLeads("005EX", first, LeadDigest.of(first), T0);
    clock.advance(Duration.ofHours(30));
    // A new lead joins; the two kept ones have more than half their TTL left: not rewritten.
    List<Lead> second = List.of(first.get(0), first.get(1), lead("005EX", "00Q3", 3));
    assertThat(cache.replaceOwnerLeads("005EX", second, LeadDigest.of(second), clock.instant()))
        .isEqualTo(new WriteCount(2, 0));

    clock.advance(Duration.ofHours(43)); // T0 + 73 h: 00Q1 and 00Q2 expired at T0 + 72 h

    assertThat(cache.topLeads("005EX", 5)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(cache.topLeads("005EX", 1)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(cache.addLeadIfRoom(lead("005EX", "00Q4", 4), 5, clock.instant())).isFalse();
  }

  @Test
  void anOwnerWhoseLeadsTtlDeleted_isACacheMiss_notAFailedReadOrAnEmptySet() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> first = List.of(lead("005TD", "00Q1", 1), lead("005TD", "00Q2", 2));
    cache.replaceOwnerLeads("005TD", first, LeadDigest.of(first), T0);
    clock.advance(Duration.ofHours(30));
    List<Lead> second = List.of(first.get(0), first.get(1), lead("005TD", "00Q3", 3));
    cache.replaceOwnerLeads("005TD", second, LeadDigest.of(second), clock.instant());
    clock.advance(Duration.ofHours(43));

    theTtlProcessDeletesWhatExpiredBefore(clock.instant());

    assertThat(cache.topLeads("005TD", 1)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(cache.topLeads("005TD", 5)).isInstanceOf(Snapshot.NeverRefreshed.class);
    // The owner pass a cache miss asks for writes the set again.
    cache.replaceOwnerLeads("005TD", second, LeadDigest.of(second), clock.instant());
    assertThat(ids(cache, "005TD", 1)).containsExactly("00Q1");
  }

  @Test
  void aListedLeadMissingFromTheTable_isACacheMiss_andTheReadStaysInsideItsKeyCondition() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> leads =
        List.of(lead("005MS", "00Q1", 1), lead("005MS", "00Q2", 2), lead("005MS", "00Q3", 3));
    cache.replaceOwnerLeads("005MS", leads, LeadDigest.of(leads), T0);
    deleteLeadItem(leads.get(0));

    assertThat(cache.topLeads("005MS", 1)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(cache.topLeads("005MS", 5)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(cache.replaceOwnerLeads("005MS", leads, LeadDigest.of(leads), T0))
        .isEqualTo(new WriteCount(2, 0));
    assertThat(ids(cache, "005MS", 5)).containsExactly("00Q1", "00Q2", "00Q3");
  }

  @Test
  void anItemNotListedBetweenListedOnesIsSkipped_readingOnInsideTheKeyCondition() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> leads = List.of(lead("005LO", "00Q1", 1), lead("005LO", "00Q3", 3));
    cache.replaceOwnerLeads("005LO", leads, LeadDigest.of(leads), T0);
    Lead leftover = lead("005LO", "00Q2", 2);
    dynamoDb.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "ownerId", s("005LO"),
                        "sk", s(LeadCacheItems.sortKey(leftover)),
                        "leadId", s(leftover.id()),
                        "lastName", s(leftover.lastName()),
                        "createdAt", s(leftover.createdAt().toString()),
                        "ttl", AttributeValue.fromN(Long.toString(T0.getEpochSecond() + 3600)))));

    assertThat(ids(cache, "005LO", 2)).containsExactly("00Q1", "00Q3");
    assertThat(ids(cache, "005LO", 1)).containsExactly("00Q1");
  }

  // ---- an owner is never half-written

  @Test
  void aReplaceCancelledByAConcurrentWriterLeavesThePreviousSetWhole_andTheNextReplaceSucceeds() {
    DynamoDbLeadCache reader = (DynamoDbLeadCache) newCache();
    FaultyDynamoDb faulty = new FaultyDynamoDb(dynamoDb);
    DynamoDbLeadCache writer = new DynamoDbLeadCache(faulty, table, config, clock);
    List<Lead> before =
        List.of(lead("005TX", "00Q1", 1), lead("005TX", "00Q2", 2), lead("005TX", "00Q3", 3));
    reader.replaceOwnerLeads("005TX", before, LeadDigest.of(before), T0);
    // 00Q1 closed, 00Q2 edited, 00Q0 reassigned to this owner (older: the new top lead).
    List<Lead> after =
        List.of(
            lead("005TX", "00Q0", 0),
            lead("005TX", "00Q2", 2).withStatus("Working"),
            lead("005TX", "00Q3", 3));
    faulty.beforeTransaction(1, () -> anotherWriterTouchesTheMeta("005TX"));

    assertThatThrownBy(() -> writer.replaceOwnerLeads("005TX", after, LeadDigest.of(after), T0))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("ConditionalCheckFailed");

    assertThat(reader.topLeads("005TX", 5))
        .isInstanceOfSatisfying(
            Snapshot.Known.class,
            k -> {
              assertThat(k.leads()).isEqualTo(before);
              assertThat(k.digest()).isEqualTo(LeadDigest.of(before));
            });
    assertThat(storedLeadKeys("005TX")).hasSize(3).noneMatch(sk -> sk.endsWith("#00Q0"));

    WriteCount count = writer.replaceOwnerLeads("005TX", after, LeadDigest.of(after), T0);

    assertThat(count).isEqualTo(new WriteCount(3, 1));
    assertThat(ids(reader, "005TX", 5)).containsExactly("00Q0", "00Q2", "00Q3");
    assertThat(reader.ownerDigests()).containsEntry("005TX", LeadDigest.of(after));
  }

  @Test
  void aThrottledTransactionIsStorageUnavailable_andChangesNothing() {
    DynamoDbLeadCache reader = (DynamoDbLeadCache) newCache();
    FaultyDynamoDb faulty = new FaultyDynamoDb(dynamoDb);
    DynamoDbLeadCache writer = new DynamoDbLeadCache(faulty, table, config, clock);
    List<Lead> before = List.of(lead("005TH", "00Q1", 1));
    reader.replaceOwnerLeads("005TH", before, LeadDigest.of(before), T0);
    List<Lead> after = List.of(lead("005TH", "00Q2", 2));
    faulty.beforeTransaction(
        1,
        () -> {
          throw FaultyDynamoDb.cancelled("ThrottlingError");
        });

    assertThatThrownBy(() -> writer.replaceOwnerLeads("005TH", after, LeadDigest.of(after), T0))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("ThrottlingError");

    assertThat(ids(reader, "005TH", 5)).containsExactly("00Q1");
    assertThat(reader.ownerDigests()).containsEntry("005TH", LeadDigest.of(before));
  }

  @Test
  void everyWriteOfAnOwnerIsOneTransaction_evenAFullSetReplacedByAnother() {
    DynamoDbLeadCache reader = (DynamoDbLeadCache) newCache();
    FaultyDynamoDb faulty = new FaultyDynamoDb(dynamoDb);
    DynamoDbLeadCache writer = new DynamoDbLeadCache(faulty, table, config, clock);
    int full = LeadCache.MAX_LEADS_PER_OWNER;
    List<Lead> before = leads("005BIG", "00QL", 0, full, 100);
    writer.replaceOwnerLeads("005BIG", before, LeadDigest.of(before), T0);
    List<Lead> after = leads("005BIG", "00QN", 0, full, 0);
    int transactionsBefore = faulty.transactions();

    WriteCount count = writer.replaceOwnerLeads("005BIG", after, LeadDigest.of(after), T0);

    assertThat(count).isEqualTo(new WriteCount(full + 1, full));
    assertThat(faulty.transactions() - transactionsBefore).isEqualTo(1);
    assertThat(ids(reader, "005BIG", full)).isEqualTo(idsOf(after));
    assertThat(storedLeadKeys("005BIG")).hasSize(full);
    assertThat(reader.ownerDigests()).containsEntry("005BIG", LeadDigest.of(after));
  }

  @Test
  void addLeadIfRoomAddsNothing_whenTheOwnersSetChangedSinceItWasRead() {
    DynamoDbLeadCache reader = (DynamoDbLeadCache) newCache();
    FaultyDynamoDb faulty = new FaultyDynamoDb(dynamoDb);
    DynamoDbLeadCache worker = new DynamoDbLeadCache(faulty, table, config, clock);
    List<Lead> leads = List.of(lead("005W", "00Q1", 1));
    reader.replaceOwnerLeads("005W", leads, LeadDigest.of(leads), T0);
    faulty.beforeTransaction(1, () -> anotherWriterTouchesTheMeta("005W"));

    assertThat(worker.addLeadIfRoom(lead("005W", "00Q2", 2), 5, T0)).isFalse();

    assertThat(ids(reader, "005W", 5)).containsExactly("00Q1");
    assertThat(storedLeadKeys("005W")).hasSize(1);
  }

  @Test
  void addLeadIfRoomKeepsTheDigestARefreshComputes_soTheSameSetWritesNothing() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    Lead first = lead("005AD", "00Q1", 1);
    Lead added = lead("005AD", "00Q2", 2);
    cache.replaceOwnerLeads("005AD", List.of(first), LeadDigest.of(List.of(first)), T0);

    assertThat(cache.addLeadIfRoom(added, 5, T0)).isTrue();

    List<Lead> both = List.of(first, added);
    assertThat(cache.ownerDigests()).containsEntry("005AD", LeadDigest.of(both));
    assertThat(cache.replaceOwnerLeads("005AD", both, LeadDigest.of(both), T0))
        .isEqualTo(WriteCount.NONE);
  }

  @Test
  void aMetaItemWithoutMembersIsACacheMiss_andTheNextWriteListsThem() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> leads = List.of(lead("005OLD", "00Q1", 1), lead("005OLD", "00Q2", 2));
    String digest = LeadDigest.of(leads);
    long expires = T0.plus(Duration.ofHours(72)).getEpochSecond();
    for (Lead lead : leads) {
      dynamoDb.putItem(
          r ->
              r.tableName(table)
                  .item(
                      Map.of(
                          "ownerId", s(lead.ownerId()),
                          "sk", s(LeadCacheItems.sortKey(lead)),
                          "leadId", s(lead.id()),
                          "firstName", s(lead.firstName()),
                          "lastName", s(lead.lastName()),
                          "company", s(lead.company()),
                          "status", s(lead.status()),
                          "createdAt", s(lead.createdAt().toString()),
                          "refreshedAt", s(T0.toString()),
                          "ttl", AttributeValue.fromN(Long.toString(expires)))));
    }
    dynamoDb.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "ownerId", s("005OLD"),
                        "sk", s(LeadCacheItems.META_SK),
                        "metaOwner", s("005OLD"),
                        "digest", s(digest),
                        "refreshedAt", s(T0.toString()),
                        "leadCount", AttributeValue.fromN("2"),
                        "ttl", AttributeValue.fromN(Long.toString(expires)))));

    assertThat(cache.topLeads("005OLD", 5)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(cache.replaceOwnerLeads("005OLD", leads, digest, T0))
        .isEqualTo(new WriteCount(1, 0));
    assertThat(cache.replaceOwnerLeads("005OLD", leads, digest, T0)).isEqualTo(WriteCount.NONE);
    assertThat(ids(cache, "005OLD", 5)).containsExactly("00Q1", "00Q2");
  }

  private static final java.util.Comparator<Lead> OLDEST_FIRST =
      java.util.Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);

  /** {@code count} leads with ids prefix000.., created from {@code firstMinute} on. */
  private static List<Lead> leads(
      String owner, String prefix, int from, int count, int firstMinute) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> lead(owner, String.format("%s%03d", prefix, i), firstMinute + i))
        .toList();
  }

  private static List<String> idsOf(List<Lead> leads) {
    return leads.stream().sorted(OLDEST_FIRST).map(Lead::id).toList();
  }

  private static List<String> ids(LeadCache cache, String owner, int limit) {
    Snapshot snapshot = cache.topLeads(owner, limit);
    assertThat(snapshot).isInstanceOf(Snapshot.Known.class);
    return ((Snapshot.Known) snapshot).leads().stream().map(Lead::id).toList();
  }

  /** The sort keys of the owner's lead items as stored, listed or not. */
  private List<String> storedLeadKeys(String owner) {
    List<String> keys = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page =
          dynamoDb.query(
              r ->
                  r.tableName(table)
                      .keyConditionExpression("ownerId = :o")
                      .expressionAttributeValues(Map.of(":o", s(owner)))
                      .exclusiveStartKey(from)
                      .consistentRead(true));
      page.items().stream()
          .map(item -> item.get("sk").s())
          .filter(sk -> !sk.equals(LeadCacheItems.META_SK))
          .forEach(keys::add);
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return keys;
  }

  /** What DynamoDB's TTL process does, at a time of its choosing: deletes what has expired. */
  private void theTtlProcessDeletesWhatExpiredBefore(java.time.Instant now) {
    for (Map<String, AttributeValue> item : dynamoDb.scan(r -> r.tableName(table)).items()) {
      AttributeValue ttl = item.get("ttl");
      if (ttl != null && Long.parseLong(ttl.n()) <= now.getEpochSecond()) {
        dynamoDb.deleteItem(
            r ->
                r.tableName(table)
                    .key(Map.of("ownerId", item.get("ownerId"), "sk", item.get("sk"))));
      }
    }
  }

  private void deleteLeadItem(Lead lead) {
    dynamoDb.deleteItem(
        r ->
            r.tableName(table)
                .key(Map.of("ownerId", s(lead.ownerId()), "sk", s(LeadCacheItems.sortKey(lead)))));
  }

  /** What another writer of the same owner does to the meta item: moves its generation. */
  private void anotherWriterTouchesTheMeta(String owner) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":zero", AttributeValue.fromN("0"));
    values.put(":one", AttributeValue.fromN("1"));
    dynamoDb.updateItem(
        r ->
            r.tableName(table)
                .key(Map.of("ownerId", s(owner), "sk", s(LeadCacheItems.META_SK)))
                .updateExpression("SET gen = if_not_exists(gen, :zero) + :one")
                .expressionAttributeValues(values));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
