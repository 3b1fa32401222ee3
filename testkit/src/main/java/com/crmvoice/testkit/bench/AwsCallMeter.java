package com.crmvoice.testkit.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts the AWS calls of every SDK client in the JVM, by {@code Service:Operation}, and the
 * DynamoDB capacity units they consumed (it asks for {@code ReturnConsumedCapacity=TOTAL} on the
 * requests that take it), so the benchmarks can print calls and capacity per request, per command
 * and per pass for the cost table. A global interceptor: {@code ./bench} lists it in a classpath
 * resource {@code software/amazon/awssdk/global/handlers/execution.interceptors} of the benchmark
 * JVMs only; without it the counts stay zero.
 */
public final class AwsCallMeter implements ExecutionInterceptor {

  private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
  private static final DoubleAdder READ_UNITS = new DoubleAdder();
  private static final DoubleAdder WRITE_UNITS = new DoubleAdder();
  private static volatile boolean installed;

  public AwsCallMeter() {
    installed = true;
  }

  /** Whether the SDK picked the meter up (the benchmark JVM lists it). */
  public static boolean installed() {
    return installed;
  }

  /** What was counted since the last {@link #reset()}. */
  public record Counts(Map<String, Long> calls, double readUnits, double writeUnits) {

    public long calls(String operation) {
      return calls.getOrDefault(operation, 0L);
    }

    /** Calls of operations whose name starts with {@code prefix}, as "DynamoDb:" or "Sqs:". */
    public long callsOf(String prefix) {
      return calls.entrySet().stream()
          .filter(e -> e.getKey().startsWith(prefix))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  public static Counts counts() {
    Map<String, Long> calls = new TreeMap<>();
    CALLS.forEach((k, v) -> calls.put(k, v.sum()));
    return new Counts(calls, READ_UNITS.sum(), WRITE_UNITS.sum());
  }

  public static void reset() {
    CALLS.clear();
    READ_UNITS.reset();
    WRITE_UNITS.reset();
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    if (request instanceof QueryRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof GetItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof PutItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof UpdateItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof DeleteItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof TransactWriteItemsRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof BatchWriteItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    return request;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    String name =
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
            + ":"
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    CALLS.computeIfAbsent(name, k -> new LongAdder()).increment();
    SdkResponse response = context.response();
    response
        .getValueForField("ConsumedCapacity", Object.class)
        .ifPresent(
            capacity -> {
              if (capacity instanceof ConsumedCapacity c) {
                add(name, c);
              } else if (capacity instanceof java.util.List<?> list) {
                list.stream()
                    .filter(ConsumedCapacity.class::isInstance)
                    .forEach(c -> add(name, (ConsumedCapacity) c));
              }
            });
  }

  private static void add(String operation, ConsumedCapacity capacity) {
    double units = capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    boolean read = operation.endsWith(":Query") || operation.endsWith(":GetItem");
    if (capacity.readCapacityUnits() != null || capacity.writeCapacityUnits() != null) {
      READ_UNITS.add(capacity.readCapacityUnits() == null ? 0 : capacity.readCapacityUnits());
      WRITE_UNITS.add(capacity.writeCapacityUnits() == null ? 0 : capacity.writeCapacityUnits());
    } else if (read) {
      READ_UNITS.add(units);
    } else {
      WRITE_UNITS.add(units);
    }
  }
}
