package com.crmvoice.adapters.dynamodb;

import static com.crmvoice.adapters.dynamodb.AttributeValues.n;
import static com.crmvoice.adapters.dynamodb.AttributeValues.s;
import static com.crmvoice.adapters.dynamodb.AttributeValues.str;
import static com.crmvoice.adapters.dynamodb.TableKeys.COMMANDS_BY_OWNER_INDEX;
import static com.crmvoice.adapters.dynamodb.TableKeys.COMMANDS_OWNER;
import static com.crmvoice.adapters.dynamodb.TableKeys.COMMANDS_PK;
import static com.crmvoice.adapters.dynamodb.TableKeys.COMMANDS_REQUESTED_AT;
import static com.crmvoice.adapters.dynamodb.TableKeys.TTL_ATTRIBUTE;

import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.core.domain.CommandContent;
import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CommandStatus;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.port.CommandLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The command log in DynamoDB: one item per command, every transition a conditional write, so two
 * workers can never both hold a command and a DONE command is never redone.
 *
 * <p>"What happened to my last lead" must read its writes, and a global secondary index cannot:
 * "All reads from GSIs and streams are eventually consistent" (<a
 * href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html">DynamoDB
 * read consistency</a>). So {@link #recordQueued} also puts, in the same transaction, one small
 * item per owner (key {@code #latest#<ownerId>}; command ids are UUIDs, so no command takes such a
 * key) naming the owner's latest command, and {@link #latestForOwner} reads it and then that
 * command by key, both with ConsistentRead. That item has no {@code ownerId} or {@code
 * requestedAt}, so the owner index ({@code byOwner}: ownerId + requestedAt, behind {@link
 * #recentForOwner}) never holds it.
 */
public final class DynamoDbCommandLog implements CommandLog {

  private static final String STATE = "state";

  /** The key prefix of an owner's latest-command item. */
  static final String LATEST_PREFIX = "#latest#";

  private static final String LATEST_COMMAND_ID = "latestCommandId";

  /** true on a FAILED command the worker gave up on for a retryable cause; absent otherwise. */
  private static final String RETRYABLE = "retryable";

  /** CommandContent.hash of the command as first recorded (a reused request id is told apart). */
  private static final String CONTENT_HASH = "contentHash";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration ttl;
  private final CommandCodec codec = new CommandCodec();

  public DynamoDbCommandLog(DynamoDbClient dynamoDb, String table, Duration ttl) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.ttl = ttl;
  }

  @Override
  public boolean recordQueued(CrmCommand command, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(baseItem(command, now));
    item.put(STATE, s(CommandState.QUEUED.name()));
    item.put("attempts", n(0));
    item.put("updatedAt", s(now.toString()));
    Map<String, AttributeValue> latest =
        Map.of(
            COMMANDS_PK,
            s(LATEST_PREFIX + command.ownerId()),
            LATEST_COMMAND_ID,
            s(command.commandId()),
            "updatedAt",
            s(now.toString()),
            TTL_ATTRIBUTE,
            item.get(TTL_ATTRIBUTE));
    try {
      dynamoDb.transactWriteItems(
          r ->
              r.transactItems(
                  TransactWriteItem.builder()
                      .put(
                          p ->
                              p.tableName(table)
                                  .item(item)
                                  .conditionExpression("attribute_not_exists(#pk)")
                                  .expressionAttributeNames(Map.of("#pk", COMMANDS_PK)))
                      .build(),
                  TransactWriteItem.builder().put(p -> p.tableName(table).item(latest)).build()));
      return true;
    } catch (TransactionCanceledException e) {
      if (e.hasCancellationReasons()
          && !e.cancellationReasons().isEmpty()
          && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
        // Known already (a retried request): the owner's latest command stays as it is.
        return false;
      }
      throw StorageFailures.unavailable("command log", e);
    } catch (SdkException e) {
      throw StorageFailures.unavailable("command log", e);
    }
  }

  /**
   * Takes the command IN_PROGRESS for the lease, writing its record first if the skill's record is
   * missing; refused while it is final or another worker's lease runs.
   */
  private static final String CLAIM_UPDATE =
      "SET #state = :inProgress, leaseExpiresAt = :lease, updatedAt = :nowIso,"
          + " attempts = if_not_exists(attempts, :zero) + :one,"
          + " #type = if_not_exists(#type, :type),"
          + " #owner = if_not_exists(#owner, :owner),"
          + " #requestedAt = if_not_exists(#requestedAt, :requestedAt),"
          + " payload = if_not_exists(payload, :payload),"
          + " contentHash = if_not_exists(contentHash, :contentHash),"
          + " createdAt = if_not_exists(createdAt, :nowIso),"
          + " #ttl = if_not_exists(#ttl, :ttl)"
          + " REMOVE failureCode, failureReason, #retryable";

  private static final String CLAIM_CONDITION =
      "attribute_not_exists(#pk) OR #state = :queued"
          + " OR (#state = :inProgress AND leaseExpiresAt <= :now)"
          // Given up on for a retryable cause, now redriven.
          + " OR (#state = :failed AND #retryable = :true)";

  @Override
  public Claim claim(CrmCommand command, Instant now, Duration lease) {
    Map<String, AttributeValue> values = claimValues(baseItem(command, now), now, lease);
    try {
      Map<String, AttributeValue> item =
          call(() ->
                  dynamoDb.updateItem(
                      r ->
                          r.tableName(table)
                              .key(Map.of(COMMANDS_PK, s(command.commandId())))
                              .updateExpression(CLAIM_UPDATE)
                              .conditionExpression(CLAIM_CONDITION)
                              .expressionAttributeNames(
                                  Map.of(
                                      "#pk", COMMANDS_PK,
                                      "#state", STATE,
                                      "#type", "type",
                                      "#owner", COMMANDS_OWNER,
                                      "#requestedAt", COMMANDS_REQUESTED_AT,
                                      "#ttl", TTL_ATTRIBUTE,
                                      "#retryable", RETRYABLE))
                              .expressionAttributeValues(values)
                              .returnValues(ReturnValue.ALL_NEW)
                              .returnValuesOnConditionCheckFailure(
                                  ReturnValuesOnConditionCheckFailure.ALL_OLD)))
              .attributes();
      return new Claim.Claimed(toRecord(item));
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> old =
          e.hasItem() && !e.item().isEmpty() ? e.item() : getItem(command.commandId());
      CommandRecord record = toRecord(old);
      return record.isFinal() ? new Claim.AlreadyFinal(record) : new Claim.HeldElsewhere(record);
    }
  }

  /** The values of {@link #CLAIM_UPDATE} and {@link #CLAIM_CONDITION}. */
  private static Map<String, AttributeValue> claimValues(
      Map<String, AttributeValue> base, Instant now, Duration lease) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":inProgress", s(CommandState.IN_PROGRESS.name()));
    values.put(":queued", s(CommandState.QUEUED.name()));
    values.put(":failed", s(CommandState.FAILED.name()));
    values.put(":true", AttributeValue.fromBool(true));
    values.put(":now", n(now.toEpochMilli()));
    values.put(":lease", n(now.plus(lease).toEpochMilli()));
    values.put(":nowIso", s(now.toString()));
    values.put(":zero", n(0));
    values.put(":one", n(1));
    values.put(":type", base.get("type"));
    values.put(":owner", base.get(COMMANDS_OWNER));
    values.put(":requestedAt", base.get(COMMANDS_REQUESTED_AT));
    values.put(":payload", base.get("payload"));
    values.put(":contentHash", base.get(CONTENT_HASH));
    values.put(":ttl", base.get(TTL_ATTRIBUTE));
    return values;
  }

  @Override
  public boolean markDone(String commandId, String crmId, Instant now) {
    return finishInProgress(
        commandId,
        "SET #state = :next, crmId = :crmId, updatedAt = :nowIso REMOVE leaseExpiresAt",
        Map.of(
            ":next",
            s(CommandState.DONE.name()),
            ":crmId",
            s(crmId),
            ":nowIso",
            s(now.toString())));
  }

  @Override
  public boolean markFailed(
      String commandId, String failureCode, String failureReason, Instant now) {
    return finishInProgress(
        commandId,
        "SET #state = :next, failureCode = :code, failureReason = :reason, updatedAt = :nowIso"
            + " REMOVE leaseExpiresAt, #retryable",
        Map.of(
            ":next", s(CommandState.FAILED.name()),
            ":code", s(failureCode == null ? "UNKNOWN" : failureCode),
            ":reason", s(failureReason),
            ":nowIso", s(now.toString())));
  }

  @Override
  public boolean markFailedRetryable(
      String commandId, String failureCode, String failureReason, Instant now) {
    return finishInProgress(
        commandId,
        "SET #state = :next, failureCode = :code, failureReason = :reason, #retryable = :true,"
            + " updatedAt = :nowIso REMOVE leaseExpiresAt",
        Map.of(
            ":next", s(CommandState.FAILED.name()),
            ":code", s(failureCode == null ? "UNKNOWN" : failureCode),
            ":reason", s(failureReason),
            ":true", AttributeValue.fromBool(true),
            ":nowIso", s(now.toString())));
  }

  @Override
  public boolean release(String commandId, String lastError, Instant now) {
    return finishInProgress(
        commandId,
        "SET #state = :next, lastError = :error, updatedAt = :nowIso REMOVE leaseExpiresAt",
        Map.of(
            ":next", s(CommandState.QUEUED.name()),
            ":error", s(lastError == null ? "unknown" : lastError),
            ":nowIso", s(now.toString())));
  }

  @Override
  public Cancellation cancel(String commandId, String ownerId, Instant now) {
    try {
      Map<String, AttributeValue> item =
          call(() ->
                  dynamoDb.updateItem(
                      r ->
                          r.tableName(table)
                              .key(Map.of(COMMANDS_PK, s(commandId)))
                              .updateExpression("SET #state = :cancelled, updatedAt = :nowIso")
                              // Never taken by a worker: QUEUED with no attempt. A released
                              // command (attempts > 0) may have reached the CRM already.
                              .conditionExpression(
                                  "#state = :queued AND attempts = :zero AND #owner = :owner")
                              .expressionAttributeNames(
                                  Map.of("#state", STATE, "#owner", COMMANDS_OWNER))
                              .expressionAttributeValues(
                                  Map.of(
                                      ":cancelled", s(CommandState.CANCELLED.name()),
                                      ":queued", s(CommandState.QUEUED.name()),
                                      ":zero", n(0),
                                      ":owner", s(ownerId),
                                      ":nowIso", s(now.toString())))
                              .returnValues(ReturnValue.ALL_NEW)
                              .returnValuesOnConditionCheckFailure(
                                  ReturnValuesOnConditionCheckFailure.ALL_OLD)))
              .attributes();
      return new Cancellation.Cancelled(toRecord(item));
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> old = e.hasItem() ? e.item() : null;
      if (old == null || old.isEmpty() || !ownerId.equals(str(old, COMMANDS_OWNER))) {
        return new Cancellation.Unknown();
      }
      return new Cancellation.TooLate(toRecord(old));
    }
  }

  @Override
  public Optional<CommandRecord> find(String commandId) {
    Map<String, AttributeValue> item = getItem(commandId);
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRecord(item));
  }

  @Override
  public Optional<CommandRecord> latestForOwner(String ownerId) {
    Map<String, AttributeValue> latest = getItem(LATEST_PREFIX + ownerId);
    if (latest == null || latest.isEmpty()) {
      return Optional.empty();
    }
    return find(str(latest, LATEST_COMMAND_ID));
  }

  @Override
  public List<CommandRecord> recentForOwner(String ownerId, int limit) {
    return call(
            () ->
                dynamoDb.query(
                    r ->
                        r.tableName(table)
                            .indexName(COMMANDS_BY_OWNER_INDEX)
                            .keyConditionExpression("#owner = :owner")
                            .expressionAttributeNames(Map.of("#owner", COMMANDS_OWNER))
                            .expressionAttributeValues(Map.of(":owner", s(ownerId)))
                            .scanIndexForward(false)
                            .limit(limit)))
        .items()
        .stream()
        .map(this::toRecord)
        .toList();
  }

  private boolean finishInProgress(
      String commandId, String update, Map<String, AttributeValue> extraValues) {
    Map<String, AttributeValue> values = new HashMap<>(extraValues);
    values.put(":inProgress", s(CommandState.IN_PROGRESS.name()));
    try {
      call(
          () ->
              dynamoDb.updateItem(
                  r ->
                      r.tableName(table)
                          .key(Map.of(COMMANDS_PK, s(commandId)))
                          .updateExpression(update)
                          .conditionExpression("#state = :inProgress")
                          .expressionAttributeNames(names(update))
                          .expressionAttributeValues(values)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Map<String, String> names(String update) {
    // DynamoDB rejects a name placeholder the expressions do not use.
    return update.contains("#retryable")
        ? Map.of("#state", STATE, "#retryable", RETRYABLE)
        : Map.of("#state", STATE);
  }

  private Map<String, AttributeValue> baseItem(CrmCommand command, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(COMMANDS_PK, s(command.commandId()));
    item.put("type", s(CommandCodec.typeOf(command)));
    item.put(COMMANDS_OWNER, s(command.ownerId()));
    // Sortable and unique per owner: the time, then the id to break ties.
    item.put(
        COMMANDS_REQUESTED_AT,
        s(AttributeValues.SORTABLE.format(command.requestedAt()) + "#" + command.commandId()));
    item.put("payload", s(codec.encode(command)));
    item.put(CONTENT_HASH, s(CommandContent.hash(command)));
    item.put("createdAt", s(now.toString()));
    item.put(TTL_ATTRIBUTE, n(now.plus(ttl).getEpochSecond()));
    return item;
  }

  private Map<String, AttributeValue> getItem(String commandId) {
    return call(() ->
            dynamoDb.getItem(
                r ->
                    r.tableName(table).key(Map.of(COMMANDS_PK, s(commandId))).consistentRead(true)))
        .item();
  }

  private CommandRecord toRecord(Map<String, AttributeValue> item) {
    CommandState state = CommandState.valueOf(str(item, STATE));
    AttributeValue retryable = item.get(RETRYABLE);
    CommandStatus status =
        new CommandStatus(
            state,
            str(item, "crmId"),
            str(item, "failureCode"),
            str(item, "failureReason"),
            state == CommandState.FAILED
                && retryable != null
                && Boolean.TRUE.equals(retryable.bool()));
    long lease = AttributeValues.num(item, "leaseExpiresAt", -1);
    return new CommandRecord(
        codec.decode(str(item, "payload")),
        status,
        (int) AttributeValues.num(item, "attempts", 0),
        Instant.parse(str(item, "updatedAt")),
        lease < 0 ? null : Instant.ofEpochMilli(lease),
        // Absent on items written before the attribute existed: the payload's own hash then.
        str(item, CONTENT_HASH));
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw StorageFailures.unavailable("command log", e);
    }
  }
}
