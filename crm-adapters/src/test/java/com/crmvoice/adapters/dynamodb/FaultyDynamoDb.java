package com.crmvoice.adapters.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
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
 * (a concurrent writer) lets the call go on to meet it.
 */
final class FaultyDynamoDb implements DynamoDbClient {

  private final DynamoDbClient delegate;
  private final Map<Integer, Runnable> faults = new HashMap<>();
  private int transactions;

  FaultyDynamoDb(DynamoDbClient delegate) {
    this.delegate = delegate;
  }

  /** Runs {@code fault} before the {@code call}-th TransactWriteItems call from now. */
  FaultyDynamoDb beforeTransaction(int call, Runnable fault) {
    faults.put(transactions + call, fault);
    return this;
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
