package com.crmvoice.adapters.dynamodb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A DynamoDB client that passes every call to a real one, except that a chosen TransactWriteItems
 * call (counted from 1) first runs a fault: one that throws stops the call there; one that writes
 * (a concurrent writer) lets the call go on to meet it; and chosen BatchGetItem calls leave keys
 * unprocessed.
 */
final class FaultyDynamoDb implements DynamoDbClient {

  private final DynamoDbClient delegate;
  private final Map<Integer, Runnable> faults = new HashMap<>();
  private int transactions;
  private int batchGets;
  private int unprocessedAnswers;

  FaultyDynamoDb(DynamoDbClient delegate) {
    this.delegate = delegate;
  }

  /** Runs {@code fault} before the {@code call}-th TransactWriteItems call from now. */
  FaultyDynamoDb beforeTransaction(int call, Runnable fault) {
    faults.put(transactions + call, fault);
    return this;
  }

  /**
   * The next {@code answers} BatchGetItem calls answer only their first key and hand the others
   * back as unprocessed keys, as DynamoDB does when throughput or the answer's size runs out.
   */
  FaultyDynamoDb unprocessedBatchGets(int answers) {
    unprocessedAnswers = answers;
    return this;
  }

  /** How many BatchGetItem calls were made. */
  int batchGets() {
    return batchGets;
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    batchGets++;
    if (unprocessedAnswers == 0) {
      return delegate.batchGetItem(request);
    }
    unprocessedAnswers--;
    Map<String, KeysAndAttributes> first = new HashMap<>();
    Map<String, KeysAndAttributes> rest = new HashMap<>();
    request
        .requestItems()
        .forEach(
            (table, asked) -> {
              List<Map<String, AttributeValue>> keys = asked.keys();
              first.put(table, asked.toBuilder().keys(keys.subList(0, 1)).build());
              if (keys.size() > 1) {
                rest.put(table, asked.toBuilder().keys(keys.subList(1, keys.size())).build());
              }
            });
    BatchGetItemResponse answered =
        delegate.batchGetItem(request.toBuilder().requestItems(first).build());
    return answered.toBuilder().unprocessedKeys(rest).build();
  }

  /** How many TransactWriteItems calls were made (including those a fault stopped). */
  int transactions() {
    return transactions;
  }

  /** What DynamoDB throws when it cancels a transaction for the given reason. */
  static TransactionCanceledException cancelled(String reason) {
    return TransactionCanceledException.builder()
        .message("Transaction cancelled [" + reason + "]")
        .cancellationReasons(CancellationReason.builder().code(reason).build())
        .build();
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    transactions++;
    Runnable fault = faults.remove(transactions);
    if (fault != null) {
      fault.run();
    }
    return delegate.transactWriteItems(request);
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return delegate.putItem(request);
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return delegate.getItem(request);
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return delegate.query(request);
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    return delegate.scan(request);
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {
    // the delegate is shared
  }
}
