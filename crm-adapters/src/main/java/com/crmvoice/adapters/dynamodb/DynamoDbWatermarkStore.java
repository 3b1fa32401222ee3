package com.crmvoice.adapters.dynamodb;

import static com.crmvoice.adapters.dynamodb.AttributeValues.n;
import static com.crmvoice.adapters.dynamodb.AttributeValues.s;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_PK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_SK;

import com.crmvoice.core.port.WatermarkStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The refresher's watermark as one item of the leads table, under a reserved partition key that no
 * CRM user id can take ({@code #refresher}: Salesforce ids are alphanumeric). The item has no
 * {@code metaOwner}, {@code leadId} or {@code ttl} attribute, so it is in neither index (the owner
 * digests scan and the lead-id lookup never see it) and never expires; a {@code topLeads} of the
 * reserved key finds no {@code #META} item and answers "never refreshed".
 *
 * <p>The watermark is stored in epoch milliseconds and advanced with a condition, so it only moves
 * forward even when two passes race.
 */
public final class DynamoDbWatermarkStore implements WatermarkStore {

  /** Partition key of the reserved item. */
  public static final String RESERVED_PK = "#refresher";

  static final String WATERMARK_SK = "#WATERMARK";

  /** Sort key of the agenda passes' watermark, beside the lead passes' one. */
  public static final String AGENDA_WATERMARK_SK = "#AGENDA_WATERMARK";

  /** Sort key of the deal passes' watermark. */
  public static final String DEALS_WATERMARK_SK = "#DEALS_WATERMARK";

  private static final String MILLIS = "watermarkMillis";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String sortKey;

  /** The lead passes' watermark. */
  public DynamoDbWatermarkStore(DynamoDbClient dynamoDb, String table) {
    this(dynamoDb, table, WATERMARK_SK);
  }

  /** The watermark under {@code sortKey} of the reserved partition. */
  public DynamoDbWatermarkStore(DynamoDbClient dynamoDb, String table, String sortKey) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.sortKey = sortKey;
  }

  @Override
  public Optional<Instant> load() {
    GetItemResponse response;
    try {
      response = dynamoDb.getItem(r -> r.tableName(table).key(key()).consistentRead(true));
    } catch (SdkException e) {
      throw StorageFailures.unavailable("watermark", e);
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    long millis = AttributeValues.num(response.item(), MILLIS, Long.MIN_VALUE);
    return millis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  @Override
  public void advance(Instant appliedUpTo) {
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(key())
                  .updateExpression("SET #m = :m, #w = :w")
                  .conditionExpression("attribute_not_exists(#m) OR #m < :m")
                  .expressionAttributeNames(Map.of("#m", MILLIS, "#w", "watermark"))
                  .expressionAttributeValues(
                      Map.of(
                          ":m", n(appliedUpTo.toEpochMilli()), ":w", s(appliedUpTo.toString()))));
    } catch (ConditionalCheckFailedException e) {
      // Already at or past this point: another pass got there first.
    } catch (SdkException e) {
      throw StorageFailures.unavailable("watermark", e);
    }
  }

  private Map<String, AttributeValue> key() {
    return Map.of(LEADS_PK, s(RESERVED_PK), LEADS_SK, s(sortKey));
  }
}
