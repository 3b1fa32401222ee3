package com.crmvoice.adapters.dynamodb;

import static com.crmvoice.adapters.dynamodb.AttributeValues.n;
import static com.crmvoice.adapters.dynamodb.AttributeValues.s;
import static com.crmvoice.adapters.dynamodb.AttributeValues.str;
import static com.crmvoice.adapters.dynamodb.TableKeys.DEALS_BOOK_SK;
import static com.crmvoice.adapters.dynamodb.TableKeys.DEALS_OWNER_PREFIX;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_PK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_SK;
import static com.crmvoice.adapters.dynamodb.TableKeys.TTL_ATTRIBUTE;

import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.LeadCache.WriteCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The deal cache in the lead cache's table: one item per owner (partition {@code deals#ownerId},
 * sort key {@code #DEALBOOK}, see {@link TableKeys}) holding the whole book, so a book is written
 * and read whole in one call and never half-updated. A write is one {@code PutItem} conditioned on
 * the stored digest differing (or the item nearing its TTL): an unchanged book costs no write. A
 * book past its TTL is no book, whether or not DynamoDB has deleted it yet. A book of {@value
 * DealCache#MAX_DEALS_PER_OWNER} deals is about 30 KB, far under the 400 KB item limit.
 *
 * <p>Reads are a {@code Query} of the owner's partition (the call the skill's and worker's roles
 * already have on the table); {@link #digestsOf} is {@code BatchGetItem}, 100 keys a call ({@link
 * BatchKeyReads}).
 */
public final class DynamoDbDealCache implements DealCache {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration ttl;
  private final Clock clock;

  public DynamoDbDealCache(DynamoDbClient dynamoDb, String table, CacheConfig config, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.ttl = config.ttl();
    this.clock = clock;
  }

  private static String partition(String ownerId) {
    return DEALS_OWNER_PREFIX + ownerId;
  }

  @Override
  public Snapshot book(String ownerId) {
    QueryResponse response;
    try {
      response =
          dynamoDb.query(
              q ->
                  q.tableName(table)
                      .keyConditionExpression("#pk = :pk AND #sk = :sk")
                      .expressionAttributeNames(Map.of("#pk", LEADS_PK, "#sk", LEADS_SK))
                      .expressionAttributeValues(
                          Map.of(":pk", s(partition(ownerId)), ":sk", s(DEALS_BOOK_SK))));
    } catch (SdkException e) {
      throw StorageFailures.unavailable("deal cache", e);
    }
    if (response.items().isEmpty()) {
      return new Snapshot.NeverRefreshed();
    }
    Map<String, AttributeValue> item = response.items().get(0);
    if (expired(item)) {
      return new Snapshot.NeverRefreshed();
    }
    DealBook book =
        new DealBook(
            DealBookItems.deals(ownerId, item.get(DealBookItems.DEALS)),
            DealBookItems.figures(item.get(DealBookItems.FIGURES)));
    return new Snapshot.Known(book, Instant.parse(str(item, "refreshedAt")), str(item, "digest"));
  }

  private boolean expired(Map<String, AttributeValue> item) {
    return AttributeValues.num(item, TTL_ATTRIBUTE, Long.MAX_VALUE)
        <= clock.instant().getEpochSecond();
  }

  @Override
  public WriteCount replaceOwnerBook(String ownerId, DealBook book, Instant refreshedAt) {
    if (book.openDeals().size() > MAX_DEALS_PER_OWNER) {
      throw new IllegalArgumentException(
          book.openDeals().size() + " deals for one owner; at most " + MAX_DEALS_PER_OWNER);
    }
    String digest = book.digest();
    long renewBefore = clock.instant().getEpochSecond() + ttl.toSeconds() / 2;
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(LEADS_PK, s(partition(ownerId)));
    item.put(LEADS_SK, s(DEALS_BOOK_SK));
    item.put(TableKeys.DIGEST, s(digest));
    item.put("refreshedAt", s(refreshedAt.toString()));
    item.put("dealCount", n(book.openDeals().size()));
    item.put(DealBookItems.DEALS, DealBookItems.deals(book.openDeals()));
    item.put(DealBookItems.FIGURES, DealBookItems.figures(book.figures()));
    item.put(TTL_ATTRIBUTE, n(refreshedAt.plus(ttl).getEpochSecond()));
    try {
      dynamoDb.putItem(
          p ->
              p.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(#d) OR #d <> :d OR #t < :renew")
                  .expressionAttributeNames(Map.of("#d", "digest", "#t", TTL_ATTRIBUTE))
                  .expressionAttributeValues(Map.of(":d", s(digest), ":renew", n(renewBefore))));
      return new WriteCount(1, 0);
    } catch (ConditionalCheckFailedException unchanged) {
      return WriteCount.NONE;
    } catch (SdkException e) {
      throw StorageFailures.unavailable("deal cache", e);
    }
  }

  @Override
  public Map<String, String> digestsOf(Collection<String> ownerIds) {
    List<String> owners = List.copyOf(new LinkedHashSet<>(ownerIds));
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String owner : owners) {
      keys.add(Map.of(LEADS_PK, s(partition(owner)), LEADS_SK, s(DEALS_BOOK_SK)));
    }
    Map<String, String> digests = new HashMap<>();
    for (Map<String, AttributeValue> item :
        BatchKeyReads.read(
            dynamoDb,
            table,
            keys,
            "#pk, #d, #t",
            Map.of("#pk", LEADS_PK, "#d", "digest", "#t", TTL_ATTRIBUTE),
            "deal cache")) {
      if (!expired(item)) {
        digests.put(
            str(item, LEADS_PK).substring(DEALS_OWNER_PREFIX.length()), str(item, "digest"));
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String owner : owners) {
      if (digests.containsKey(owner)) {
        ordered.put(owner, digests.get(owner));
      }
    }
    return ordered;
  }
}
