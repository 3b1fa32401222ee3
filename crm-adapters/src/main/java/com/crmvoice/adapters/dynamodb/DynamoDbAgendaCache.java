package com.crmvoice.adapters.dynamodb;

import static com.crmvoice.adapters.dynamodb.AttributeValues.n;
import static com.crmvoice.adapters.dynamodb.AttributeValues.s;
import static com.crmvoice.adapters.dynamodb.AttributeValues.str;
import static com.crmvoice.adapters.dynamodb.TableKeys.AGENDA_PREFIX;
import static com.crmvoice.adapters.dynamodb.TableKeys.AGENDA_SK;
import static com.crmvoice.adapters.dynamodb.TableKeys.BRIEFED_SK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_OWNERS_INDEX;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_PK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_SK;
import static com.crmvoice.adapters.dynamodb.TableKeys.META_OWNER;
import static com.crmvoice.adapters.dynamodb.TableKeys.TTL_ATTRIBUTE;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.AgendaCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The agenda cache in the leads table (keys in {@link TableKeys}): one item per owner holding the
 * whole {@link Agenda} as JSON ({@link AgendaItems}), its digest and a TTL, so an owner's day is
 * written and read in one call and a reader never sees half of two passes; and one item per owner
 * with the time they last heard the briefing (no TTL: it outlives agendas). The agenda item's
 * {@code metaOwner} puts it in the owners index, whose scan {@link #agendaDigests} filters on the
 * prefix (and the lead cache's scan filters out); {@link #digestsOf} reads chosen owners' digests
 * with BatchGetItem ({@link BatchKeyReads}), 100 a call. An expired item is a miss whether or not
 * TTL has deleted it yet; one past half its TTL is left out of the digests so the next full pass
 * rewrites it.
 */
public final class DynamoDbAgendaCache implements AgendaCache {

  private static final String DIGEST = "digest";
  private static final String BODY = "body";
  private static final String REFRESHED_AT = "refreshedAt";
  private static final String BRIEFED_AT = "briefedAtMillis";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration ttl;
  private final Clock clock;

  public DynamoDbAgendaCache(DynamoDbClient dynamoDb, String table, Duration ttl, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public Snapshot agenda(String ownerId) {
    GetItemResponse response =
        call(() -> dynamoDb.getItem(r -> r.tableName(table).key(key(ownerId, AGENDA_SK))));
    if (!response.hasItem() || response.item().isEmpty()) {
      return new Snapshot.NeverRefreshed();
    }
    Map<String, AttributeValue> item = response.item();
    if (AttributeValues.num(item, TTL_ATTRIBUTE, 0) <= clock.instant().getEpochSecond()) {
      return new Snapshot.NeverRefreshed();
    }
    return new Snapshot.Known(
        AgendaItems.agenda(ownerId, str(item, BODY)), Instant.parse(str(item, REFRESHED_AT)));
  }

  @Override
  public int replaceAgenda(Agenda agenda, Instant refreshedAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(agenda.ownerId(), AGENDA_SK));
    item.put(META_OWNER, s(AGENDA_PREFIX + agenda.ownerId()));
    item.put(DIGEST, s(agenda.digest()));
    item.put(BODY, s(AgendaItems.body(agenda)));
    item.put(REFRESHED_AT, s(refreshedAt.toString()));
    item.put(TTL_ATTRIBUTE, n(clock.instant().plus(ttl).getEpochSecond()));
    call(() -> dynamoDb.putItem(r -> r.tableName(table).item(item)));
    return 1;
  }

  @Override
  public Map<String, String> agendaDigests() {
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
                          .filterExpression("begins_with(#m, :p)")
                          .expressionAttributeNames(Map.of("#m", META_OWNER))
                          .expressionAttributeValues(Map.of(":p", s(AGENDA_PREFIX)))
                          .exclusiveStartKey(from)
                          .build()));
      for (Map<String, AttributeValue> item : page.items()) {
        if (AttributeValues.num(item, TTL_ATTRIBUTE, 0) >= renewBefore) {
          digests.put(str(item, META_OWNER).substring(AGENDA_PREFIX.length()), str(item, DIGEST));
        }
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return digests;
  }

  @Override
  public Map<String, String> digestsOf(Collection<String> ownerIds) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String owner : new LinkedHashSet<>(ownerIds)) {
      keys.add(key(owner, AGENDA_SK));
    }
    long now = clock.instant().getEpochSecond();
    Map<String, String> digests = new HashMap<>();
    for (Map<String, AttributeValue> item :
        BatchKeyReads.read(
            dynamoDb,
            table,
            keys,
            "#pk, #d, #t",
            Map.of("#pk", LEADS_PK, "#d", DIGEST, "#t", TTL_ATTRIBUTE),
            "agenda cache")) {
      if (AttributeValues.num(item, TTL_ATTRIBUTE, 0) > now) {
        digests.put(str(item, LEADS_PK).substring(AGENDA_PREFIX.length()), str(item, DIGEST));
      }
    }
    return digests;
  }

  @Override
  public boolean removeTask(String ownerId, String taskId) {
    return rewrite(ownerId, a -> a.withoutTask(taskId));
  }

  @Override
  public boolean addTask(OpenTask task) {
    return rewrite(task.ownerId(), a -> a.withTask(task));
  }

  // Read, change, write back only over the agenda read: a pass that wrote meanwhile wins (it read
  // the CRM later, so it has the change too or a newer one).
  private boolean rewrite(String ownerId, UnaryOperator<Agenda> change) {
    if (!(agenda(ownerId) instanceof Snapshot.Known known)) {
      return false;
    }
    Agenda changed = change.apply(known.agenda());
    if (changed.equals(known.agenda())) {
      return false;
    }
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(key(ownerId, AGENDA_SK))
                  .updateExpression("SET #b = :b, #d = :d")
                  .conditionExpression("#d = :old")
                  .expressionAttributeNames(Map.of("#b", BODY, "#d", DIGEST))
                  .expressionAttributeValues(
                      Map.of(
                          ":b", s(AgendaItems.body(changed)),
                          ":d", s(changed.digest()),
                          ":old", s(known.agenda().digest()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw StorageFailures.unavailable("agenda cache", e);
    }
  }

  @Override
  public Optional<Instant> lastBriefing(String ownerId) {
    GetItemResponse response =
        call(() -> dynamoDb.getItem(r -> r.tableName(table).key(key(ownerId, BRIEFED_SK))));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    long millis = AttributeValues.num(response.item(), BRIEFED_AT, Long.MIN_VALUE);
    return millis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  @Override
  public void markBriefed(String ownerId, Instant at) {
    Map<String, AttributeValue> item = new HashMap<>(key(ownerId, BRIEFED_SK));
    item.put(BRIEFED_AT, n(at.toEpochMilli()));
    call(() -> dynamoDb.putItem(r -> r.tableName(table).item(item)));
  }

  private static Map<String, AttributeValue> key(String ownerId, String sk) {
    return Map.of(LEADS_PK, s(AGENDA_PREFIX + ownerId), LEADS_SK, s(sk));
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw StorageFailures.unavailable("agenda cache", e);
    }
  }
}
