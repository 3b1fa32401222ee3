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
    assertThat(DynamoDbLeadCache.sortKey(whole)).isLessThan(DynamoDbLeadCache.sortKey(later));
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
  void aSetLargerThanOneTransactionIsWrittenWhole_andReadersSeeTheOldSetOrTheNewOneInBetween() {
    DynamoDbLeadCache reader = (DynamoDbLeadCache) newCache();
    FaultyDynamoDb faulty = new FaultyDynamoDb(dynamoDb);
    DynamoDbLeadCache writer = new DynamoDbLeadCache(faulty, table, config, clock);
    List<Lead> before = leads("005BIG", "00QL", 0, 150, 100);
    assertThat(writer.replaceOwnerLeads("005BIG", before, LeadDigest.of(before), T0))
        .isEqualTo(new WriteCount(151, 0));
    // 50 of the old kept, 100 new and older: 100 puts and 100 deletes, three transactions.
    List<Lead> after = new ArrayList<>(leads("005BIG", "00QN", 0, 100, 0));
    after.addAll(before.subList(0, 50));
    List<List<String>> seen = new ArrayList<>();
    faulty.beforeTransaction(2, () -> seen.add(ids(reader, "005BIG", 500)));
    faulty.beforeTransaction(3, () -> seen.add(ids(reader, "005BIG", 500)));
    int transactionsBefore = faulty.transactions();

    WriteCount count = writer.replaceOwnerLeads("005BIG", after, LeadDigest.of(after), T0);

    assertThat(count).isEqualTo(new WriteCount(101, 100));
    assertThat(faulty.transactions() - transactionsBefore).isEqualTo(3);
    assertThat(seen).containsExactly(idsOf(before), idsOf(after));
    assertThat(ids(reader, "005BIG", 500)).isEqualTo(idsOf(after));
    assertThat(storedLeadKeys("005BIG")).hasSize(150);
    assertThat(reader.ownerDigests()).containsEntry("005BIG", LeadDigest.of(after));
    assertThat(writer.replaceOwnerLeads("005BIG", after, LeadDigest.of(after), T0))
        .isEqualTo(WriteCount.NONE);
  }

  @Test
  void aLargeReplaceThatFailsBeforeTheSwitchLeavesThePreviousSetWhole_andTheNextRepairs() {
    DynamoDbLeadCache reader = (DynamoDbLeadCache) newCache();
    FaultyDynamoDb faulty = new FaultyDynamoDb(dynamoDb);
    DynamoDbLeadCache writer = new DynamoDbLeadCache(faulty, table, config, clock);
    List<Lead> before = leads("005FB", "00QL", 0, 150, 200);
    writer.replaceOwnerLeads("005FB", before, LeadDigest.of(before), T0);
    // 120 new leads older than every cached one, 30 old ones gone: the puts come first.
    List<Lead> after = new ArrayList<>(leads("005FB", "00QN", 0, 120, 0));
    after.addAll(before.subList(0, 120));
    faulty.beforeTransaction(
        2,
        () -> {
          throw FaultyDynamoDb.cancelled("ThrottlingError");
        });

    assertThatThrownBy(() -> writer.replaceOwnerLeads("005FB", after, LeadDigest.of(after), T0))
        .isInstanceOf(StorageUnavailableException.class);

    // 99 new items were written, older than the cached top lead; readers never see them.
    assertThat(storedLeadKeys("005FB")).hasSize(150 + 99);
    assertThat(ids(reader, "005FB", 1)).containsExactly("00QL000");
    assertThat(ids(reader, "005FB", 500)).isEqualTo(idsOf(before));
    assertThat(reader.ownerDigests()).containsEntry("005FB", LeadDigest.of(before));

    WriteCount repair = writer.replaceOwnerLeads("005FB", after, LeadDigest.of(after), T0);

    assertThat(repair).isEqualTo(new WriteCount(21 + 1, 30));
    assertThat(ids(reader, "005FB", 500)).isEqualTo(idsOf(after));
    assertThat(storedLeadKeys("005FB")).hasSize(240);
  }

  @Test
  void aLargeReplaceThatFailsAfterTheSwitchShowsTheNewSet_andIsReportedChangedUntilCleaned() {
    DynamoDbLeadCache reader = (DynamoDbLeadCache) newCache();
    FaultyDynamoDb faulty = new FaultyDynamoDb(dynamoDb);
    DynamoDbLeadCache writer = new DynamoDbLeadCache(faulty, table, config, clock);
    List<Lead> before = leads("005FA", "00QL", 0, 150, 100);
    writer.replaceOwnerLeads("005FA", before, LeadDigest.of(before), T0);
    List<Lead> after = new ArrayList<>(leads("005FA", "00QN", 0, 100, 0));
    after.addAll(before.subList(0, 50));
    String digest = LeadDigest.of(after);
    faulty.beforeTransaction(
        3,
        () -> {
          throw FaultyDynamoDb.cancelled("TransactionConflict");
        });

    assertThatThrownBy(() -> writer.replaceOwnerLeads("005FA", after, digest, T0))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("TransactionConflict");

    assertThat(reader.topLeads("005FA", 500))
        .isInstanceOfSatisfying(
            Snapshot.Known.class,
            k -> {
              assertThat(k.leads()).isEqualTo(after.stream().sorted(OLDEST_FIRST).toList());
              assertThat(k.digest()).isEqualTo(digest);
            });
    assertThat(storedLeadKeys("005FA")).hasSize(152); // two deletes still owed
    assertThat(reader.ownerDigests().get("005FA")).isNotEqualTo(digest);

    assertThat(writer.replaceOwnerLeads("005FA", after, digest, T0))
        .isEqualTo(new WriteCount(1, 2));
    assertThat(storedLeadKeys("005FA")).hasSize(150);
    assertThat(reader.ownerDigests()).containsEntry("005FA", digest);
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
  void aMetaItemWrittenBeforeMembersIsReadAsBefore_andGainsThemOnItsNextWrite() {
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
                          "sk", s(DynamoDbLeadCache.sortKey(lead)),
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
                        "sk", s(DynamoDbLeadCache.META_SK),
                        "metaOwner", s("005OLD"),
                        "digest", s(digest),
                        "refreshedAt", s(T0.toString()),
                        "leadCount", AttributeValue.fromN("2"),
                        "ttl", AttributeValue.fromN(Long.toString(expires)))));

    assertThat(ids(cache, "005OLD", 5)).containsExactly("00Q1", "00Q2");
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
          .filter(sk -> !sk.equals(DynamoDbLeadCache.META_SK))
          .forEach(keys::add);
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return keys;
  }

  /** What another writer of the same owner does to the meta item: moves its generation. */
  private void anotherWriterTouchesTheMeta(String owner) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":zero", AttributeValue.fromN("0"));
    values.put(":one", AttributeValue.fromN("1"));
    dynamoDb.updateItem(
        r ->
            r.tableName(table)
                .key(Map.of("ownerId", s(owner), "sk", s(DynamoDbLeadCache.META_SK)))
                .updateExpression("SET gen = if_not_exists(gen, :zero) + :one")
                .expressionAttributeValues(values));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
