package com.crmvoice.worker;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The chaos run: N mixed commands (lead creates, logged calls, follow-up tasks, conditional status
 * changes, a quarter each) through the real queue, worker and fake Salesforce while a fifth of the
 * polls meet an injected fault (503 storms, lock errors, request limits, dropped connections,
 * commit-then-drop, expired tokens). Every command must end as exactly one effect: one lead, one
 * task, or one applied status update.
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
      Map<String, Integer> byType,
      int effects,
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
          "chaos: commands=%d by-type=%s effects=%d leads=%d done=%d failed=%d lost=%d"
              + " duplicated=%d dead-lettered=%d polls=%d faulted-polls=%d redelivered-commands=%d"
              + " faults=%s in %d ms",
          commands,
          byType,
          effects,
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
      Map<String, String> typeOf = new HashMap<>();
      Map<String, String> statusTarget = new HashMap<>();
      int leadsBefore = 0;
      for (int i = 0; i < commands; i++) {
        String id = String.format("chaos-%05d", i);
        String type = TYPES.get(i % TYPES.size());
        typeOf.put(id, type);
        if (type.equals("CreateLead")) {
          stack.submit(id, "Chaos" + i);
          continue;
        }
        // Each activity has a lead of its own, so an applied status change can be counted.
        String leadId =
            stack.salesforce.insertLead(
                Map.of("OwnerId", WorkerStack.OWNER, "LastName", "Target" + i, "Company", "Co"));
        leadsBefore++;
        Instant heard = (Instant) stack.salesforce.lead(leadId).get("LastModifiedDate");
        Instant now = Instant.now();
        switch (type) {
          case "LogCall" ->
              stack.submit(
                  new LogCall(
                      id,
                      WorkerStack.OWNER,
                      leadId,
                      "Target" + i,
                      "Call",
                      "Notes " + i,
                      LocalDate.of(2026, 3, 2),
                      now));
          case "CreateTask" ->
              stack.submit(
                  new CreateTask(
                      id,
                      WorkerStack.OWNER,
                      leadId,
                      "Target" + i,
                      "Follow up",
                      LocalDate.of(2026, 3, 9),
                      now));
          default -> {
            statusTarget.put(id, leadId);
            stack.submit(
                new UpdateLeadStatus(
                    id,
                    WorkerStack.OWNER,
                    leadId,
                    "Target" + i,
                    "Open - Not Contacted",
                    "Working - Contacted",
                    heard,
                    now));
          }
        }
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
      for (Map<String, Object> task : stack.salesforce.tasks()) {
        perCommand.merge(task.get(FakeSalesforce.EXTERNAL_ID_FIELD).toString(), 1, Integer::sum);
      }
      statusTarget.forEach(
          (commandId, leadId) -> {
            int applied = stack.salesforce.appliedLeadUpdates(leadId);
            boolean has = "Working - Contacted".equals(stack.salesforce.lead(leadId).get("Status"));
            if (applied > 0 || has) {
              perCommand.put(commandId, has ? Math.max(applied, 1) : 0);
            }
          });
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
      int effects = perCommand.values().stream().mapToInt(Integer::intValue).sum();
      int deadLettered = stack.depth(stack.queue.dlqUrl());
      Map<String, Integer> byType = new java.util.TreeMap<>();
      typeOf.values().forEach(t -> byType.merge(t, 1, Integer::sum));
      return new Counts(
          commands,
          byType,
          effects,
          stack.salesforce.leadCount() - leadsBefore,
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

  private static final List<String> TYPES =
      List.of("CreateLead", "LogCall", "CreateTask", "UpdateLeadStatus");

  public static void main(String[] args) {
    int commands = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Counts counts = run(commands, 20261124L);
    System.out.println(counts);
    System.exit(
        counts.lost() == 0 && counts.duplicated() == 0 && counts.effects() == commands ? 0 : 1);
  }
}
