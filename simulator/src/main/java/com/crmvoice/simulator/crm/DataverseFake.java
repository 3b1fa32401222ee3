package com.crmvoice.simulator.crm;

import com.crmvoice.testkit.dataverse.DvSales;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake Dataverse (Dynamics 365 Sales) as the simulator's {@link FakeCrm}. A logged call is a
 * phonecall, a follow-up a task; the console shows a phonecall's state (Open, Completed, Canceled)
 * and a task's status reason (Not Started, …, Completed), the labels Dynamics shows.
 */
public final class DataverseFake implements FakeCrm {

  private static final Pattern GUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern REP = Pattern.compile("^rep(\\d{1,6})$", Pattern.CASE_INSENSITIVE);

  /** The Retry-After of the service protection 429 that ":fault limit N" injects. */
  static final int RETRY_AFTER_SECONDS = 2;

  private static final Map<Integer, String> PHONECALL_STATES =
      Map.of(0, "Open", 1, "Completed", 2, "Canceled");
  private static final Map<Integer, String> TASK_STATUSES =
      Map.of(
          2, "Not Started",
          3, "In Progress",
          4, "Waiting on someone else",
          5, "Completed",
          6, "Canceled",
          7, "Deferred");
  private static final Map<Integer, String> TASK_STATES =
      Map.of(0, "Not Started", 1, "Completed", 2, "Canceled");

  private final FakeDataverse fake;

  public DataverseFake(FakeDataverse fake) {
    this.fake = fake;
  }

  public FakeDataverse fake() {
    return fake;
  }

  @Override
  public String name() {
    return "Dynamics 365";
  }

  @Override
  public String setting() {
    return "dynamics";
  }

  @Override
  public URI baseUrl() {
    return fake.baseUrl();
  }

  @Override
  public Map<String, String> env() {
    return fake.env();
  }

  @Override
  public void seedDemo(ZoneId zone) {
    fake.seedDemo();
    fake.seedDemoDay(zone);
  }

  @Override
  public String demoOwnerId() {
    return FakeDataverse.DEMO_USER_ID;
  }

  @Override
  public int leadCount() {
    return fake.leadCount();
  }

  @Override
  public List<Lead> leads() {
    return fake.leads().stream()
        .map(
            l ->
                new Lead(
                    String.valueOf(l.get("leadid")),
                    l.get("firstname") == null
                        ? String.valueOf(l.get("lastname"))
                        : l.get("firstname") + " " + l.get("lastname"),
                    l.get("companyname") == null ? "-" : l.get("companyname").toString(),
                    l.get("statuscode") instanceof Number n
                        ? FakeDataverse.statusLabel(n.intValue())
                        : "?",
                    l.get("createdon") instanceof Instant i ? i : null,
                    String.valueOf(l.get("_ownerid_value"))))
        .toList();
  }

  @Override
  public List<Activity> activities() {
    List<Activity> all = new ArrayList<>();
    for (Map<String, Object> call : fake.phonecalls()) {
      all.add(activity(call, "Call", PHONECALL_STATES.get(number(call.get("statecode"), 0))));
    }
    for (Map<String, Object> task : fake.tasks()) {
      Integer status = number(task.get("statuscode"), null);
      String label =
          status != null && TASK_STATUSES.containsKey(status)
              ? TASK_STATUSES.get(status)
              : TASK_STATES.get(number(task.get("statecode"), 0));
      all.add(activity(task, "Task", label));
    }
    return all;
  }

  private static Activity activity(Map<String, Object> row, String kind, String status) {
    return new Activity(
        String.valueOf(row.get("activityid")),
        String.valueOf(row.get("subject")),
        status,
        kind,
        String.valueOf(row.get("_regardingobjectid_value")),
        row.get("scheduledend"));
  }

  private static Integer number(Object value, Integer fallback) {
    return value instanceof Number n ? Integer.valueOf(n.intValue()) : fallback;
  }

  @Override
  public List<Deal> deals() {
    return fake.sales().opportunities().stream()
        .map(
            d ->
                new Deal(
                    String.valueOf(d.get("opportunityid")),
                    String.valueOf(d.get("name")),
                    String.valueOf(d.get("_ownerid_value")),
                    DvSales.stageOf(d),
                    d.get("closeprobability"),
                    null, // Dataverse's opportunity has no forecast category the fake keeps
                    d.get("estimatedvalue"),
                    d.get("estimatedclosedate"),
                    null,
                    fake.sales().appliedUpdates(String.valueOf(d.get("opportunityid")))))
        .toList();
  }

  @Override
  public String addDeal(
      String ownerId, String name, String account, BigDecimal amount, int closesInDays) {
    Map<String, Object> row = new HashMap<>();
    row.put("_ownerid_value", ownerId);
    row.put("name", name);
    row.put("_customerid_value", fake.sales().insertAccount(account));
    row.put("salesstage", DvSales.salesStage("Qualify"));
    row.put("stepname", "1-Qualify");
    row.put("closeprobability", 10);
    row.put("estimatedvalue", amount);
    row.put("estimatedclosedate", LocalDate.now(ZoneOffset.UTC).plusDays(closesInDays));
    String id = fake.sales().insertOpportunity(row);
    return "  [Dynamics 365] opportunity " + id + " added: " + name + ", with " + account;
  }

  @Override
  public String issueUserToken(String ownerId) {
    return fake.issueUserToken(ownerId);
  }

  @Override
  public Optional<String> ownerId(String argument) {
    Matcher rep = REP.matcher(argument);
    if (argument.equalsIgnoreCase("demo")) {
      return Optional.of(FakeDataverse.DEMO_USER_ID);
    } else if (rep.matches()) {
      return Optional.of(FakeDataverse.ownerId(Integer.parseInt(rep.group(1))));
    } else if (GUID.matcher(argument).matches()) {
      return Optional.of(argument.toLowerCase(java.util.Locale.ROOT));
    }
    return Optional.empty();
  }

  @Override
  public String ownerIdForm() {
    return "a Dynamics 365 user id is a systemuserid GUID (8-4-4-4-12 hex digits)";
  }

  @Override
  public String failNext(int n, int httpStatus) {
    fake.faults().failNext(n, httpStatus);
    return "the next " + n + " Dataverse requests answer HTTP " + httpStatus;
  }

  @Override
  public String latency(Duration latency) {
    fake.faults().latency(latency);
    return "every Dataverse request waits " + latency.toMillis() + " ms";
  }

  @Override
  public String expireTokens() {
    fake.faults().expireTokens();
    return "every Dataverse access token issued so far has expired";
  }

  @Override
  public String requestLimit(int n) {
    fake.faults().throttle(n, RETRY_AFTER_SECONDS);
    return "the next "
        + n
        + " Dataverse requests answer 429 (service protection, Retry-After: "
        + RETRY_AFTER_SECONDS
        + ")";
  }

  @Override
  public String lockErrors(int n) {
    return "the fake Dataverse has no lock errors; try :fault 503 x " + n + " or :fault limit " + n;
  }

  @Override
  public String dropConnections(int n) {
    fake.faults().dropConnections(n);
    return "the next " + n + " Dataverse requests drop the connection";
  }

  @Override
  public String duplicateRule(boolean on) {
    return "the fake Dataverse has no duplicate detection rules";
  }

  @Override
  public String clear() {
    fake.faults().clear();
    return "cleared: Dynamics 365 behaves";
  }

  @Override
  public void close() {
    fake.close();
  }
}
