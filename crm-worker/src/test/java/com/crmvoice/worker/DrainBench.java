package com.crmvoice.worker;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.testkit.aws.LocalSqsEventSource;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Throughput of the create path end to end: N commands queued in ElasticMQ, drained by C worker
 * "containers" (each its own handler and local event source, as Lambda scales out) into the fake
 * Salesforce answering every call after a set latency. Prints leads per second and Salesforce API
 * calls per created lead; asserts nothing about time.
 *
 * <pre>
 * DDB_LOCAL_TELEMETRY=0 mvn -B -q -pl crm-worker -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.crmvoice.worker.DrainBench -Dexec.args="2000 100 2"</pre>
 *
 * Arguments: commands (default 2000), Salesforce latency in ms (default 100), containers (default
 * 2).
 */
public final class DrainBench {

  private DrainBench() {}

  public static void main(String[] args) throws InterruptedException {
    int commands = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int containers = args.length > 2 ? Integer.parseInt(args[2]) : 2;

    try (WorkerStack stack =
        new WorkerStack(
            Map.of("SALESFORCE_EXTERNAL_ID_FIELD", FakeSalesforce.EXTERNAL_ID_FIELD), 5)) {
      IntStream.range(0, commands)
          .parallel()
          .forEach(i -> stack.submit(String.format("bench-%06d", i), "Bench" + i));
      stack.salesforce.faults().latency(Duration.ofMillis(latencyMs));
      stack.salesforce.resetCalls();

      List<LocalSqsEventSource> sources = new ArrayList<>();
      sources.add(stack.eventSource);
      for (int c = 1; c < containers; c++) {
        CrmWorkerHandler handler = new CrmWorkerHandler(stack.env);
        sources.add(
            new LocalSqsEventSource(
                stack.clients.sqs(),
                stack.queue.queueUrl(),
                e -> handler.handleRequest(e, null),
                10,
                0));
      }
      long start = System.nanoTime();
      CountDownLatch finished = new CountDownLatch(containers);
      for (LocalSqsEventSource source : sources) {
        Thread thread =
            new Thread(
                () -> {
                  int empty = 0;
                  while (empty < 3) {
                    empty = source.pollOnce() == 0 ? empty + 1 : 0;
                  }
                  finished.countDown();
                },
                "container");
        thread.setDaemon(true);
        thread.start();
      }
      finished.await(10, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - start) / 1e9;

      int created = stack.salesforce.leadCount();
      long done =
          IntStream.range(0, commands)
              .mapToObj(i -> String.format("bench-%06d", i))
              .filter(
                  id -> stack.log.find(id).map(r -> r.state() == CommandState.DONE).orElse(false))
              .count();
      Map<String, Integer> calls = stack.salesforce.calls();
      int apiCalls = calls.values().stream().mapToInt(Integer::intValue).sum();
      System.out.printf(
          "drain: commands=%d containers=%d latency=%dms created=%d done=%d in %.2f s"
              + " -> %.1f leads/s, %.3f Salesforce calls per lead %s%n",
          commands,
          containers,
          latencyMs,
          created,
          done,
          seconds,
          created / seconds,
          created == 0 ? 0.0 : (double) apiCalls / created,
          calls);
    }
    // The embedded engines keep non-daemon threads; exec:java would wait for them forever.
    System.exit(0);
  }
}
