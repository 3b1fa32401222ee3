package com.crmvoice.worker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.testkit.aws.LocalSqsEventSource;
import com.crmvoice.testkit.bench.AwsCallMeter;
import com.crmvoice.testkit.bench.BenchRow;
import com.crmvoice.testkit.bench.BenchRow.Goal;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The worker's throughput and the latency a user feels, end to end: commands queued in ElasticMQ,
 * drained by C worker "containers" (each its own handler and local event source, as Lambda scales
 * out, with the event source mapping's batch size and batching window) into the fake Salesforce
 * answering every call after a set latency. Prints, with {@link BenchRow}s:
 *
 * <ul>
 *   <li>leads per second draining N queued creates, next to the same containers draining the same
 *       number of messages with a handler that does nothing (the event source's own limit here);
 *   <li>Salesforce calls per lead, DynamoDB calls and write units per command;
 *   <li>enqueue to DONE, one command at a time, p50 / p99, against the batching window plus two
 *       Salesforce latencies.
 * </ul>
 *
 * Asserts nothing about time. Arguments: commands (2000), Salesforce latency ms (100), containers
 * (2), batch size (200), batching window s (1), one-at-a-time samples (30).
 */
public final class DrainBench {

  static final String ITEM = "3 worker";

  private DrainBench() {}

  public static void main(String[] args) throws InterruptedException {
    int commands = arg(args, 0, 2000);
    int latencyMs = arg(args, 1, 100);
    int containers = arg(args, 2, 2);
    int batchSize = arg(args, 3, 200);
    int windowSeconds = arg(args, 4, 1);
    int samples = arg(args, 5, 30);
    Duration window = Duration.ofSeconds(windowSeconds);
    String setting =
        String.format(
            "%,d creates, %d containers, batch %d, window %d s, Salesforce %d ms",
            commands, containers, batchSize, windowSeconds, latencyMs);

    try (WorkerStack stack =
        new WorkerStack(
            com.crmvoice.testkit.aws.EmbeddedAws.shared(),
            Map.of("SALESFORCE_EXTERNAL_ID_FIELD", FakeSalesforce.EXTERNAL_ID_FIELD),
            5,
            120)) {
      // The event source's own limit: the same containers draining as many messages, no work.
      IntStream.range(0, commands).parallel().forEach(i -> stack.sendRaw("{}"));
      double bareSeconds =
          drain(
              stack,
              containers,
              batchSize,
              window,
              c -> e -> new SQSBatchResponse(List.of()),
              () -> false);
      double bareRate = commands / bareSeconds;
      System.out.printf(
          "no-op drain: %,d messages in %.2f s -> %.0f/s%n", commands, bareSeconds, bareRate);

      List<CrmWorkerHandler> handlers = new ArrayList<>();
      Drained before =
          creates(stack, "before", commands, 10, Duration.ZERO, containers, latencyMs, handlers);
      Drained now =
          creates(stack, "bench", commands, batchSize, window, containers, latencyMs, handlers);
      // Measured after the drains, on a warm JVM, as they ran.
      double writesPerSecond = bareDynamoDbWrites(stack, Math.max(2000, commands), containers);
      double ddbLimit = writesPerSecond / now.dynamoDbCallsPerCommand();

      BenchRow.vs(
              ITEM,
              "throughput (" + setting + ")",
              now.rate(),
              "leads/s",
              "DynamoDB Local limit (bare UpdateItem rate ÷ DynamoDB calls per command)",
              ddbLimit,
              Goal.valueAtLeast(400))
          .emit();
      BenchRow.vs(
              ITEM,
              "throughput (same)",
              now.rate(),
              "leads/s",
              "no-op handler, same event sources",
              bareRate,
              null)
          .emit();
      BenchRow.vs(
              ITEM,
              "throughput with batch 10, no window (the previous template)",
              before.rate(),
              "leads/s",
              "batch " + batchSize + ", window " + windowSeconds + " s",
              now.rate(),
              null)
          .emit();
      BenchRow.vs(
              ITEM,
              "Salesforce calls per lead",
              now.callsPerLead(),
              "calls",
              "batch 10, no window",
              before.callsPerLead(),
              Goal.valueAtMost(0.02))
          .emit();
      BenchRow.of(ITEM, "commands DONE of queued", now.done(), "", Goal.valueAtLeast(commands))
          .emit();
      if (AwsCallMeter.installed()) {
        BenchRow.of(
                ITEM,
                "DynamoDB calls per command (worker)",
                now.dynamoDbCallsPerCommand(),
                "",
                null)
            .emit();
        BenchRow.of(
                ITEM,
                "DynamoDB write units per command (worker)",
                now.aws().writeUnits() / now.created(),
                "WCU",
                null)
            .emit();
        BenchRow.of(
                ITEM,
                "SQS calls per command (event source: receive + delete)",
                now.aws().callsOf("Sqs:") / (double) now.created(),
                "",
                null)
            .emit();
      }

      oneAtATime(stack, handlers.get(0), batchSize, window, latencyMs, samples);
    }
    // The embedded engines keep non-daemon threads.
    System.exit(0);
  }

  /** What one drain of queued creates gave. */
  private record Drained(
      double rate, double callsPerLead, int created, long done, AwsCallMeter.Counts aws) {
    double dynamoDbCallsPerCommand() {
      return created == 0 ? Double.NaN : aws.callsOf("DynamoDb:") / (double) created;
    }
  }

  private static Drained creates(
      WorkerStack stack,
      String prefix,
      int commands,
      int batchSize,
      Duration window,
      int containers,
      int latencyMs,
      List<CrmWorkerHandler> handlers)
      throws InterruptedException {
    stack.salesforce.faults().latency(Duration.ZERO);
    IntStream.range(0, commands)
        .parallel()
        .forEach(i -> stack.submit(String.format("%s-%06d", prefix, i), "Bench" + i));
    stack.salesforce.faults().latency(Duration.ofMillis(latencyMs));
    stack.salesforce.resetCalls();
    int createdBefore = stack.salesforce.leadCount();
    AwsCallMeter.reset();
    double seconds =
        drain(
            stack,
            containers,
            batchSize,
            window,
            c -> {
              if (handlers.size() <= c) {
                handlers.add(c == 0 ? stack.handler : new CrmWorkerHandler(stack.env));
              }
              CrmWorkerHandler handler = handlers.get(c);
              return e -> handler.handleRequest(e, null);
            },
            () -> stack.salesforce.leadCount() - createdBefore >= commands);
    AwsCallMeter.Counts aws = AwsCallMeter.counts();
    int created = stack.salesforce.leadCount() - createdBefore;
    long done =
        IntStream.range(0, commands)
            .mapToObj(i -> String.format("%s-%06d", prefix, i))
            .filter(id -> stack.log.find(id).map(r -> r.state() == CommandState.DONE).orElse(false))
            .count();
    Map<String, Integer> calls = stack.salesforce.calls();
    int apiCalls = calls.values().stream().mapToInt(Integer::intValue).sum();
    double rate = created / seconds;
    double callsPerLead = created == 0 ? 0.0 : (double) apiCalls / created;
    System.out.printf(
        "drain %s: batch %d window %d s: created=%d done=%d in %.2f s -> %.1f leads/s, %.4f"
            + " Salesforce calls per lead %s; AWS calls %s; WCU %.0f%n",
        prefix,
        batchSize,
        window.toSeconds(),
        created,
        done,
        seconds,
        rate,
        callsPerLead,
        calls,
        aws.calls(),
        aws.writeUnits());
    return new Drained(rate, callsPerLead, created, done, aws);
  }

  /** UpdateItem calls per second on the commands table, {@code threads} at a time. */
  private static double bareDynamoDbWrites(WorkerStack stack, int writes, int threads)
      throws InterruptedException {
    software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb = stack.clients.dynamoDb();
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < writes; i = next.getAndIncrement()) {
                  int n = i;
                  dynamoDb.updateItem(
                      r ->
                          r.tableName(stack.commandsTable)
                              .key(
                                  Map.of(
                                      "commandId",
                                      software.amazon.awssdk.services.dynamodb.model.AttributeValue
                                          .fromS("bare-" + (n % 1000))))
                              .updateExpression("SET #s = :s")
                              .expressionAttributeNames(Map.of("#s", "status"))
                              .expressionAttributeValues(
                                  Map.of(
                                      ":s",
                                      software.amazon.awssdk.services.dynamodb.model.AttributeValue
                                          .fromS("DONE"))));
                }
                done.countDown();
              },
              "bare-writer-" + t);
      thread.setDaemon(true);
      thread.start();
    }
    done.await(10, TimeUnit.MINUTES);
    double rate = writes / ((System.nanoTime() - start) / 1e9);
    System.out.printf("bare DynamoDB UpdateItem, %d threads: %.0f/s%n", threads, rate);
    return rate;
  }

  /** Enqueue to DONE with one command in flight, the event source polling in the background. */
  private static void oneAtATime(
      WorkerStack stack,
      CrmWorkerHandler handler,
      int batchSize,
      Duration window,
      int latencyMs,
      int samples)
      throws InterruptedException {
    long[] millis = new long[samples];
    try (LocalSqsEventSource source =
        new LocalSqsEventSource(
            stack.clients.sqs(),
            stack.queue.queueUrl(),
            e -> handler.handleRequest(e, null),
            batchSize,
            1,
            window)) {
      source.start();
      for (int i = 0; i < samples; i++) {
        String id = String.format("single-%06d", i);
        long t0 = System.nanoTime();
        stack.submit(id, "Single" + i);
        while (!stack.log.find(id).map(r -> r.state() == CommandState.DONE).orElse(false)) {
          Thread.sleep(2);
          if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
            throw new IllegalStateException("command " + id + " not DONE within 60 s");
          }
        }
        millis[i] = (System.nanoTime() - t0) / 1_000_000;
      }
    }
    Arrays.sort(millis);
    double p50 = millis[(int) Math.ceil(0.50 * samples) - 1];
    double p99 = millis[(int) Math.ceil(0.99 * samples) - 1];
    double bound = window.toMillis() + 2.0 * latencyMs;
    System.out.printf(
        "one at a time: n=%d enqueue->DONE p50=%.0f ms p99=%.0f ms max=%d ms (window %d ms)%n",
        samples, p50, p99, millis[samples - 1], window.toMillis());
    String ref = "window + 2 × Salesforce latency";
    BenchRow.vs(
            ITEM, "enqueue → DONE, one at a time, p50", p50, "ms", ref, bound, Goal.ratioAtMost(1))
        .emit();
    BenchRow.vs(
            ITEM, "enqueue → DONE, one at a time, p99", p99, "ms", ref, bound, Goal.ratioAtMost(1))
        .emit();
  }

  /**
   * Drains the queue with one event source per container, each on its own thread, until the queue
   * answers empty three times in a row for every container (or {@code finished} holds).
   *
   * @return the seconds it took
   */
  private static double drain(
      WorkerStack stack,
      int containers,
      int batchSize,
      Duration window,
      Function<Integer, Function<SQSEvent, SQSBatchResponse>> handlers,
      java.util.function.BooleanSupplier finished)
      throws InterruptedException {
    List<LocalSqsEventSource> sources = new ArrayList<>();
    for (int c = 0; c < containers; c++) {
      sources.add(
          new LocalSqsEventSource(
              stack.clients.sqs(),
              stack.queue.queueUrl(),
              handlers.apply(c),
              batchSize,
              0,
              window));
    }
    long start = System.nanoTime();
    long[] lastWork = new long[containers];
    CountDownLatch done = new CountDownLatch(containers);
    for (int c = 0; c < containers; c++) {
      LocalSqsEventSource source = sources.get(c);
      int container = c;
      Thread thread =
          new Thread(
              () -> {
                int empty = 0;
                while (empty < 3 && !finished.getAsBoolean()) {
                  if (source.pollOnce() == 0) {
                    empty++;
                  } else {
                    empty = 0;
                    lastWork[container] = System.nanoTime();
                  }
                }
                done.countDown();
              },
              "container-" + c);
      thread.setDaemon(true);
      thread.start();
    }
    done.await(10, TimeUnit.MINUTES);
    long end = Arrays.stream(lastWork).max().orElse(start);
    return Math.max(1, end - start) / 1e9;
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
