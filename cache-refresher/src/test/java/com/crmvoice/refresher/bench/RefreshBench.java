package com.crmvoice.refresher.bench;

import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.refresher.RefresherStack;
import com.crmvoice.testkit.bench.AwsCallMeter;
import com.crmvoice.testkit.bench.BenchRow;
import com.crmvoice.testkit.bench.BenchRow.Goal;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The refresher's figures on one machine: N open leads across M owners in the fake Salesforce, the
 * lead cache in DynamoDB Local, the handler invoked as the schedule invokes it. Prints, for a first
 * full pass, a full pass over the unchanged org and an incremental pass after 100 changes: wall
 * time, heap, DynamoDB items written and deleted, Salesforce calls.
 *
 * <pre>
 * mvn -B -pl cache-refresher -am test-compile -Prefresh-bench \
 *   [-Dbench.owners=10000 -Dbench.leadsPerOwner=10 -Dbench.heap=2g]
 * </pre>
 *
 * The profile runs this main in a JVM of its own (DDB_LOCAL_TELEMETRY=0). Arguments: owners
 * (default 10000), open leads per owner (default 10). DynamoDB Local and the fake Salesforce run in
 * the same JVM, so the heap figures include theirs; the pass thread's own allocation is printed
 * beside them.
 */
public final class RefreshBench {

  static final String ITEM = "4 refresher";

  /** The refresher's default REFRESH_CONCURRENCY. */
  private static final int WRITERS = 4;

  private RefreshBench() {}

