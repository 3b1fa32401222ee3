package com.crmvoice.worker;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The chaos run: N create commands through the real queue, worker and fake Salesforce while a fifth
 * of the polls that reach Salesforce meet an injected fault (503 storms, lock errors, request
 * limits, dropped connections, commit-then-drop, commit-then-stall past the timeout on every retry,
 * expired tokens), with the circuit breaker at its defaults. Every command must end as exactly one
 * lead.
 *
 * <pre>
 * DDB_LOCAL_TELEMETRY=0 mvn -B -q -pl crm-worker -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.crmvoice.worker.ChaosRun -Dexec.args=1000</pre>
 */
public final class ChaosRun {

  /** The worker's attempts per call (WORKER_MAX_ATTEMPTS). */
  static final int ATTEMPTS = 2;

  /** The counts a run ends with. */
  public record Counts(
      int commands,
      int leads,
      int done,
      int failed,
      int lost,
      int duplicated,
      int deadLettered,
      int polls,
      int redelivered,
      Map<String, Integer> faults,
      long millis) {
    @Override
    public String toString() {
      return String.format(
          "chaos: commands=%d leads=%d done=%d failed=%d lost=%d duplicated=%d dead-lettered=%d"
              + " polls=%d faulted-polls=%d redelivered-commands=%d faults=%s in %d ms",
          commands,
          leads,
          done,
          failed,
          lost,
          duplicated,
          deadLettered,
          polls,
          faults.values().stream().mapToInt(Integer::intValue).sum(),
          redelivered,
          faults,
          millis);
    }
  }

  public static Counts run(int commands, long seed) {
    // The circuit breaker at its defaults (50 %, 5 calls, 30 s open), as deployed.
    Map<String, String> env =
        Map.of(
            "SALESFORCE_EXTERNAL_ID_FIELD",
            FakeSalesforce.EXTERNAL_ID_FIELD,
            "WORKER_MAX_ATTEMPTS",
            String.valueOf(ATTEMPTS));
    long start = System.nanoTime();
    try (WorkerStack stack = new WorkerStack(env, 50)) {
      Random random = new Random(seed);
      Map<String, Integer> injected = new HashMap<>();
      List<Map.Entry<String, Consumer<FakeSalesforce>>> faults =
          List.of(
              Map.entry("503", sf -> sf.faults().failNext(1 + random.nextInt(3), 503)),
              Map.entry("lock", sf -> sf.faults().lockErrors(1 + random.nextInt(3))),
              Map.entry("limit", sf -> sf.faults().requestLimit(1)),
              Map.entry("drop", sf -> sf.faults().dropConnections(1)),
              Map.entry("commit-then-drop", sf -> sf.faults().commitThenDrop(1)),
              Map.entry("token-expiry", sf -> sf.faults().expireTokens()),
              // Every attempt of the next call commits, then answers after the client's timeout.
              Map.entry(
                  "commit-then-stall",
                  sf -> sf.faults().commitThenStall(ATTEMPTS, WorkerStack.PAST_THE_TIMEOUT)));
      for (int i = 0; i < commands; i++) {
        stack.submit(String.format("chaos-%05d", i), "Chaos" + i);
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      int polls = 0;
      while (System.nanoTime() < deadline && stack.depth(stack.queue.queueUrl()) > 0) {
        // A fault is Salesforce misbehaving on a call: injected only before a poll that will call
        // it (messages waiting, the circuit letting calls through), the first such poll always
        // meeting commit-then-stall, then a fifth of them a random fault.
        boolean reachesSalesforce =
            !stack.handlerCircuitOpen() && stack.visible(stack.queue.queueUrl()) > 0;
        if (reachesSalesforce && (injected.isEmpty() || random.nextInt(100) < 20)) {
          var fault =
              injected.isEmpty()
                  ? faults.get(faults.size() - 1)
                  : faults.get(random.nextInt(faults.size()));
          fault.getValue().accept(stack.salesforce);
          injected.merge(fault.getKey(), 1, Integer::sum);
        }
        polls++;
        if (stack.eventSource.pollOnce() == 0) {
          WorkerStack.sleep(50);
        }
      }
      stack.salesforce.faults().clear();
      Map<String, Integer> perCommand = new HashMap<>();
      for (Map<String, Object> lead : stack.salesforce.leads()) {
        Object id = lead.get(FakeSalesforce.EXTERNAL_ID_FIELD);
        if (id != null) {
          perCommand.merge(id.toString(), 1, Integer::sum);
        }
      }
      int done = 0;
      int failed = 0;
      int lost = 0;
      int redelivered = 0;
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < commands; i++) {
        String id = String.format("chaos-%05d", i);
        seen.add(id);
        CommandState state = stack.log.find(id).map(r -> r.state()).orElse(null);
        if (stack.log.find(id).map(r -> r.attempts() > 1).orElse(false)) {
          redelivered++;
        }
        if (state == CommandState.DONE) {
          done++;
        } else if (state == CommandState.FAILED) {
          failed++;
        }
        if (perCommand.getOrDefault(id, 0) == 0) {
          lost++;
        }
      }
      int duplicated = (int) perCommand.values().stream().filter(n -> n > 1).count();
      int deadLettered = stack.depth(stack.queue.dlqUrl());
      return new Counts(
          commands,
          stack.salesforce.leadCount(),
          done,
          failed,
          lost,
          duplicated,
          deadLettered,
          polls,
          redelivered,
          injected,
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  public static void main(String[] args) {
    int commands = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Counts counts = run(commands, 20261124L);
    System.out.println(counts);
    System.exit(
        counts.lost() == 0 && counts.duplicated() == 0 && counts.leads() == commands ? 0 : 1);
  }
}
