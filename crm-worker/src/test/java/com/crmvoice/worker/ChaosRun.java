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

/**
 * The chaos run: N mixed commands (lead creates, logged calls, follow-up tasks, conditional status
 * changes, a quarter each) through the real queue, worker and fake CRM (Salesforce, or Dynamics
 * 365's Dataverse) while a fifth of the polls meet an injected fault ({@link ChaosTarget}: 5xx
 * storms, lock errors or 429s with Retry-After, request limits, dropped connections,
 * commit-then-drop, commit-then-stall, expired tokens). Every command must end as exactly one
 * effect: one lead, one task or logged call, or one applied status update.
 *
 * <pre>
 * DDB_LOCAL_TELEMETRY=0 mvn -B -q -pl crm-worker -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.crmvoice.worker.ChaosRun -Dexec.args="1000 [dynamics]"</pre>
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
    return run(commands, seed, "salesforce");
  }

  /** The run against {@code crm}: "salesforce" or "dynamics". */
  public static Counts run(int commands, long seed, String crm) {
    // The circuit breaker at its defaults (50 %, 5 calls, 30 s open), as deployed.
    Map<String, String> env =
        Map.of(
            "SALESFORCE_EXTERNAL_ID_FIELD",
            FakeSalesforce.EXTERNAL_ID_FIELD,
            "WORKER_MAX_ATTEMPTS",
            String.valueOf(ATTEMPTS));
    long start = System.nanoTime();
    try (WorkerStack stack =
        new WorkerStack(com.crmvoice.testkit.aws.EmbeddedAws.shared(), env, 50, 1, crm)) {
      ChaosTarget target = ChaosTarget.of(stack);
      Random random = new Random(seed);
      Map<String, Integer> injected = new HashMap<>();
      List<Map.Entry<String, Runnable>> faults = target.faults(random);
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
        String leadId = target.insertLead("Target" + i);
        leadsBefore++;
        Instant heard = target.heard(leadId);
        Instant now = Instant.now();
        switch (type) {
          case "LogCall" ->
              stack.submit(
                  new LogCall(
                      id,
                      stack.owner,
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
                      stack.owner,
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
                    stack.owner,
                    leadId,
                    "Target" + i,
                    target.fromStatus(),
                    target.toStatus(),
                    heard,
                    now));
          }
        }
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      int polls = 0;
      while (System.nanoTime() < deadline && stack.depth(stack.queue.queueUrl()) > 0) {
        // A fault is the CRM misbehaving on a call: injected only before a poll that will call
        // it (messages waiting, the circuit letting calls through): the first such poll meets
        // commit-then-stall, the next ones each fault kind once, in turn, then a fifth of them a
        // random fault.
        boolean reachesCrm =
            !stack.handlerCircuitOpen() && stack.visible(stack.queue.queueUrl()) > 0;
        if (reachesCrm && (injected.size() < faults.size() || random.nextInt(100) < 20)) {
          var fault =
              injected.isEmpty()
                  ? target.commitThenStall()
                  : faults.stream()
                      .filter(f -> !injected.containsKey(f.getKey()))
                      .findFirst()
                      .orElseGet(() -> faults.get(random.nextInt(faults.size())));
          fault.getValue().run();
          injected.merge(fault.getKey(), 1, Integer::sum);
        }
        polls++;
        if (stack.eventSource.pollOnce() == 0) {
          WorkerStack.sleep(50);
        }
      }
      target.clearFaults();
      Map<String, Integer> perCommand = target.createdByCommand();
      statusTarget.forEach(
          (commandId, leadId) -> {
            int applied = target.appliedUpdates(leadId);
            boolean has = target.hasTargetStatus(leadId);
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
          target.leadCount() - leadsBefore,
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
    Counts counts = run(commands, 20261124L, args.length > 1 ? args[1] : "salesforce");
    System.out.println(counts);
    System.exit(
        counts.lost() == 0 && counts.duplicated() == 0 && counts.effects() == commands ? 0 : 1);
  }
}
