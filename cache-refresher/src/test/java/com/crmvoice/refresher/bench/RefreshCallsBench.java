package com.crmvoice.refresher.bench;

import com.crmvoice.refresher.RefresherStack;
import com.crmvoice.testkit.bench.BenchRow;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The refresher's CRM calls per pass on each CRM: the same N owners with M open leads each, seeded
 * in the fake Salesforce and in the fake Dataverse, the same passes (a full pass into an empty
 * cache, a full pass over the unchanged CRM, an incremental pass after K changes of every kind, an
 * incremental pass with none), the handler invoked as the schedule invokes it. Prints, with {@link
 * BenchRow}s, Dataverse's Web API requests per pass next to Salesforce's REST calls for the same
 * pass (the handler's own crmCalls figure). Asserts nothing about time. Arguments: owners (2000),
 * open leads per owner (10), changes (100).
 */
public final class RefreshCallsBench {

  private RefreshCallsBench() {}

  /** The CRM calls of each pass. */
  record Calls(long full, long unchanged, long incremental, long quiet, long leads) {}

  public static void main(String[] args) {
    int status = 0;
    try {
      int owners = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
      int leadsPerOwner = args.length > 1 ? Integer.parseInt(args[1]) : 10;
      int changes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
      Calls salesforce = passes("salesforce", owners, leadsPerOwner, changes);
      Calls dynamics = passes("dynamics", owners, leadsPerOwner, changes);
      String size = String.format("%,d leads / %,d owners", owners * leadsPerOwner, owners);
      String ref = "Salesforce calls, same pass";
      row(
          "Dataverse calls, full pass, empty cache (" + size + ")",
          dynamics.full(),
          salesforce.full());
      row(
          "Dataverse calls, full pass with no change",
          dynamics.unchanged(),
          salesforce.unchanged());
      row(
          "Dataverse calls, incremental pass after " + changes + " changes",
          dynamics.incremental(),
          salesforce.incremental());
      row("Dataverse calls, incremental pass with no change", dynamics.quiet(), salesforce.quiet());
      BenchRow.vs(
              RefreshBench.ITEM,
              "open leads the Dataverse full pass cached from",
              dynamics.leads(),
              "leads",
              "Salesforce",
              salesforce.leads(),
              BenchRow.Goal.ratioAtLeast(1))
          .emit();
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    // The engines stop in their shutdown hook; their server threads would keep the JVM alive.
    System.exit(status);
  }

  private static void row(String figure, long dataverse, long salesforce) {
    BenchRow.vs(
            RefreshBench.ITEM,
            figure,
            dataverse,
            "calls",
            "Salesforce calls, same pass",
            salesforce,
            null)
        .emit();
  }

  private static Calls passes(String crm, int owners, int leadsPerOwner, int changes)
      throws InterruptedException {
    // Overlap 0, as RefreshBench: the seed stamps its leads within the last seconds.
    try (RefresherStack stack =
        new RefresherStack(Map.of("REFRESH_WATERMARK_OVERLAP_SECONDS", "0"), crm)) {
      boolean dynamics = stack.dataverse != null;
      if (dynamics) {
        stack.dataverse.seed(owners, leadsPerOwner, 2026);
      } else {
        stack.salesforce.seed(owners, leadsPerOwner, 2026);
      }
      long full = calls(stack, crm, "full");
      long leads = stack.pass("full").path("leadsRead").asLong();
      long unchanged = calls(stack, crm, "full");
      // What the last incremental pass would have stored: the newest modification stamp. On
      // Dataverse (modifiedon at whole seconds, read from the watermark's second on) the second
      // after it, as the seed stamps every lead within one second, which a real org does not.
      if (dynamics) {
        stack.watermarks.advance(newest(stack).plusSeconds(1));
        // The changes land in a later second still.
        stack.dataverse.advanceClock(Duration.ofSeconds(2));
      } else {
        stack.watermarks.advance(newest(stack));
        Thread.sleep(5);
      }
      change(stack, owners, changes);
      long incremental = calls(stack, crm, "incremental");
      long quiet = calls(stack, crm, "incremental");
      return new Calls(full, unchanged, incremental, quiet, leads);
    }
  }

  private static long calls(RefresherStack stack, String crm, String pass) {
    var figures = stack.pass(pass);
    System.out.println(crm + " " + pass + ": " + figures);
    return figures.path("crmCalls").asLong();
  }

  private static Instant newest(RefresherStack stack) {
    if (stack.dataverse != null) {
      return stack.dataverse.leads().stream()
          .map(l -> (Instant) l.get("modifiedon"))
          .max(Instant::compareTo)
          .orElseThrow();
    }
    return stack.salesforce.leads().stream()
        .map(l -> (Instant) l.get("SystemModstamp"))
        .max(Instant::compareTo)
        .orElseThrow();
  }

  /**
   * {@code count} changes, a fifth of each kind, on random owners' oldest open leads: closed,
   * converted (qualified), reassigned, created, edited.
   */
  private static void change(RefresherStack stack, int owners, int count) {
    Random random = new Random(7);
    for (int i = 0; i < count; i++) {
      int o = 1 + random.nextInt(owners);
      int to = 1 + random.nextInt(owners);
      Instant old = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i);
      if (stack.dataverse != null) {
        FakeDataverse dv = stack.dataverse;
        List<String> top =
            openLeads(
                dv.leads(), "_ownerid_value", FakeDataverse.ownerId(o), "leadid", "createdon");
        switch (i % 5) {
          case 0 -> dv.updateLead(top.get(0), Map.of("statecode", 2, "statuscode", 6));
          case 1 -> dv.updateLead(top.get(0), Map.of("statecode", 1, "statuscode", 3));
          case 2 -> dv.updateLead(top.get(1), Map.of("_ownerid_value", FakeDataverse.ownerId(to)));
          case 3 ->
              dv.insertLead(
                  Map.of(
                      "_ownerid_value",
                      FakeDataverse.ownerId(o),
                      "lastname",
                      "Bench" + i,
                      "companyname",
                      "Initech",
                      "createdon",
                      old));
          default -> dv.updateLead(top.get(2), Map.of("telephone1", "+1 555 0100" + i));
        }
      } else {
        FakeSalesforce sf = stack.salesforce;
        String owner = String.format("005%012dAAA", o);
        List<String> top = openLeads(sf.leads(), "OwnerId", owner, "Id", "CreatedDate");
        switch (i % 5) {
          case 0 -> sf.updateLead(top.get(0), Map.of("Status", "Closed - Not Converted"));
          case 1 -> sf.updateLead(top.get(0), Map.of("IsConverted", true));
          case 2 -> sf.updateLead(top.get(1), Map.of("OwnerId", String.format("005%012dAAA", to)));
          case 3 ->
              sf.insertLead(
                  Map.of(
                      "OwnerId",
                      owner,
                      "LastName",
                      "Bench" + i,
                      "Company",
                      "Initech",
                      "CreatedDate",
                      old));
          default -> sf.updateLead(top.get(2), Map.of("Phone", "+1 555 0100" + i));
        }
      }
    }
  }

  /** An owner's open leads, oldest first (open: statecode 0, or Salesforce's open statuses). */
  private static List<String> openLeads(
      List<Map<String, Object>> leads,
      String ownerColumn,
      String owner,
      String id,
      String created) {
    return leads.stream()
        .filter(l -> owner.equals(l.get(ownerColumn)))
        .filter(
            l ->
                ownerColumn.equals("OwnerId")
                    ? !Boolean.TRUE.equals(l.get("IsConverted"))
                        && !FakeSalesforce.CLOSED_STATUSES.contains(l.get("Status"))
                    : Integer.valueOf(0).equals(l.get("statecode")))
        .sorted(Comparator.comparing((Map<String, Object> l) -> (Instant) l.get(created)))
        .map(l -> (String) l.get(id))
        .toList();
  }
}
