package com.crmvoice.refresher.bench;

import com.crmvoice.refresher.RefresherStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

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

      run(stack, "full pass (empty cache)", "full");
      run(stack, "full pass (no change)", "full");

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
      run(stack, "incremental pass (100 changes)", "incremental");
      run(stack, "incremental pass (no change)", "incremental");
    }
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

  private static void run(RefresherStack stack, String label, String pass) throws Exception {
    System.gc();
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

    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    sampler.interrupt();
    sampler.join();
    long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(
        "%-32s time=%,d ms owners=%,d changed=%,d leadsRead=%,d itemsWritten=%,d itemsDeleted=%,d"
            + " salesforceCalls=%d %s heapBefore=%,d MB heapPeakSampled=%,d MB"
            + " heapPoolPeaks=%,d MB passThreadAllocated=%,d MB%n",
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
        allocated >> 20);
  }
}
