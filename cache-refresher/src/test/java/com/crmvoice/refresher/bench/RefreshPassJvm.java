package com.crmvoice.refresher.bench;

import com.crmvoice.refresher.CacheRefresherHandler;
import com.crmvoice.testkit.bench.AwsCallMeter;
import com.crmvoice.testkit.lambda.LambdaEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The refresher alone in a JVM of its own, as Lambda runs it: the handler from System.getenv (the
 * tables and the fake Salesforce are in the {@link RefreshBench} process), one scheduled pass
 * (args[0], "full" by default). Prints one line: {@code pass ms=… gc=… gcCount=… heapMax=… wcu=…
 * rru=… output=…} (the capacity units as counted by testkit's AwsCallMeter when it is on the class
 * path, -1 otherwise).
 */
public final class RefreshPassJvm {

  private RefreshPassJvm() {}

  public static void main(String[] args) throws Exception {
    String pass = args.length > 0 ? args[0] : "full";
    CacheRefresherHandler handler = new CacheRefresherHandler();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AwsCallMeter.reset();
    long gcBefore = gc(false);
    long start = System.nanoTime();
    handler.handleRequest(
        new ByteArrayInputStream(
            LambdaEvents.scheduledInput(pass).getBytes(StandardCharsets.UTF_8)),
        out,
        null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "pass ms=%d gc=%d gcCount=%d heapMax=%d wcu=%.1f rru=%.1f output=%s%n",
        millis,
        gc(false) - gcBefore,
        gc(true),
        Runtime.getRuntime().maxMemory() >> 20,
        AwsCallMeter.installed() ? AwsCallMeter.counts().writeUnits() : -1.0,
        AwsCallMeter.installed() ? AwsCallMeter.counts().readUnits() : -1.0,
        out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " "));
    System.exit(0);
  }

  /** Collection time (ms), or the number of collections, over every collector so far. */
  private static long gc(boolean count) {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, count ? gc.getCollectionCount() : gc.getCollectionTime());
    }
    return sum;
  }
}
