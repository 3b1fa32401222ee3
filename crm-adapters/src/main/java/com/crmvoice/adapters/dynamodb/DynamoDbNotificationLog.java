package com.crmvoice.adapters.dynamodb;

import static com.crmvoice.adapters.dynamodb.AttributeValues.n;
import static com.crmvoice.adapters.dynamodb.AttributeValues.s;
import static com.crmvoice.adapters.dynamodb.AttributeValues.str;
import static com.crmvoice.adapters.dynamodb.TableKeys.COMMANDS_PK;

import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.port.NotificationLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The notification log as attributes of the command's own item in the commands table: {@code
 * alexaUserId}, {@code alexaLocale} and {@code alexaRegion} (written by the skill), {@code
 * notifyLeaseUntil} and {@code notifiedAt} (written by the notification job). Every write is a
 * conditional update of that one item, so no second item, table or index is needed, the recipient
 * expires with the command (its ttl), and the command log's own updates (which SET and REMOVE only
 * their attributes) leave these alone.
 */
public final class DynamoDbNotificationLog implements NotificationLog {

  static final String ALEXA_USER_ID = "alexaUserId";
  static final String ALEXA_LOCALE = "alexaLocale";
  static final String ALEXA_REGION = "alexaRegion";
  static final String NOTIFY_LEASE = "notifyLeaseUntil";
  static final String NOTIFIED_AT = "notifiedAt";

  /** The key prefix of a user's "asked for the notifications permission" item. */
  static final String CONSENT_PREFIX = "#consent#";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbNotificationLog(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public boolean recordRecipient(String commandId, Recipient recipient) {
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(key(commandId))
                  .updateExpression("SET #user = :user, #locale = :locale, #region = :region")
                  .conditionExpression("attribute_exists(#pk)")
                  .expressionAttributeNames(
                      Map.of(
                          "#pk", COMMANDS_PK,
                          "#user", ALEXA_USER_ID,
                          "#locale", ALEXA_LOCALE,
                          "#region", ALEXA_REGION))
                  .expressionAttributeValues(
                      Map.of(
                          ":user", s(recipient.alexaUserId()),
                          ":locale", s(recipient.locale()),
                          ":region", s(recipient.region()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw StorageFailures.unavailable("notification log", e);
    }
  }

  @Override
  public Claim claim(String commandId, Instant now, Duration lease) {
    try {
      Map<String, AttributeValue> item =
          dynamoDb
              .updateItem(
                  r ->
                      r.tableName(table)
                          .key(key(commandId))
                          .updateExpression("SET #lease = :lease")
                          .conditionExpression(
                              "attribute_exists(#user) AND attribute_not_exists(#notified)"
                                  + " AND (attribute_not_exists(#lease) OR #lease <= :now)")
                          .expressionAttributeNames(
                              Map.of(
                                  "#user", ALEXA_USER_ID,
                                  "#notified", NOTIFIED_AT,
                                  "#lease", NOTIFY_LEASE))
                          .expressionAttributeValues(
                              Map.of(
                                  ":now", n(now.toEpochMilli()),
                                  ":lease", n(now.plus(lease).toEpochMilli())))
                          .returnValues("ALL_NEW")
                          .returnValuesOnConditionCheckFailure(
                              ReturnValuesOnConditionCheckFailure.ALL_OLD))
              .attributes();
      return new Claim.Claimed(recipient(item));
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
      if (old.containsKey(NOTIFIED_AT)) {
        return new Claim.AlreadyNotified();
      }
      if (!old.containsKey(ALEXA_USER_ID)) {
        return new Claim.NoRecipient();
      }
      return new Claim.HeldElsewhere();
    } catch (SdkException e) {
      throw StorageFailures.unavailable("notification log", e);
    }
  }

  @Override
  public void markNotified(String commandId, Instant now) {
    update(commandId, "SET #notified = :now REMOVE #lease", Map.of(":now", s(now.toString())));
  }

  @Override
  public void release(String commandId) {
    update(commandId, "REMOVE #lease", null);
  }

  private void update(String commandId, String expression, Map<String, AttributeValue> values) {
    try {
      dynamoDb.updateItem(
          r -> {
            r.tableName(table)
                .key(key(commandId))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(
                    expression.contains("#notified")
                        ? Map.of(
                            "#pk", COMMANDS_PK, "#notified", NOTIFIED_AT, "#lease", NOTIFY_LEASE)
                        : Map.of("#pk", COMMANDS_PK, "#lease", NOTIFY_LEASE));
            if (values != null) {
              r.expressionAttributeValues(values);
            }
          });
    } catch (ConditionalCheckFailedException e) {
      // The command expired from the log meanwhile: nothing left to mark.
    } catch (SdkException e) {
      throw StorageFailures.unavailable("notification log", e);
    }
  }

  private static Recipient recipient(Map<String, AttributeValue> item) {
    String locale = str(item, ALEXA_LOCALE);
    String region = str(item, ALEXA_REGION);
    return new Recipient(
        str(item, ALEXA_USER_ID),
        locale == null ? "en-US" : locale,
        region == null ? "NA" : region);
  }

  private static Map<String, AttributeValue> key(String commandId) {
    return Map.of(COMMANDS_PK, s(commandId));
  }

  /**
   * One small item per user, key {@code #consent#<SHA-256 of the user id>} (command ids are UUIDs,
   * so no command takes such a key; the user id itself is not stored), put once.
   */
  @Override
  public boolean markConsentAsked(String alexaUserId) {
    try {
      dynamoDb.putItem(
          r ->
              r.tableName(table)
                  .item(Map.of(COMMANDS_PK, s(CONSENT_PREFIX + sha256(alexaUserId))))
                  .conditionExpression("attribute_not_exists(#pk)")
                  .expressionAttributeNames(Map.of("#pk", COMMANDS_PK)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw StorageFailures.unavailable("notification log", e);
    }
  }

  static String sha256(String value) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