  public static void main(String[] args) {
    int status = 0;
    try {
      bench(args);
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    // The engines stop in their shutdown hook; their server threads would keep the JVM alive.
    System.exit(status);
  }

  private static void bench(String[] args) throws Exception {
    int owners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int leadsPerOwner = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    // Overlap 0: the seed stamps thousands of leads within the last seconds, which a real org does
    // not; with an overlap the incremental pass would read the tail of the seed again.
    try (RefresherStack stack =
        new RefresherStack(Map.of("REFRESH_WATERMARK_OVERLAP_SECONDS", "0"))) {
      long seedStart = System.nanoTime();
      stack.salesforce.seed(owners, leadsPerOwner, 2026);
      System.out.printf(
          "seeded %,d open leads across %,d owners in %,d ms (Java %s, %d CPUs, max heap %,d MB)%n",
          owners * leadsPerOwner,
          owners,
          (System.nanoTime() - seedStart) / 1_000_000,
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);

      if (leadsPerOwner == 0) { // the deal passes alone, when the machine is too slow for both
        deals(stack, owners, args.length > 2 ? Integer.parseInt(args[2]) : 5);
        return;
      }
      // The first full pass, over the empty cache, is the refresher's own JVM at -Xmx256m, as
      // Lambda runs it (one pass at full size, not two); the passes after it run in this JVM.
      Pass full = ownJvmFullPass(stack);
      Pass unchanged = run(stack, "full pass (no change)", "full");
      long bareMillis = bareWrite(stack);

      // What the last incremental pass would have stored: the newest SystemModstamp.
      Instant newest =
          stack.salesforce.leads().stream()
              .map(l -> (Instant) l.get("SystemModstamp"))
              .max(Instant::compareTo)
              .orElseThrow();
      stack.watermarks.advance(newest);
      Thread.sleep(5);
      String changes = change(stack, owners, 100);
      System.out.println("changes: " + changes);
      Pass incremental = run(stack, "incremental pass (100 changes)", "incremental");
      Pass quiet = run(stack, "incremental pass (no change)", "incremental");
      int dealsPerOwner = args.length > 2 ? Integer.parseInt(args[2]) : 5;
      deals(stack, owners, dealsPerOwner);

      String size = String.format("%,d leads / %,d owners", owners * leadsPerOwner, owners);
      BenchRow.vs(
              ITEM,
              "full pass, empty cache ("
                  + size
                  + "), the refresher in its own JVM at -Xmx256m, serial GC",
              full.millis() / 1000.0,
              "s",
              "bare BatchWriteItem of the same items, " + WRITERS + " threads",
              bareMillis / 1000.0,
              Goal.ratioAtMost(1.5))
          .emit();
      BenchRow.of(ITEM, "full pass, empty cache", full.millis() / 1000.0, "s", Goal.valueAtMost(30))
          .emit();
      BenchRow.of(
              ITEM,
              "GC time in the full pass (own JVM, -Xmx256m, serial GC)",
              full.gcMillis() / 1000.0,
              "s",
              null)
          .emit();
      BenchRow.of(ITEM, "items written by the full pass", full.written(), "items", null).emit();
      BenchRow.of(ITEM, "Salesforce calls, full pass", full.crmCalls(), "calls", null).emit();
      BenchRow.of(
              ITEM,
              "items written, full pass with no change",
              unchanged.written(),
              "items",
              Goal.valueAtMost(0))
          .emit();
      BenchRow.of(
              ITEM,
              "Salesforce calls, incremental pass after 100 changes",
              incremental.crmCalls(),
              "calls",
              Goal.valueAtMost(3))
          .emit();
      BenchRow.of(
              ITEM,
              "incremental pass after 100 changes",
              incremental.millis() / 1000.0,
              "s",
              Goal.valueAtMost(2))
          .emit();
      BenchRow.of(
              ITEM,
              "items written + deleted, incremental pass after 100 changes",
              incremental.written() + incremental.deleted(),
              "items",
              null)
          .emit();
      BenchRow.of(
              ITEM,
              "items written, incremental pass with no change",
              quiet.written(),
              "items",
              Goal.valueAtMost(0))
          .emit();
      if (AwsCallMeter.installed()) {
        BenchRow.of(ITEM, "DynamoDB write units, full pass", full.writeUnits(), "WCU", null).emit();
        BenchRow.of(
                ITEM,
                "DynamoDB read units, full pass with no change",
                unchanged.readUnits(),
                "RRU",
                null)
            .emit();
        BenchRow.of(
                ITEM,
                "DynamoDB read units, incremental pass with no change",
                quiet.readUnits(),
                "RRU",
                null)
            .emit();
        BenchRow.of(
                ITEM,
                "Salesforce calls, incremental pass with no change",
                quiet.crmCalls(),
                "calls",
                null)
            .emit();
        BenchRow.of(
                ITEM,
                "DynamoDB write units, incremental pass after 100 changes",
                incremental.writeUnits(),
                "WCU",
                null)
            .emit();
        BenchRow.of(
                ITEM,
                "DynamoDB read units, incremental pass after 100 changes",
                incremental.readUnits(),
                "RRU",
                null)
            .emit();
      }
    }
  }

  /**
   * The deal passes over the same org, after its leads: {@code dealsPerOwner} open deals and one
   * won deal for each owner; a full pass over an empty deal cache, one over the unchanged org, an
   * incremental pass after 100 stage changes, and one with no change.
   */
  private static void deals(RefresherStack stack, int owners, int dealsPerOwner) throws Exception {
    long seedStart = System.nanoTime();
    stack.salesforce.opportunities().seed(owners, dealsPerOwner, 2026);
    System.out.printf(
        "seeded %,d open and %,d won deals across %,d owners in %,d ms%n",
        owners * dealsPerOwner, owners, owners, (System.nanoTime() - seedStart) / 1_000_000);
    Pass full = run(stack, "deals-full (empty cache)", "deals-full");
    Pass unchanged = run(stack, "deals-full (no change)", "deals-full");
    AggregatePlan.measure(stack.salesforce, unchanged.crmCalls());
    // As for the leads: the seed stamps its rows ahead of the clock (one stamp per row), past the
    // full pass's start, which a real org does not; the watermark the last pass would have stored
    // is the newest stamp, so the incremental pass reads the 100 changes, not the seed's tail.
    Instant newest =
        stack.salesforce.opportunities().all().stream()
            .map(d -> (Instant) d.get("LastModifiedDate"))
            .max(Instant::compareTo)
            .orElseThrow();
    new com.crmvoice.adapters.dynamodb.DynamoDbWatermarkStore(
            stack.clients.dynamoDb(),
            stack.leadsTable,
            com.crmvoice.adapters.dynamodb.DynamoDbWatermarkStore.DEALS_WATERMARK_SK)
        .advance(newest);
    Thread.sleep(5);
    List<java.util.Map<String, Object>> all = stack.salesforce.opportunities().all();
    int changed = 0;
    for (java.util.Map<String, Object> deal : all) {
      if (changed == 100) {
        break;
      }
      if (!Boolean.TRUE.equals(deal.get("IsClosed"))) {
        stack
            .salesforce
            .opportunities()
            .update((String) deal.get("Id"), Map.of("StageName", "Closed Won"));
        changed++;
      }
    }
    Pass incremental = run(stack, "deals-incremental (100 changes)", "deals-incremental");
    Pass quiet = run(stack, "deals-incremental (no change)", "deals-incremental");
    String size = String.format("%,d deals / %,d owners", owners * (dealsPerOwner + 1), owners);
    BenchRow.of(ITEM, "deals-full, empty cache (" + size + ")", full.millis() / 1000.0, "s", null)
        .emit();
    BenchRow.of(ITEM, "items written, deals-full", full.written(), "items", null).emit();
    BenchRow.of(ITEM, "Salesforce calls, deals-full", full.crmCalls(), "calls", null).emit();
    BenchRow.of(ITEM, "deals-full, no change", unchanged.millis() / 1000.0, "s", null).emit();
    BenchRow.of(
            ITEM,
            "items written, deals-full with no change",
            unchanged.written(),
            "items",
            Goal.valueAtMost(0))
        .emit();
    BenchRow.of(
            ITEM,
            "Salesforce calls, deals-full with no change",
            unchanged.crmCalls(),
            "calls",
            null)
        .emit();
    BenchRow.of(
            ITEM, "deals-incremental after 100 changes", incremental.millis() / 1000.0, "s", null)
        .emit();
    BenchRow.of(
            ITEM,
            "items written, deals-incremental after 100 changes",
            incremental.written(),
            "items",
            null)
        .emit();
    BenchRow.of(
            ITEM,
            "Salesforce calls, deals-incremental after 100 changes",
            incremental.crmCalls(),
            "calls",
            null)
        .emit();
    BenchRow.of(
            ITEM,
            "items written, deals-incremental with no change",
            quiet.written(),
            "items",
            Goal.valueAtMost(0))
        .emit();
  }

  /** What one pass gave. */
  private record Pass(
      long millis,
      long gcMillis,
      long written,
      long deleted,
      long crmCalls,
      double writeUnits,
      double readUnits) {}

  /**
   * The limit for the full pass: the items it wrote, read back, written again to a fresh table of
   * the same schema on the same DynamoDB Local with BatchWriteItem (25 items a call, the most
   * DynamoDB takes) from {@link #WRITERS} threads, the refresher's default concurrency.
   *
   * @return milliseconds for the writes alone
   */
  private static long bareWrite(RefresherStack stack) throws InterruptedException {
    DynamoDbClient dynamoDb = stack.clients.dynamoDb();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamoDb.scanPaginator(r -> r.tableName(stack.leadsTable)).items().forEach(items::add);
    String table = stack.leadsTable + "-bare";
    ResourceDefinitions.createLeadsTable(dynamoDb, table);
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(WRITERS);
    long start = System.nanoTime();
    for (int t = 0; t < WRITERS; t++) {
      Thread writer =
          new Thread(
              () -> {
                for (int from = next.getAndAdd(25);
                    from < items.size();
                    from = next.getAndAdd(25)) {
                  List<WriteRequest> writes =
                      items.subList(from, Math.min(items.size(), from + 25)).stream()
                          .map(i -> WriteRequest.builder().putRequest(p -> p.item(i)).build())
                          .toList();
                  Map<String, List<WriteRequest>> pending = Map.of(table, writes);
                  while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    pending =
                        dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
                  }
                }
                done.countDown();
              },
              "bare-writer");
      writer.setDaemon(true);
      writer.start();
    }
    done.await();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "bare BatchWriteItem of the %,d items the full pass wrote, %d threads: %,d ms%n",
        items.size(), WRITERS, millis);
    return millis;
  }

  /**
   * The first full pass, over the empty cache, by the refresher in a JVM of its own with -Xmx256m
   * and Lambda's flags (DynamoDB Local and the fake Salesforce stay in this one).
   *
   * @return what the pass gave, from the child's report line
   * @throws IllegalStateException if the child failed
   */
  private static Pass ownJvmFullPass(RefresherStack stack) throws Exception {
    String javaBin =
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            javaBin,
            "-Xmx256m",
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            RefreshPassJvm.class.getName(),
            "full");
    builder.environment().putAll(stack.env);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    stack.salesforce.resetCalls();
    Process child = builder.start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = child.waitFor();
    String line = output.lines().filter(l -> l.startsWith("pass ms=")).findFirst().orElse(null);
    System.out.println("full pass (empty cache), own JVM (-Xmx256m), exit " + exit + ": " + line);
    if (exit != 0 || line == null) {
      throw new IllegalStateException("the refresher's own JVM failed: exit " + exit);
    }
    JsonNode report =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(line.substring(line.indexOf("output=") + "output=".length()));
    return new Pass(
        Long.parseLong(field(line, "ms")),
        Long.parseLong(field(line, "gc")),
        report.get("itemsWritten").asLong(),
        report.get("itemsDeleted").asLong(),
        report.get("crmCalls").asLong(),
        Double.parseDouble(field(line, "wcu")),
        Double.parseDouble(field(line, "rru")));
  }

  /** One {@code name=value} field of the child's report line. */
  private static String field(String line, String name) {
    return line.replaceAll(".*\\b" + name + "=(-?[0-9.]+).*", "$1");
  }

  /** 100 changes of every kind, on random owners; answers a summary. */
  private static String change(RefresherStack stack, int owners, int count) {
    Random random = new Random(7);
    int closed = 0;
    int converted = 0;
    int reassigned = 0;
    int created = 0;
    int edited = 0;
    for (int i = 0; i < count; i++) {
      String owner = String.format("005%012dAAA", 1 + random.nextInt(owners));
      List<String> top = stack.expectedIds(owner);
      switch (i % 5) {
        case 0 -> {
          stack.salesforce.updateLead(top.get(0), Map.of("Status", "Closed - Not Converted"));
          closed++;
        }
        case 1 -> {
          stack.salesforce.updateLead(top.get(0), Map.of("IsConverted", true));
          converted++;
        }
        case 2 -> {
          String to = String.format("005%012dAAA", 1 + random.nextInt(owners));
          stack.salesforce.updateLead(top.get(1), Map.of("OwnerId", to));
          reassigned++;
        }
        case 3 -> {
          stack.salesforce.insertLead(
              Map.of(
                  "OwnerId",
                  owner,
                  "LastName",
                  "Bench" + i,
                  "Company",
                  "Initech",
                  "CreatedDate",
                  Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i)));
          created++;
        }
        default -> {
          stack.salesforce.updateLead(top.get(2), Map.of("Phone", "+1 555 0100" + i));
          edited++;
        }
      }
    }
    return String.format(
        "closed=%d converted=%d reassigned=%d created=%d edited=%d",
        closed, converted, reassigned, created, edited);
  }

  private static Pass run(RefresherStack stack, String label, String pass) throws Exception {
    System.gc();
    long gcBefore = gcMillis();
    AwsCallMeter.reset();
    List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
        heapPools.add(pool);
      }
    }
    long usedBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    AtomicLong sampledPeak = new AtomicLong(usedBefore);
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                sampledPeak.accumulateAndGet(used, Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    stack.salesforce.resetCalls();

    long start = System.nanoTime();
    JsonNode report = stack.pass(pass);
    long millis = (System.nanoTime() - start) / 1_000_000;

    long gc = gcMillis() - gcBefore;
    AwsCallMeter.Counts aws = AwsCallMeter.counts();
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    sampler.interrupt();
    sampler.join();
    long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(
        "%-32s time=%,d ms owners=%,d changed=%,d leadsRead=%,d itemsWritten=%,d itemsDeleted=%,d"
            + " salesforceCalls=%d %s heapBefore=%,d MB heapPeakSampled=%,d MB"
            + " heapPoolPeaks=%,d MB passThreadAllocated=%,d MB gc=%,d ms%n",
        label,
        millis,
        report.get("ownersSeen").asLong(),
        report.get("ownersChanged").asLong(),
        report.get("leadsRead").asLong(),
        report.get("itemsWritten").asLong(),
        report.get("itemsDeleted").asLong(),
        report.get("crmCalls").asLong(),
        stack.salesforce.calls(),
        usedBefore >> 20,
        sampledPeak.get() >> 20,
        poolPeaks >> 20,
        allocated >> 20,
        gc);
    return new Pass(
        millis,
        gc,
        report.get("itemsWritten").asLong(),
        report.get("itemsDeleted").asLong(),
        report.get("crmCalls").asLong(),
        aws.writeUnits(),
        aws.readUnits());
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .filter(t -> t > 0)
        .sum();
  }
}
