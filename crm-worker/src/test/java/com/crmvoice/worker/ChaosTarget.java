package com.crmvoice.worker;

import com.crmvoice.testkit.dataverse.FakeDataverse;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The CRM side of the chaos run, one per fake: the faults it injects (each the CRM misbehaving on
 * one call as the real one can), the leads the activities and status changes target, and the
 * effects it ends with, counted per command id (its external id field or alternate key column).
 */
interface ChaosTarget {

  /** The faults by name; each injects one occurrence into the fake. */
  List<Map.Entry<String, Runnable>> faults(Random random);

  /** The fault the first faulted poll always meets (every attempt commits, then stalls). */
  Map.Entry<String, Runnable> commitThenStall();

  void clearFaults();

  /** Inserts a lead for an activity or a status change to target; answers its id. */
  String insertLead(String lastName);

  /** The lead's version stamp as a user would have heard it. */
  Instant heard(String leadId);

  /** The status a target lead has, and the one a status change sets. */
  String fromStatus();

  String toStatus();

  /** Leads, logged calls and tasks by the command id that created them. */
  Map<String, Integer> createdByCommand();

  /** Applied updates of a target lead, and whether it has {@link #toStatus()}. */
  int appliedUpdates(String leadId);

  boolean hasTargetStatus(String leadId);

  int leadCount();

  static ChaosTarget of(WorkerStack stack) {
    return stack.dataverse != null ? new Dynamics(stack) : new Salesforce(stack);
  }

  /** The fake Salesforce: 503 storms, lock errors, request limits, drops, expired tokens. */
  final class Salesforce implements ChaosTarget {
    private final FakeSalesforce sf;
    private final String owner;

    Salesforce(WorkerStack stack) {
      this.sf = stack.salesforce;
      this.owner = stack.owner;
    }

    @Override
    public List<Map.Entry<String, Runnable>> faults(Random random) {
      return List.of(
          Map.entry("503", () -> sf.faults().failNext(1 + random.nextInt(3), 503)),
          Map.entry("lock", () -> sf.faults().lockErrors(1 + random.nextInt(3))),
          Map.entry("limit", () -> sf.faults().requestLimit(1)),
          Map.entry("drop", () -> sf.faults().dropConnections(1)),
          Map.entry("commit-then-drop", () -> sf.faults().commitThenDrop(1)),
          Map.entry("token-expiry", () -> sf.faults().expireTokens()),
          commitThenStall());
    }

    @Override
    public Map.Entry<String, Runnable> commitThenStall() {
      return Map.entry(
          "commit-then-stall",
          () -> sf.faults().commitThenStall(ChaosRun.ATTEMPTS, WorkerStack.PAST_THE_TIMEOUT));
    }

    @Override
    public void clearFaults() {
      sf.faults().clear();
    }

    @Override
    public String insertLead(String lastName) {
      return sf.insertLead(Map.of("OwnerId", owner, "LastName", lastName, "Company", "Co"));
    }

    @Override
    public Instant heard(String leadId) {
      return (Instant) sf.lead(leadId).get("LastModifiedDate");
    }

    @Override
    public String fromStatus() {
      return "Open - Not Contacted";
    }

    @Override
    public String toStatus() {
      return "Working - Contacted";
    }

    @Override
    public Map<String, Integer> createdByCommand() {
      Map<String, Integer> perCommand = new HashMap<>();
      for (Map<String, Object> lead : sf.leads()) {
        Object id = lead.get(FakeSalesforce.EXTERNAL_ID_FIELD);
        if (id != null) {
          perCommand.merge(id.toString(), 1, Integer::sum);
        }
      }
      for (Map<String, Object> task : sf.tasks()) {
        perCommand.merge(task.get(FakeSalesforce.EXTERNAL_ID_FIELD).toString(), 1, Integer::sum);
      }
      return perCommand;
    }

    @Override
    public int appliedUpdates(String leadId) {
      return sf.appliedLeadUpdates(leadId);
    }

    @Override
    public boolean hasTargetStatus(String leadId) {
      return toStatus().equals(sf.lead(leadId).get("Status"));
    }

    @Override
    public int leadCount() {
      return sf.leadCount();
    }
  }

  /**
   * The fake Dataverse: 5xx with Dataverse's error body, service protection 429s with Retry-After,
   * dropped connections, commit-then-drop, expired tokens, commit-then-stall.
   */
  final class Dynamics implements ChaosTarget {
    private final FakeDataverse dv;
    private final String owner;

    Dynamics(WorkerStack stack) {
      this.dv = stack.dataverse;
      this.owner = stack.owner;
    }

    @Override
    public List<Map.Entry<String, Runnable>> faults(Random random) {
      return List.of(
          Map.entry("503", () -> dv.faults().failNext(1 + random.nextInt(3), 503)),
          Map.entry("500", () -> dv.faults().failNext(1, 500)),
          Map.entry("429-retry-after", () -> dv.faults().throttle(1, 1)),
          Map.entry("drop", () -> dv.faults().dropConnections(1)),
          Map.entry("commit-then-drop", () -> dv.faults().commitThenDrop(1)),
          Map.entry("token-expiry", () -> dv.faults().expireTokens()),
          commitThenStall());
    }

    @Override
    public Map.Entry<String, Runnable> commitThenStall() {
      return Map.entry(
          "commit-then-stall",
          () -> dv.faults().commitThenStall(ChaosRun.ATTEMPTS, WorkerStack.PAST_THE_TIMEOUT));
    }

    @Override
    public void clearFaults() {
      dv.faults().clear();
    }

    @Override
    public String insertLead(String lastName) {
      return dv.insertLead(
          Map.of("_ownerid_value", owner, "lastname", lastName, "companyname", "Co"));
    }

    @Override
    public Instant heard(String leadId) {
      return (Instant) dv.lead(leadId).get("modifiedon");
    }

    @Override
    public String fromStatus() {
      return "New";
    }

    @Override
    public String toStatus() {
      return "Contacted";
    }

    @Override
    public Map<String, Integer> createdByCommand() {
      Map<String, Integer> perCommand = new HashMap<>();
      List<Map<String, Object>> rows = new java.util.ArrayList<>(dv.leads());
      rows.addAll(dv.phonecalls());
      rows.addAll(dv.tasks());
      for (Map<String, Object> row : rows) {
        Object id = row.get(FakeDataverse.COMMAND_ID_COLUMN);
        if (id != null) {
          perCommand.merge(id.toString(), 1, Integer::sum);
        }
      }
      return perCommand;
    }

    @Override
    public int appliedUpdates(String leadId) {
      return dv.appliedUpdates(leadId);
    }

    @Override
    public boolean hasTargetStatus(String leadId) {
      Object status = dv.lead(leadId).get("statuscode");
      return status instanceof Number n && n.intValue() == FakeDataverse.statusCode(toStatus());
    }

    @Override
    public int leadCount() {
      return dv.leadCount();
    }
  }
}
