package com.crmvoice.refresher.bench;

import com.crmvoice.refresher.CacheRefresherHandler;
import com.crmvoice.testkit.lambda.LambdaEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The refresher alone in a JVM of its own, as Lambda runs it: the handler from System.getenv (the
 * tables and the fake Salesforce are in the {@link RefreshBench} process), one scheduled pass
 * (args[0], "full" by default). Prints one line: {@code pass ms=… gc=… gcCount=… heapMax=…
 * output=…}.
 */
public final class RefreshPassJvm {

  private RefreshPassJvm() {}

  public static void main(String[] args) throws Exception {
    String pass = args.length > 0 ? args[0] : "full";
    CacheRefresherHandler handler = new CacheRefresherHandler();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long gcBefore = gc(false);
    long start = System.nanoTime();
    handler.handleRequest(
        new ByteArrayInputStream(
            LambdaEvents.scheduledInput(pass).getBytes(StandardCharsets.UTF_8)),
        out,
        null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "pass ms=%d gc=%d gcCount=%d heapMax=%d output=%s%n",
        millis,
        gc(false) - gcBefore,
        gc(true),
        Runtime.getRuntime().maxMemory() >> 20,
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
