package com.crmvoice.worker;

import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.aws.LocalSqsEventSource;
import com.crmvoice.testkit.bench.BenchRow;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The worker's CRM calls per created lead under load, on each CRM: N creates queued in ElasticMQ,
 * drained by C worker containers (each its own handler and local event source, with the event
 * source mapping's batch size and batching window) into the fake Salesforce and then, the same
 * drain, into the fake Dataverse, every call answered after a set latency. Prints, with {@link
 * BenchRow}s, Dataverse's Web API requests per created lead next to Salesforce's REST calls per
 * created lead of the same drain (token requests counted apart). Asserts nothing about time.
 * Arguments: creates (2000), latency ms (100), containers (2), batch size (200), window s (1).
 */
public final class CrmCallsBench {

  /** The worker's item in the bench table (as DrainBench's rows). */
  static final String ITEM = "3 worker";

  private CrmCallsBench() {}

  /** What one drain gave: API calls and token calls per created lead, and the calls by kind. */
  record Drained(
      int created, double callsPerLead, double tokensPerLead, Map<String, Integer> kinds) {}

  public static void main(String[] args) throws InterruptedException {
    int commands = arg(args, 0, 2000);
    int latencyMs = arg(args, 1, 100);
    int containers = arg(args, 2, 2);
    int batchSize = arg(args, 3, 200);
    Duration window = Duration.ofSeconds(arg(args, 4, 1));
    String setting =
        String.format(
            "%,d creates, %d containers, batch %d, window %d s, CRM %d ms",
            commands, containers, batchSize, window.toSeconds(), latencyMs);
    Drained salesforce = drain("salesforce", commands, latencyMs, containers, batchSize, window);
    Drained dynamics = drain("dynamics", commands, latencyMs, containers, batchSize, window);
    BenchRow.vs(
            ITEM,
            "Dataverse calls per created lead (" + setting + ")",
            dynamics.callsPerLead(),
            "calls",
            "Salesforce calls per created lead, same drain",
            salesforce.callsPerLead(),
            null)
        .emit();
    BenchRow.vs(
            ITEM,
            "Dataverse token requests per created lead (same)",
            dynamics.tokensPerLead(),
            "calls",
            "Salesforce token requests per created lead",
            salesforce.tokensPerLead(),
            null)
        .emit();
    BenchRow.vs(
            ITEM,
            "leads created in Dataverse of queued (same)",
            dynamics.created(),
            "leads",
            "in Salesforce",
            salesforce.created(),
            BenchRow.Goal.ratioAtLeast(1))
        .emit();
    // The embedded engines keep non-daemon threads.
    System.exit(0);
  }

  private static Drained drain(
      String crm, int commands, int latencyMs, int containers, int batchSize, Duration window)
      throws InterruptedException {
    try (WorkerStack stack =
        new WorkerStack(
            EmbeddedAws.shared(),
            Map.of("SALESFORCE_EXTERNAL_ID_FIELD", FakeSalesforce.EXTERNAL_ID_FIELD),
            5,
            120,
            crm)) {
      IntStream.range(0, commands)
          .parallel()
          .forEach(i -> stack.submit(String.format("calls-%06d", i), "Bench" + i));
      if (stack.dataverse != null) {
        stack.dataverse.faults().latency(Duration.ofMillis(latencyMs));
        stack.dataverse.resetCalls();
      } else {
        stack.salesforce.faults().latency(Duration.ofMillis(latencyMs));
        stack.salesforce.resetCalls();
      }
      int before = leadCount(stack);
      CountDownLatch done = new CountDownLatch(containers);
      for (int c = 0; c < containers; c++) {
        CrmWorkerHandler handler = c == 0 ? stack.handler : new CrmWorkerHandler(stack.env);
        LocalSqsEventSource source =
            new LocalSqsEventSource(
                stack.clients.sqs(),
                stack.queue.queueUrl(),
                e -> handler.handleRequest(e, null),
                batchSize,
                0,
                window);
        Thread thread =
            new Thread(
                () -> {
                  int empty = 0;
                  while (empty < 3 && leadCount(stack) - before < commands) {
                    empty = source.pollOnce() == 0 ? empty + 1 : 0;
                  }
                  done.countDown();
                },
                crm + "-container-" + c);
        thread.setDaemon(true);
        thread.start();
      }
      done.await(10, TimeUnit.MINUTES);
      int created = leadCount(stack) - before;
      Map<String, Integer> kinds =
          stack.dataverse != null ? stack.dataverse.calls() : stack.salesforce.calls();
      int tokens = kinds.getOrDefault("token", 0);
      int api = kinds.values().stream().mapToInt(Integer::intValue).sum() - tokens;
      Drained drained =
          new Drained(
              created,
              created == 0 ? Double.NaN : api / (double) created,
              created == 0 ? Double.NaN : tokens / (double) created,
              kinds);
      System.out.printf(
          "%s: created=%d of %d, %.4f API calls and %.4f token requests per created lead, calls"
              + " %s%n",
          crm, created, commands, drained.callsPerLead(), drained.tokensPerLead(), kinds);
      return drained;
    }
  }

  private static int leadCount(WorkerStack stack) {
    return stack.dataverse != null ? stack.dataverse.leadCount() : stack.salesforce.leadCount();
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
