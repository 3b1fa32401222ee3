package com.crmvoice.testkit.dataverse;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful fake of a Dynamics 365 Sales environment's Dataverse Web API v9.2 and of the Microsoft
 * identity platform's token endpoint, on 127.0.0.1 (one host serves both: the org URL and the
 * authority URL). It speaks the documented protocol on what CRM Voice relies on: the client
 * credentials token request ({@link TokenServer}), bearer tokens, OData queries with $select,
 * $filter, $orderby, $top and {@code Prefer: odata.maxpagesize} paging, a 400 for query options it
 * does not support ({@link QueryResource}), rows by id or by the command id alternate key, upserts
 * with If-Match / If-None-Match, ETags ({@link WriteResource}), $batch with change sets ({@link
 * BatchResource}), WhoAmI, the lead statuscode metadata, Dataverse's error body and 429 with
 * Retry-After ({@link DvFaults}).
 *
 * <p>The sales and calendar tables (opportunity with account, transactioncurrency, organization;
 * appointment with activityparty attendees, contact) are set up through {@link #sales()} and {@link
 * #calendar()}, with the opportunity sales stage metadata, the lookups' FormattedValue names and
 * $expand of customerid_account.
 *
 * <p>More lenient than (or different from) Dataverse, as far as known: only the tables and the
 * columns CRM Voice uses (FormattedValue annotations only for option columns and lookups, not for
 * money or dates); the error codes of editing a closed record are not verified; no business rules,
 * plug-ins, duplicate detection, field security or security roles (every user may do everything);
 * deleted rows leave no trace (as in Dataverse's queries; change tracking is not served); $filter
 * knows comparisons, and, or, not only; createdon/modifiedon at whole seconds; tokens are opaque,
 * not JWTs; HTTP/1.1 only.
 */
public final class FakeDataverse implements AutoCloseable {

  public static final String TENANT_ID = "11111111-2222-3333-4444-555555555555";
  public static final String CLIENT_ID = "6a7b8c9d-0000-4000-8000-00000000c11e";
  public static final String CLIENT_SECRET = "fake~client~secret";
  public static final String APPLICATION_USER_ID = "00000000-0000-4000-8000-00000000a99e";
  public static final String DEMO_USER_ID = "00000000-0000-4000-8000-00000000de30";
  public static final String BUSINESS_UNIT_ID = "00000000-0000-4000-8000-0000000000b0";
  public static final String ORGANIZATION_ID = "00000000-0000-4000-8000-0000000000c0";
  public static final String COMMAND_ID_COLUMN = Schema.COMMAND_ID;

  private final ShiftableClock clock;
  private final Schema schema;
  private final Users users;
  private final DvFaults faults;
  private final RequestRouter router;
  private final LoopbackHttpServer http;
  private final Map<String, AtomicInteger> appliedUpdates = new ConcurrentHashMap<>();
  private final DvSales sales;
  private final DvCalendar calendar;
  private Map<String, Table.Snapshot> changeSet;

  private FakeDataverse(int port, Clock base) {
    this.clock = new ShiftableClock(base);
    Clock clock = this.clock;
    this.schema = new Schema(clock);
    this.users = new Users(clock);
    users.add(APPLICATION_USER_ID, "# CRM Voice");
    users.add(DEMO_USER_ID, "Demo Rep");
    this.faults = new DvFaults(users::expireAll);
    TokenServer tokens =
        new TokenServer(
            users,
            TENANT_ID,
            CLIENT_ID,
            CLIENT_SECRET,
            APPLICATION_USER_ID,
            () -> baseUrl().toString());
    this.sales = new DvSales(this, schema, clock);
    this.calendar = new DvCalendar(this, schema);
    this.router = new RequestRouter(this, schema, tokens, users, faults);
    this.http = LoopbackHttpServer.start(port, 64, 16, "fake-dataverse", "/", router::handle);
  }

  public static FakeDataverse start() {
    return new FakeDataverse(0, Clock.systemUTC());
  }

  public static FakeDataverse start(Clock clock) {
    return new FakeDataverse(0, clock);
  }

  public static FakeDataverse start(int port, Clock clock) {
    return new FakeDataverse(port, clock);
  }

  /** http://127.0.0.1:PORT: the org URL and the authority URL alike. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  String apiRoot() {
    return baseUrl() + "/api/data/v9.2";
  }

  /** The DYNAMICS_* settings that connect a function to this fake (names as in crm-core). */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CRM", "dynamics");
    env.put("DYNAMICS_URL", baseUrl().toString());
    env.put("DYNAMICS_AUTHORITY_URL", baseUrl().toString());
    env.put("DYNAMICS_TENANT_ID", TENANT_ID);
    env.put("DYNAMICS_CLIENT_ID", CLIENT_ID);
    env.put("DYNAMICS_CLIENT_SECRET", CLIENT_SECRET);
    return env;
  }

  public DvFaults faults() {
    return faults;
  }

  /** The sales side's test controls: opportunities, accounts, currencies, fiscal settings. */
  public DvSales sales() {
    return sales;
  }

  /** The calendar's test controls: appointments with attendees, contacts, tasks. */
  public DvCalendar calendar() {
    return calendar;
  }

  /** A salesperson: a systemuser the fake knows (an owner of leads). */
  public void addUser(String userId, String fullName) {
    users.add(userId, fullName);
  }

  /** A delegated access token of {@code userId}, as account linking hands it to the skill. */
  public String issueUserToken(String userId) {
    return users.issue(userId, Duration.ofHours(1));
  }

  // ---- data set-up and inspection (not counted as calls) ----

  /**
   * Inserts a lead directly; columns by logical name, the owner as {@code _ownerid_value} (added as
   * a user when unknown), {@code statecode} 0 and {@code statuscode} 1 unless given; answers its
   * id.
   */
  public synchronized String insertLead(Map<String, Object> columns) {
    Map<String, Object> row = new HashMap<>(columns);
    row.putIfAbsent("_ownerid_value", APPLICATION_USER_ID);
    String owner = row.get("_ownerid_value").toString().toLowerCase();
    row.put("_ownerid_value", owner);
    if (!users.isUser(owner)) {
      users.add(owner, "User " + owner.substring(owner.length() - 4));
    }
    row.putIfAbsent("statecode", 0);
    row.putIfAbsent("statuscode", 1);
    return schema.leads.insert(row);
  }

  /**
   * Moves the fake's clock forward: Dataverse keeps createdon and modifiedon at whole seconds, so a
   * test that needs two writes to carry different stamps lets a second pass.
   */
  public void advanceClock(Duration duration) {
    clock.shift(duration);
  }

  /** Changes a lead directly (qualify, reassign, ...): a new version and modifiedon. */
  public synchronized void updateLead(String leadId, Map<String, Object> columns) {
    schema.leads.update(leadId, new HashMap<>(columns));
  }

  public synchronized void deleteLead(String leadId) {
    schema.leads.delete(leadId);
  }

  public synchronized Map<String, Object> lead(String leadId) {
    Map<String, Object> row = schema.leads.row(leadId);
    return row == null ? null : Map.copyOf(Table.withoutNulls(row));
  }

  public synchronized List<Map<String, Object>> leads() {
    return schema.leads.copies();
  }

  public synchronized int leadCount() {
    return schema.leads.rows().size();
  }

  public synchronized List<Map<String, Object>> phonecalls() {
    return schema.phonecalls.copies();
  }

  public synchronized List<Map<String, Object>> tasks() {
    return schema.tasks.copies();
  }

  /** How many PATCH updates of this row the fake applied. */
  public int appliedUpdates(String id) {
    AtomicInteger n = appliedUpdates.get(id);
    return n == null ? 0 : n.get();
  }

  /** The lead status labels of statecode 0 (Open), in option order. */
  public List<String> openStatusLabels() {
    return Schema.LEAD_STATUSES.stream()
        .filter(o -> o.state() == 0)
        .map(Schema.StatusOption::label)
        .toList();
  }

  /** The statuscode value of a lead status label. */
  public static int statusCode(String label) {
    return Schema.LEAD_STATUSES.stream()
        .filter(o -> o.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no status " + label))
        .value();
  }

  /** The label of a lead statuscode value (as its FormattedValue annotation says it), or null. */
  public static String statusLabel(int statusCode) {
    Schema.StatusOption option = Schema.leadStatus(statusCode);
    return option == null ? null : option.label();
  }

  /**
   * Deterministic data: {@code owners} users with {@code leadsPerOwner} open leads each, created
   * over the past year. Owner ids are GUIDs ending in the owner's number.
   */
  public synchronized void seed(int owners, int leadsPerOwner, long randomSeed) {
    Random random = new Random(randomSeed);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    for (int o = 1; o <= owners; o++) {
      String owner = ownerId(o);
      users.add(owner, "Rep " + o);
      for (int l = 0; l < leadsPerOwner; l++) {
        schema.leads.insert(DvSeedData.randomLead(random, owner, now));
      }
    }
  }

  /** The id of the n-th seeded owner. */
  public static String ownerId(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }

  /**
   * The demo user's leads among two other owners', and the demo user's pipeline (the fake
   * Salesforce's demo deals in Dynamics' stages), for the simulator.
   */
  public synchronized void seedDemo() {
    DvSeedData.demoLeads(clock.instant().truncatedTo(ChronoUnit.SECONDS), DEMO_USER_ID)
        .forEach(schema.leads::insert);
    seed(2, 3, 42);
    DvDemoDeals.demo(sales, java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
  }

  /**
   * The demo user's day, after {@link #seedDemo()}: the fake Salesforce's demo meetings (as
   * appointments regarding the leads, a contact among the attendees) and open tasks, as seen from
   * {@code zone}.
   */
  public synchronized void seedDemoDay(java.time.ZoneId zone) {
    DvDemoDay.seed(this, zone, clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  /** The primary name of the row (or user) with this id, as a lookup's FormattedValue has it. */
  synchronized String primaryName(String id) {
    if (users.isUser(id)) {
      return users.fullName(id);
    }
    Map<String, Object> lead = schema.leads.row(id);
    if (lead != null) {
      Object first = lead.get("firstname");
      return (first == null ? "" : first + " ") + lead.get("lastname");
    }
    for (Table t : List.of(schema.contacts, schema.accounts, schema.currencies)) {
      Map<String, Object> row = t.row(id);
      if (row != null) {
        return (String)
            row.get(
                t == schema.contacts ? "fullname" : t == schema.accounts ? "name" : "currencyname");
      }
    }
    return null;
  }

  // ---- counts ----

  /**
   * HTTP requests of one kind: token, batch, whoami, systemuser, metadata, get-collection, get-row,
   * patch-row, post-collection.
   */
  public int calls(String kind) {
    return router.calls(kind);
  }

  public Map<String, Integer> calls() {
    return router.calls();
  }

  /** Web API requests of every kind (not token requests). */
  public int apiCalls() {
    return router.calls().entrySet().stream()
        .filter(e -> !e.getKey().equals("token"))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  public void resetCalls() {
    router.resetCalls();
  }

  @Override
  public void close() {
    http.close();
  }

  // ---- for the resources ----

  Users users() {
    return users;
  }

  Clock clock() {
    return clock;
  }

  void appliedUpdate(Table table, String id) {
    appliedUpdates.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
  }

  void beginChangeSet() {
    changeSet = new HashMap<>();
    for (Table t : schema.all()) {
      changeSet.put(t.entitySet, t.snapshot());
    }
  }

  Void endChangeSet(boolean commit) {
    if (!commit && changeSet != null) {
      for (Table t : schema.all()) {
        t.restore(changeSet.get(t.entitySet));
      }
    }
    changeSet = null;
    return null;
  }

  /** A clock that a test can move forward. */
  private static final class ShiftableClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    ShiftableClock(Clock base) {
      this.base = base;
    }

    void shift(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return base.getZone();
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return base.instant().plus(offset);
    }
  }

  /** Runs the fake on its own: {@code --port N} (default 8398) and {@code --seed-demo}. */
  public static void main(String[] args) throws InterruptedException {
    int port = 8398;
    boolean demo = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--seed-demo")) {
        demo = true;
      }
    }
    FakeDataverse fake = start(port, Clock.systemUTC());
    if (demo) {
      fake.seedDemo();
    }
    System.out.println("Fake Dataverse on " + fake.baseUrl() + " (" + fake.leadCount() + " leads)");
    fake.env().forEach((k, v) -> System.out.println(k + "=" + v));
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
    Thread.currentThread().join();
  }
}
