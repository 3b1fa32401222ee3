package com.crmvoice.testkit.salesforce;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A stateful fake of Salesforce's REST API on 127.0.0.1, speaking the documented protocol: OAuth
 * 2.0 token flows (JWT bearer with signature and audience check, client credentials, refresh token,
 * password), userinfo, SOQL queries with paging through {@code nextRecordsUrl}, queryAll (deleted
 * and merged-away leads with IsDeleted and MasterRecordId), sObject create and upsert by external
 * id, sObject Collections create and upsert, Salesforce's error bodies and the {@code
 * Sforce-Limit-Info} header. It counts calls by kind, injects faults ({@link #faults()}) and is set
 * up like an org ({@link #org()}: sandbox or production, a lead assignment rule honouring {@code
 * Sforce-Auto-Assign}, an Alert or Block duplicate rule honouring {@code
 * Sforce-Duplicate-Rule-Header}, the user's "API Enabled" permission).
 *
 * <p>Where it is as strict as Salesforce, on the rules CRM Voice relies on: the JWT {@code aud}
 * must be https://login.salesforce.com (production) or https://test.salesforce.com (sandbox), not
 * the host the request went to; resources and headers do not exist before their API version
 * (queryAll 29.0, Collections create 42.0, Collections upsert 46.0, the Duplicate Rule header
 * 52.0); query never returns deleted leads; a lead assignment rule runs unless the request says
 * {@code Sforce-Auto-Assign: FALSE}; an Alert duplicate rule blocks unless {@code allowSave=true}.
 *
 * <p>Every known way it is still more lenient than (or different from) the real service:
 *
 * <ul>
 *   <li>Lead, Event, EventRelation, Task, and the sales objects of {@link SalesStore} (Opportunity,
 *       Account, OpportunityStage, Period, FiscalYearSettings, Organization, CurrencyType; their
 *       writes in {@link OpportunityResources}); Tasks, Lead describe and conditional Lead updates
 *       are in {@link FakeSalesforceActivities}; each states its own leniencies. The SOQL subset of
 *       {@link SoqlEngine}: parent fields through one relationship, no functions, aggregates or
 *       date keywords (THIS_QUARTER), no query length or selectivity limits.
 *   <li>OAuth: the JWT {@code exp} is only checked to be in the future (Salesforce also refuses one
 *       too far ahead); any known username is accepted as {@code sub} (no check that the user is
 *       pre-authorised for the connected app); Experience Cloud site audiences are not modelled;
 *       the client credentials flow works on this host although Salesforce requires the My Domain
 *       host for it; one host serves both the login URL and the instance URL.
 *   <li>Access tokens never expire by themselves (only through {@link Faults#expireTokens()}).
 *   <li>Limits: API usage is counted and reported, but the daily limit is only enforced through
 *       {@link Faults#requestLimit(int)}; there is no concurrent long-running request limit.
 *   <li>Writes: no validation rules, triggers, flows or field-level security; required fields are
 *       LastName and Company only; Status is not checked against the picklist; the email check is
 *       an approximation; any 005-prefixed OwnerId is accepted, even of a user who does not exist
 *       (Salesforce answers INVALID_CROSS_REFERENCE_KEY), while a queue owner (00G) sent by a
 *       client is refused (Salesforce accepts one).
 *   <li>Duplicate rules: one matching rule (same email and last name, exact but for case, where
 *       Salesforce also matches fuzzily), applied to creates only (not to the update of an upsert);
 *       the DUPLICATES_DETECTED error carries no {@code duplicateResult} details.
 *   <li>Assignment rules: one rule with one entry that matches every lead, no notification email;
 *       the {@code Sforce-Auto-Assign} value is not validated (an unknown rule id assigns nothing).
 *   <li>Deletes: the recycle bin is never emptied or purged (Salesforce purges after 15 days, and a
 *       purged or hard-deleted record leaves queryAll too); leads are deleted and merged only
 *       through {@link #deleteLead} and {@link #mergeLeads}, not over REST; the getDeleted resource
 *       is not served.
 *   <li>Ids: the fake's ids end in AAA, not in the real case-safety checksum, and ids are compared
 *       exactly (Salesforce also accepts a record's 15-character id in SOQL and URLs).
 *   <li>API versions: only the resources above are gated; every version from 10.0 up is otherwise
 *       answered alike. HTTP/1.1 without compression.
 *   <li>"API Enabled" ({@link OrgSettings#apiEnabled(boolean)}) affects data requests only, not the
 *       token and userinfo endpoints.
 * </ul>
 *
 * <p>This class is the facade tests use; the parts behind it: {@link RequestRouter} (routing,
 * authentication, injected faults), {@link OAuthServer} (token endpoint, userinfo), {@link
 * QueryResource} (query, queryAll, paging), {@link LeadResources} and {@link LeadWrites} (sObject
 * Rows and Collections writes), {@link LeadStore} (the records and the recycle bin) and {@link
 * FakeSalesforceActivities} (describe, conditional updates, Tasks).
 */
public final class FakeSalesforce implements AutoCloseable {

  public static final String CLIENT_ID = "3MVG9crmvoice.fake.connected.app";
  public static final String CLIENT_SECRET = "fake-consumer-secret";
  public static final String USERNAME = "integration@crmvoice.example";
  public static final String PASSWORD = "fake-password";
  public static final String ORG_ID = "00D000000000001AAA";
  public static final String INTEGRATION_USER_ID = "005000000000001AAA";
  public static final String DEMO_USER_ID = "005DEMO00000001AAA";
  public static final String EXTERNAL_ID_FIELD = "CrmVoice_Command_Id__c";
  public static final Set<String> CLOSED_STATUSES =
      Set.of("Closed - Converted", "Closed - Not Converted");
  public static final int API_LIMIT = 15000;

  // One monitor, this object's, guards the store and every resource's state.
  private final Clock clock;
  private final SObjectSchema schema = new SObjectSchema(EXTERNAL_ID_FIELD);
  private final LeadStore store;
  private final Exchanges exchanges = new Exchanges();
  private final OrgSettings org = new OrgSettings();
  private final OAuthServer oauth;
  private final Faults faults;
  private final QueryResource queries;
  private final FakeSalesforceActivities activities = new FakeSalesforceActivities(this);
  private final CalendarStore calendar = new CalendarStore();
  private final SalesStore sales;
  private final FakeOpportunities opportunities;
  private final RequestRouter router;
  private final LoopbackHttpServer http;

  private FakeSalesforce(int port, Clock clock) {
    this.clock = clock;
    this.store = new LeadStore(clock, schema);
    this.oauth = new OAuthServer(clock, org, exchanges, this::baseUrl);
    this.faults = new Faults(oauth::expireAllTokens);
    this.sales = new SalesStore(clock);
    this.queries =
        new QueryResource(
            this,
            store,
            this::otherRows,
            new SoqlEngine(
                sales::schemas,
                schema,
                SObjectSchema.event(),
                SObjectSchema.eventRelation(),
                SObjectSchema.task(EXTERNAL_ID_FIELD)),
            sales::toCorporate,
            exchanges);
    LeadResources leads =
        new LeadResources(
            this,
            schema,
            store,
            new LeadWrites(schema, store, faults, org),
            exchanges,
            this::afterCommit);
    OpportunityResources opportunityResources =
        new OpportunityResources(this, sales, exchanges, this::afterCommit);
    activities.collectionsUpdater("Opportunity", opportunityResources::updateRecord);
    this.opportunities = new FakeOpportunities(this, sales, opportunityResources, clock);
    this.router =
        new RequestRouter(
            exchanges, faults, org, oauth, queries, leads, activities, opportunityResources);
    http = LoopbackHttpServer.start(port, 64, 16, "fake-salesforce", "/", router::handle);
  }

  public static FakeSalesforce start() {
    return start(0, Clock.systemUTC());
  }

  public static FakeSalesforce start(Clock clock) {
    return start(0, clock);
  }

  public static FakeSalesforce start(int port, Clock clock) {
    return new FakeSalesforce(port, clock);
  }

  /** http://127.0.0.1:PORT: the OAuth login URL and the instance URL alike. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  /**
   * The SALESFORCE_* settings that connect a function to this fake with the client credentials
   * flow, as a deployment's secret would (names as in crm-core's EnvironmentVariables).
   */
  public Map<String, String> clientCredentialsEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SALESFORCE_LOGIN_URL", baseUrl().toString());
    env.put("SALESFORCE_AUTH_FLOW", "client-credentials");
    env.put("SALESFORCE_CLIENT_ID", CLIENT_ID);
    env.put("SALESFORCE_CLIENT_SECRET", CLIENT_SECRET);
    return env;
  }

  /** The PKCS#8 PEM private key whose public key the connected app holds (JWT bearer flow). */
  public String privateKeyPem() {
    return oauth.privateKeyPem();
  }

  /** An access token for {@code userId}, as account linking hands a user's token to the skill. */
  public String issueUserToken(String userId) {
    return oauth.issueUserToken(userId);
  }

  /** A refresh token for {@code userId}, to be exchanged at the token endpoint. */
  public String issueRefreshToken(String userId) {
    return oauth.issueRefreshToken(userId);
  }

  /** The org's opportunities, accounts, stages, fiscal year and currencies (set-up and reads). */
  public FakeOpportunities opportunities() {
    return opportunities;
  }

  public Faults faults() {
    return faults;
  }

  /** The org's configuration: sandbox or production, assignment and duplicate rules, API access. */
  public OrgSettings org() {
    return org;
  }

  /** Page size of query results when the client asks for none (Salesforce's default is 2000). */
  public void defaultBatchSize(int size) {
    queries.defaultBatchSize(size);
  }

  // ---- data set-up and inspection (not counted as API calls) ----

  /** Inserts a lead directly; fields by API name; answers its Id. */
  public synchronized String insertLead(Map<String, Object> fields) {
    return store.insert(fields);
  }

  /** Changes a lead directly (close, convert, reassign, ...); bumps its modification stamps. */
  public synchronized void updateLead(String id, Map<String, Object> fields) {
    store.update(id, fields);
  }

  /**
   * Deletes a lead as a user would: it moves to the recycle bin, out of every query and read but
   * queryAll's, with IsDeleted true and a new SystemModstamp.
   */
  public synchronized void deleteLead(String id) {
    store.delete(id);
  }

  /**
   * Merges {@code losingId} into {@code masterId} as Salesforce's merge does: the master is updated
   * (new modification stamps), the loser deleted with MasterRecordId naming the master.
   */
  public synchronized void mergeLeads(String masterId, String losingId) {
    store.merge(masterId, losingId);
  }

  /** A deleted lead as queryAll sees it, or null. */
  public synchronized Map<String, Object> deletedLead(String id) {
    Map<String, Object> record = store.deleted(id);
    return record == null ? null : Map.copyOf(LeadStore.withoutNulls(record));
  }

  /** A live lead (not deleted), or null. */
  public synchronized Map<String, Object> lead(String id) {
    Map<String, Object> record = store.live(id);
    return record == null ? null : Map.copyOf(LeadStore.withoutNulls(record));
  }

  public synchronized List<Map<String, Object>> leads() {
    return store.live().stream().map(r -> Map.copyOf(LeadStore.withoutNulls(r))).toList();
  }

  public synchronized int leadCount() {
    return store.size();
  }

  /** The tasks Salesforce holds (logged calls, follow-ups), fields by API name, oldest first. */
  public List<Map<String, Object>> tasks() {
    return activities.tasks();
  }

  /** How many sObject Rows updates of this lead the fake applied (not refused, not failed). */
  public int appliedLeadUpdates(String leadId) {
    return activities.appliedUpdates(leadId);
  }

  /** The Lead Status picklist: replaces its values (API names; the first is the default). */
  public void leadStatusValues(List<String> values) {
    activities.leadStatusValues(values);
  }

  /** The current Lead Status picklist values. */
  public List<String> leadStatusValues() {
    return activities.leadStatusValues();
  }

  /**
   * Deterministic data: {@code owners} owners with {@code leadsPerOwner} open leads each, created
   * over the past year. Owner ids are {@code 005} followed by a 12-digit number and {@code AAA}.
   */
  public synchronized void seed(int owners, int leadsPerOwner, long randomSeed) {
    Random random = new Random(randomSeed);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (int o = 1; o <= owners; o++) {
      String owner = String.format("005%012dAAA", o);
      String email = "rep" + o + "@crmvoice.example";
      oauth.addUser(owner, email, "Rep " + o, email);
      for (int l = 0; l < leadsPerOwner; l++) {
        store.insert(SeedData.randomLead(random, owner, now));
      }
    }
  }

  /** The demo user's leads among two other owners', for the simulator. */
  public synchronized void seedDemo() {
    SeedData.demoLeads(clock.instant().truncatedTo(ChronoUnit.MILLIS)).forEach(store::insert);
    seed(2, 3, 42);
    opportunities.seedDemo();
  }

  /**
   * The demo user's day, after {@link #seedDemo()}: meetings today and in the next days with their
   * leads and a contact, open tasks due today and overdue, as seen from {@code zone} (the
   * simulator's time zone), so the briefing has something to tell.
   */
  public synchronized void seedDemoDay(java.time.ZoneId zone) {
    SeedData.demoDay(this, zone, clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  // ---- calendar set-up (Events, EventRelations, Tasks; not counted as API calls) ----

  /** A contact's name, for an Event to be with (the fake holds no Contact records); its Id. */
  public synchronized String addContact(String name) {
    return calendar.addContact(name);
  }

  /**
   * Inserts an Event of {@code ownerId}: {@code whoId} (a lead or contact id, or null) is its WhoId
   * and an EventRelation with IsParent true; each invitee an EventRelation with IsInvitee true.
   */
  public synchronized String insertEvent(
      String ownerId,
      String subject,
      Instant start,
      Instant end,
      String whoId,
      List<String> inviteeIds) {
    return calendar.addEvent(ownerId, subject, start, end, whoId, inviteeIds, stamp());
  }

  /** Changes an Event (StartDateTime, Subject, OwnerId, …); bumps its modification stamps. */
  public synchronized void updateEvent(String id, Map<String, Object> fields) {
    calendar.updateEvent(id, fields, stamp());
  }

  /** Deletes an Event and its relations (queryAll still answers them, IsDeleted true). */
  public synchronized void deleteEvent(String id) {
    calendar.deleteEvent(id, stamp());
  }

  /** An Event's fields as stored, or null. */
  public synchronized Map<String, Object> event(String id) {
    return calendar.event(id);
  }

  /** Inserts an open Task (Status Not Started) of {@code ownerId} on a lead, due on a day. */
  public synchronized String insertTask(
      String ownerId, String whoId, String subject, java.time.LocalDate due) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("OwnerId", ownerId);
    fields.put("WhoId", whoId);
    fields.put("Subject", subject);
    fields.put("ActivityDate", due);
    return activities.insertTask(fields, stamp());
  }

  /**
   * Changes a Task directly (Subject, Status, OwnerId, ...), as a user in Salesforce would: a new
   * LastModifiedDate.
   */
  public synchronized void updateTask(String id, Map<String, Object> fields) {
    Map<String, Object> task = activities.taskById(id);
    if (task == null) {
      throw new IllegalArgumentException("no task " + id);
    }
    fields.forEach((k, v) -> task.put(k, v == null ? null : v.toString()));
    task.put("LastModifiedDate", stamp());
  }

  /** The query rows of Event, EventRelation and Task; the caller holds this object's monitor. */
  private List<Map<String, Object>> otherRows(String object, boolean all) {
    if (sales.holds(object)) {
      return List.copyOf(sales.candidates(object, all));
    }
    java.util.function.Function<String, String> leadName =
        id -> {
          Map<String, Object> lead = store.live(id);
          if (lead == null) {
            return null;
          }
          Object first = lead.get("FirstName");
          return first == null ? (String) lead.get("LastName") : first + " " + lead.get("LastName");
        };
    return object.equals("Task")
        ? activities.taskRows(leadName)
        : calendar.rows(object, all, leadName);
  }

  // ---- counts ----

  /**
   * Calls of one kind: token, userinfo, query, queryMore, sobject-create, sobject-upsert,
   * composite-create, composite-upsert.
   */
  public int calls(String kind) {
    return router.calls(kind);
  }

  public Map<String, Integer> calls() {
    return router.calls();
  }

  public void resetCalls() {
    router.resetCalls();
  }

  @Override
  public void close() {
    http.close();
  }

  // ---- for the resources in other classes (FakeSalesforceActivities); they lock this object ----

  synchronized Instant stamp() {
    return store.nextStamp();
  }

  Instant now() {
    return clock.instant();
  }

  /** Fault hook for a write: commit, then maybe stall or drop the connection. */
  void afterCommit() {
    Exchanges.sleep(faults.takeCommitThenStall());
    if (faults.takeCommitThenDrop()) {
      throw new Exchanges.DropConnection();
    }
  }

  void sendJson(HttpExchange exchange, int status, JsonNode body, boolean limitInfo)
      throws IOException {
    exchanges.sendJson(exchange, status, body, limitInfo);
  }

  /** An sObject Collections request's body, or null after answering 400 (see {@link Exchanges}). */
  JsonNode collectionsBody(HttpExchange exchange) throws IOException {
    return exchanges.collectionsBody(exchange);
  }

  /**
   * 400 INVALID_FIELD for an upsert on a field that is not an External ID (see {@link Exchanges}).
   */
  void sendNotAnExternalId(HttpExchange exchange, String field, String sObject) throws IOException {
    exchanges.sendNotAnExternalId(exchange, field, sObject);
  }

  static ArrayNode errors(String code, String message) {
    return Exchanges.errors(code, message);
  }

  static JsonNode readJson(HttpExchange exchange) throws IOException {
    return Exchanges.readJson(exchange);
  }

  /** Runs the fake on its own: {@code --port N} (default 8399) and {@code --seed-demo}. */
  public static void main(String[] args) throws InterruptedException {
    int port = 8399;
    boolean demo = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--seed-demo")) {
        demo = true;
      }
    }
    FakeSalesforce fake = start(port, Clock.systemUTC());
    if (demo) {
      fake.seedDemo();
    }
    System.out.println(
        "Fake Salesforce on " + fake.baseUrl() + " (" + fake.leadCount() + " leads)");
    System.out.println("SALESFORCE_LOGIN_URL=" + fake.baseUrl());
    System.out.println("SALESFORCE_AUTH_FLOW=client-credentials");
    System.out.println("SALESFORCE_CLIENT_ID=" + CLIENT_ID);
    System.out.println("SALESFORCE_CLIENT_SECRET=" + CLIENT_SECRET);
    System.out.println("demo user: " + DEMO_USER_ID + "; integration user: " + USERNAME);
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
    Thread.currentThread().join();
  }
}
