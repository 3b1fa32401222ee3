package com.crmvoice.adapters.dynamodb;

import com.crmvoice.core.port.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many items of one table by key with BatchGetItem: at most 100 keys a call (DynamoDB's
 * limit), only the projected attributes, and the keys a call leaves unprocessed (throughput, the 16
 * MB answer limit) asked again after a pause that doubles each time, as the BatchGetItem reference
 * advises, up to {@value #MAX_ATTEMPTS} calls per batch. Items of keys that do not exist are simply
 * absent.
 */
final class BatchKeyReads {

  static final int MAX_KEYS = 100;
  static final int MAX_ATTEMPTS = 8;
  private static final long FIRST_PAUSE_MILLIS = 20;

  private BatchKeyReads() {}

  /**
   * @param projection the projection expression over {@code names}
   * @param store what is read, as a failure names it ("agenda cache")
   * @throws StorageUnavailableException when a call fails, or keys stay unprocessed
   */
  static List<Map<String, AttributeValue>> read(
      DynamoDbClient dynamoDb,
      String table,
      List<Map<String, AttributeValue>> keys,
      String projection,
      Map<String, String> names,
      String store) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += MAX_KEYS) {
      Map<String, KeysAndAttributes> request =
          Map.of(
              table,
              KeysAndAttributes.builder()
                  .keys(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)))
                  .projectionExpression(projection)
                  .expressionAttributeNames(names)
                  .build());
      for (int attempt = 1; !request.isEmpty(); attempt++) {
        if (attempt > MAX_ATTEMPTS) {
          throw new StorageUnavailableException(
              store + " unavailable: keys still unprocessed after " + MAX_ATTEMPTS + " calls",
              null);
        }
        if (attempt > 1) {
          pause(FIRST_PAUSE_MILLIS << (attempt - 2));
        }
        Map<String, KeysAndAttributes> asked = request;
        BatchGetItemResponse response;
        try {
          response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
        } catch (SdkException e) {
          throw StorageFailures.unavailable(store, e);
        }
        items.addAll(response.responses().getOrDefault(table, List.of()));
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return items;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while reading the cache", e);
    }
  }
}
