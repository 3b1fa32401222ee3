package com.crmvoice.simulator.crm;

import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fake Salesforce as the simulator's {@link FakeCrm}. */
public final class SalesforceFake implements FakeCrm {

  private static final Pattern OWNER = Pattern.compile("^005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$");
  private static final Pattern REP = Pattern.compile("^rep(\\d{1,6})$", Pattern.CASE_INSENSITIVE);

  private final FakeSalesforce fake;

  public SalesforceFake(FakeSalesforce fake) {
    this.fake = fake;
  }

  public FakeSalesforce fake() {
    return fake;
  }

  @Override
  public String name() {
    return "Salesforce";
  }

  @Override
  public String setting() {
    return "salesforce";
  }

  @Override
  public URI baseUrl() {
    return fake.baseUrl();
  }

  @Override
  public Map<String, String> env() {
    // Client credentials, as FakeSalesforce.main documents: seedDemo() gives the integration
    // user's id to "Rep 1", so a JWT naming the integration user's username finds no user.
    Map<String, String> env = new HashMap<>(fake.clientCredentialsEnv());
    env.put(EnvironmentVariables.SALESFORCE_EXTERNAL_ID_FIELD, FakeSalesforce.EXTERNAL_ID_FIELD);
    return env;
  }

  @Override
  public void seedDemo(ZoneId zone) {
    fake.seedDemo();
    fake.seedDemoDay(zone);
  }

  @Override
  public String demoOwnerId() {
    return FakeSalesforce.DEMO_USER_ID;
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
                    String.valueOf(l.get("Id")),
                    l.get("FirstName") == null
                        ? String.valueOf(l.get("LastName"))
                        : l.get("FirstName") + " " + l.get("LastName"),
                    l.get("Company") == null ? "-" : l.get("Company").toString(),
                    String.valueOf(l.get("Status")),
                    l.get("CreatedDate") instanceof Instant i ? i : null,
                    String.valueOf(l.get("OwnerId"))))
        .toList();
  }

  @Override
  public List<Activity> activities() {
    return fake.tasks().stream()
        .map(
            t ->
                new Activity(
                    String.valueOf(t.get("Id")),
                    String.valueOf(t.get("Subject")),
                    String.valueOf(t.get("Status")),
                    String.valueOf(t.get("TaskSubtype")),
                    String.valueOf(t.get("WhoId")),
                    t.get("ActivityDate")))
        .toList();
  }

  @Override
  public List<Deal> deals() {
    return fake.opportunities().all().stream()
        .map(
            d ->
                new Deal(
                    String.valueOf(d.get("Id")),
                    String.valueOf(d.get("Name")),
                    String.valueOf(d.get("OwnerId")),
                    String.valueOf(d.get("StageName")),
                    d.get("Probability"),
                    String.valueOf(d.get("ForecastCategoryName")),
                    d.get("Amount"),
                    d.get("CloseDate"),
                    d.get("NextStep") == null ? null : String.valueOf(d.get("NextStep")),
                    fake.opportunities().appliedUpdates(String.valueOf(d.get("Id")))))
        .toList();
  }

  @Override
  public String addDeal(
      String ownerId, String name, String account, BigDecimal amount, int closesInDays) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("OwnerId", ownerId);
    fields.put("Name", name);
    fields.put("AccountId", fake.opportunities().insertAccount(account, ownerId));
    fields.put("StageName", "Prospecting");
    fields.put("Amount", amount);
    fields.put("CloseDate", LocalDate.now(ZoneOffset.UTC).plusDays(closesInDays));
    String id = fake.opportunities().insert(fields);
    return "  [Salesforce] opportunity " + id + " added: " + name + ", with " + account;
  }

  @Override
  public String issueUserToken(String ownerId) {
    return fake.issueUserToken(ownerId);
  }

  @Override
  public Optional<String> ownerId(String argument) {
    Matcher rep = REP.matcher(argument);
    if (argument.equalsIgnoreCase("demo")) {
      return Optional.of(FakeSalesforce.DEMO_USER_ID);
    } else if (rep.matches()) {
      return Optional.of(String.format("005%012dAAA", Integer.parseInt(rep.group(1))));
    } else if (OWNER.matcher(argument).matches()) {
      return Optional.of(argument);
    }
    return Optional.empty();
  }

  @Override
  public String ownerIdForm() {
    return "a Salesforce user id starts with 005 (15 or 18 characters)";
  }

  @Override
  public String failNext(int n, int httpStatus) {
    fake.faults().failNext(n, httpStatus);
    return "the next " + n + " Salesforce data calls answer HTTP " + httpStatus;
  }

  @Override
  public String latency(Duration latency) {
    fake.faults().latency(latency);
    return "every Salesforce call waits " + latency.toMillis() + " ms";
  }

  @Override
  public String expireTokens() {
    fake.faults().expireTokens();
    return "every Salesforce access token issued so far has expired";
  }

  @Override
  public String requestLimit(int n) {
    fake.faults().requestLimit(n);
    return "the next " + n + " data calls answer 403 REQUEST_LIMIT_EXCEEDED";
  }

  @Override
  public String lockErrors(int n) {
    fake.faults().lockErrors(n);
    return "the next " + n + " record writes fail with UNABLE_TO_LOCK_ROW";
  }

  @Override
  public String dropConnections(int n) {
    fake.faults().dropConnections(n);
    return "the next " + n + " data calls drop the connection";
  }

  @Override
  public String duplicateRule(boolean on) {
    fake.faults().duplicateRule(on);
    return "duplicate rule on Lead " + (on ? "active" : "off");
  }

  @Override
  public String clear() {
    fake.faults().clear();
    return "cleared: Salesforce behaves";
  }

  @Override
  public void close() {
    fake.close();
  }
}
