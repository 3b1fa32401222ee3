package com.crmvoice.testkit.salesforce;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.crmvoice.testkit.salesforce.SoqlEngine.QueryException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *   <li>Only the Lead object (Tasks, Lead describe and conditional Lead updates are in {@link
 *       FakeSalesforceActivities}, which states its own leniencies), and the SOQL subset of {@link
 *       SoqlEngine}: no relationship queries, functions, aggregates or date literals, no query
 *       length or selectivity limits.
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

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SF_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
  private static final Pattern DATA_PATH =
      Pattern.compile("^/services/data/v(\\d{2,3}\\.0)(/.*)?$");
  private static final Pattern OWNER_ID = Pattern.compile("^005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$");
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  private record User(String id, String username, String name, String email) {}

  private record Token(String userId, long generation) {}

  private record Cursor(
      List<Map<String, Object>> rows, List<String> fields, int batchSize, String version) {}

  private final LoopbackHttpServer http;
  private final Clock clock;
  private final KeyPair keys;
  private final LeadSchema schema = new LeadSchema(EXTERNAL_ID_FIELD);
  private final SoqlEngine engine = new SoqlEngine(schema);
  private final Faults faults = new Faults(this::expireAllTokens);
  private final FakeSalesforceActivities activities = new FakeSalesforceActivities(this);
  private final OrgSettings org = new OrgSettings();

  private final Map<String, Map<String, Object>> leads = new LinkedHashMap<>();
  private final Map<String, Set<String>> leadsByOwner = new HashMap<>();
  private final Map<String, String> leadsByExternalId = new HashMap<>();

  /** Deleted leads (also the losers of a merge), as queryAll still returns them. */
  private final Map<String, Map<String, Object>> recycleBin = new LinkedHashMap<>();

  private final Map<String, User> usersById = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger apiUsage = new AtomicInteger();
  private volatile long tokenGeneration;
  private volatile int defaultBatchSize = 2000;
  private long nextLeadNumber = 1;
  private long nextCursor = 1;
  private Instant lastStamp = Instant.EPOCH;

  private FakeSalesforce(int port, Clock clock) {
    this.clock = clock;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    addUser(new User(INTEGRATION_USER_ID, USERNAME, "Integration User", USERNAME));
    addUser(new User(DEMO_USER_ID, "demo@crmvoice.example", "Dana Demo", "demo@crmvoice.example"));
    http = LoopbackHttpServer.start(port, 64, 16, "fake-salesforce", "/", this::handle);
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
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  /** An access token for {@code userId}, as account linking hands a user's token to the skill. */
  public String issueUserToken(String userId) {
    usersById.computeIfAbsent(
        userId,
        id -> new User(id, id + "@crmvoice.example", "User " + id, id + "@crmvoice.example"));
    return newToken(userId);
  }

  /** A refresh token for {@code userId}, to be exchanged at the token endpoint. */
  public String issueRefreshToken(String userId) {
    issueUserToken(userId);
    String refresh = "5Aep" + UUID.randomUUID().toString().replace("-", "");
    refreshTokens.put(refresh, userId);
    return refresh;
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
    this.defaultBatchSize = size;
  }

  // ---- data set-up and inspection (not counted as API calls) ----

  /** Inserts a lead directly; fields by API name; answers its Id. */
  public synchronized String insertLead(Map<String, Object> fields) {
    Map<String, Object> record = new HashMap<>();
    fields.forEach((k, v) -> record.put(canonicalOrFail(k), v));
    Instant stamp = nextStamp();
    record.putIfAbsent("OwnerId", INTEGRATION_USER_ID);
    record.putIfAbsent("Status", "Open - Not Contacted");
    record.putIfAbsent("IsConverted", Boolean.FALSE);
    record.putIfAbsent("CreatedDate", stamp);
    record.put("IsDeleted", Boolean.FALSE);
    record.put("LastModifiedDate", stamp);
    record.put("SystemModstamp", stamp);
    return store(record);
  }

  /** Changes a lead directly (close, convert, reassign, ...); bumps its modification stamps. */
  public synchronized void updateLead(String id, Map<String, Object> fields) {
    Map<String, Object> current = leads.get(id);
    if (current == null) {
      throw new IllegalArgumentException("no lead " + id);
    }
    Map<String, Object> next = new HashMap<>(current);
    fields.forEach((k, v) -> next.put(canonicalOrFail(k), v));
    Instant stamp = nextStamp();
    next.put("LastModifiedDate", stamp);
    next.put("SystemModstamp", stamp);
    replace(id, current, next);
  }

  /**
   * Deletes a lead as a user would: it moves to the recycle bin, out of every query and read but
   * queryAll's, with IsDeleted true and a new SystemModstamp.
   */
  public synchronized void deleteLead(String id) {
    Map<String, Object> record = leads.get(id);
    if (record == null) {
      throw new IllegalArgumentException("no lead " + id);
    }
    moveToRecycleBin(id, record, null);
  }

  /**
   * Merges {@code losingId} into {@code masterId} as Salesforce's merge does: the master is updated
   * (new modification stamps), the loser deleted with MasterRecordId naming the master.
   */
  public synchronized void mergeLeads(String masterId, String losingId) {
    Map<String, Object> master = leads.get(masterId);
    Map<String, Object> loser = leads.get(losingId);
    if (master == null || loser == null || masterId.equals(losingId)) {
      throw new IllegalArgumentException("merge needs two live leads");
    }
    Map<String, Object> next = new HashMap<>(master);
    Instant stamp = nextStamp();
    next.put("LastModifiedDate", stamp);
    next.put("SystemModstamp", stamp);
    replace(masterId, master, next);
    moveToRecycleBin(losingId, loser, masterId);
  }

  private void moveToRecycleBin(String id, Map<String, Object> record, String masterId) {
    leads.remove(id);
    leadsByOwner.getOrDefault((String) record.get("OwnerId"), new TreeSet<>()).remove(id);
    Object external = record.get(EXTERNAL_ID_FIELD);
    if (external != null && id.equals(leadsByExternalId.get(external.toString()))) {
      leadsByExternalId.remove(external.toString());
    }
    Map<String, Object> deleted = new HashMap<>(record);
    deleted.put("IsDeleted", Boolean.TRUE);
    // getDeleted's deletedDate "is obtained using the SystemModstamp system field":
    // https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_getdeleted_getdeletedresult.htm
    deleted.put("SystemModstamp", nextStamp());
    if (masterId != null) {
      deleted.put("MasterRecordId", masterId);
    }
    recycleBin.put(id, deleted);
  }

  /** A deleted lead as queryAll sees it, or null. */
  public synchronized Map<String, Object> deletedLead(String id) {
    Map<String, Object> record = recycleBin.get(id);
    return record == null ? null : Map.copyOf(withoutNulls(record));
  }

  /** A live lead (not deleted), or null. */
  public synchronized Map<String, Object> lead(String id) {
    Map<String, Object> record = leads.get(id);
    return record == null ? null : Map.copyOf(withoutNulls(record));
  }

  public synchronized List<Map<String, Object>> leads() {
    return leads.values().stream().map(r -> Map.copyOf(withoutNulls(r))).toList();
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

  synchronized Instant stamp() {
    return nextStamp();
  }

  Instant now() {
    return clock.instant();
  }

  /** Fault hook for writes outside this class: commit, then maybe drop the connection. */
  void afterCommit() {
    maybeDropAfterCommit();
  }

  public synchronized int leadCount() {
    return leads.size();
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
      addUser(
          new User(
              owner, "rep" + o + "@crmvoice.example", "Rep " + o, "rep" + o + "@crmvoice.example"));
      for (int l = 0; l < leadsPerOwner; l++) {
        insertSeedLead(random, owner, now);
      }
    }
  }

  /** The demo user's leads among two other owners', for the simulator. */
  public synchronized void seedDemo() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    insertLead(
        demo(
            DEMO_USER_ID,
            "Maria",
            "Garcia",
            "Northwind Traders",
            "maria.garcia@northwind.example",
            "+1 206 555 0143",
            "Open - Not Contacted",
            now.minus(Duration.ofDays(12))));
    insertLead(
        demo(
            DEMO_USER_ID,
            "Wei",
            "Chen",
            "Contoso Pharmaceuticals",
            "wei.chen@contoso.example",
            "+1 425 555 0170",
            "Working - Contacted",
            now.minus(Duration.ofDays(5))));
    insertLead(
        demo(
            DEMO_USER_ID,
            "Olu",
            "Adeyemi",
            "Fabrikam",
            "olu@fabrikam.example",
            null,
            "Closed - Not Converted",
            now.minus(Duration.ofDays(30))));
    insertLead(
        demo(
            DEMO_USER_ID,
            "Sam",
            "Taylor",
            "Tailspin Toys",
            null,
            "+44 20 7946 0321",
            "Open - Not Contacted",
            now.minus(Duration.ofDays(2))));
    seed(2, 3, 42);
  }

  private Map<String, Object> demo(
      String owner,
      String first,
      String last,
      String company,
      String email,
      String phone,
      String status,
      Instant created) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("OwnerId", owner);
    fields.put("FirstName", first);
    fields.put("LastName", last);
    fields.put("Company", company);
    fields.put("Email", email);
    fields.put("Phone", phone);
    fields.put("Status", status);
    fields.put("CreatedDate", created);
    fields.put("IsConverted", Boolean.FALSE);
    return fields;
  }

  private static final String[] FIRST = {
    "Ana", "Ben", "Chloé", "Dev", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lena", "Mo",
    "Nia", "Omar", "Pia"
  };
  private static final String[] LAST = {
    "Smith",
    "O'Neil",
    "Nguyen",
    "Schmidt",
    "Kowalski",
    "Okafor",
    "Rossi",
    "Tanaka",
    "Dubois",
    "Silva",
    "Haddad",
    "Berg"
  };
  private static final String[] COMPANY = {
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Soylent",
    "Vandelay Industries",
    "Tyrell"
  };
  private static final String[] OPEN = {"Open - Not Contacted", "Working - Contacted"};

  private void insertSeedLead(Random random, String owner, Instant now) {
    Map<String, Object> record = new HashMap<>();
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    record.put("OwnerId", owner);
    record.put("FirstName", first);
    record.put("LastName", last);
    record.put("Company", COMPANY[random.nextInt(COMPANY.length)]);
    record.put(
        "Email", (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + "@example.com");
    record.put("Phone", String.format("+1 555 %07d", random.nextInt(10_000_000)));
    record.put("Status", OPEN[random.nextInt(OPEN.length)]);
    record.put("IsConverted", Boolean.FALSE);
    record.put("IsDeleted", Boolean.FALSE);
    Instant created = now.minusSeconds(60L + random.nextInt(365 * 24 * 3600));
    record.put("CreatedDate", created);
    Instant stamp = nextStamp();
    record.put("LastModifiedDate", stamp);
    record.put("SystemModstamp", stamp);
    store(record);
  }

  // ---- counts ----

  /**
   * Calls of one kind: token, userinfo, query, queryMore, sobject-create, sobject-upsert,
   * composite-create, composite-upsert.
   */
  public int calls(String kind) {
    AtomicInteger count = calls.get(kind);
    return count == null ? 0 : count.get();
  }

  public Map<String, Integer> calls() {
    Map<String, Integer> copy = new TreeMap<>();
    calls.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  public void resetCalls() {
    calls.clear();
  }

  @Override
  public void close() {
    http.close();
  }

  // ---- HTTP ----

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      // The body is read before the injected latency: the server's read timeout bounds how long a
      // client takes to send a request, not how long the fake takes to answer it.
      exchange.setStreams(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()), null);
      sleep(faults.latency());
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals("/services/oauth2/token")) {
        count("token");
        token(exchange);
      } else if (path.equals("/services/oauth2/userinfo")) {
        count("userinfo");
        userinfo(exchange);
      } else {
        Matcher data = DATA_PATH.matcher(path);
        if (data.matches()) {
          data(exchange, data.group(1), data.group(2) == null ? "" : data.group(2));
        } else {
          sendJson(
              exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"), false);
        }
      }
    } catch (DropConnection e) {
      // The exchange closes without a response: the client sees the connection drop.
    } catch (RuntimeException e) {
      sendJson(exchange, 500, errors("UNKNOWN_EXCEPTION", "An unexpected error occurred."), false);
    }
  }

  private static final class DropConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private void data(HttpExchange exchange, String version, String rest) throws IOException {
    String method = exchange.getRequestMethod();
    String kind = kindOf(method, rest);
    if (kind != null) {
      count(kind);
    }
    String userId = authenticate(exchange);
    if (userId == null) {
      sendJson(exchange, 401, errors("INVALID_SESSION_ID", "Session expired or invalid"), false);
      return;
    }
    if (!org.apiEnabled()) {
      sendJson(
          exchange, 403, errors("API_CURRENTLY_DISABLED", "API is disabled for this User"), false);
      return;
    }
    apiUsage.incrementAndGet();
    if (faults.takeDrop()) {
      throw new DropConnection();
    }
    int failure = faults.takeFailure();
    if (failure == 403) {
      sendJson(
          exchange, 403, errors("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."), true);
      return;
    }
    if (failure != 0) {
      String code = failure == 503 ? "SERVER_UNAVAILABLE" : "UNKNOWN_EXCEPTION";
      sendJson(
          exchange, failure, errors(code, "Service temporarily unavailable (injected)."), true);
      return;
    }
    if (kind == null || !ApiVersions.supports(kind, version)) {
      sendJson(exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"), true);
      return;
    }
    switch (kind) {
      case "query" -> query(exchange, version, false);
      case "queryAll" -> query(exchange, version, true);
      case "queryMore" -> queryMore(exchange, rest.substring("/query/".length()));
      case "sobject-create" -> createOne(exchange, version, userId);
      case "sobject-get" -> getOne(exchange, version, rest.substring("/sobjects/Lead/".length()));
      case "sobject-upsert" -> upsertOne(exchange, version, userId, rest);
      case "composite-create" -> composite(exchange, version, userId, null);
      case "composite-upsert" ->
          composite(
              exchange, version, userId, rest.substring("/composite/sobjects/Lead/".length()));
      default -> {
        if (!activities.handle(kind, exchange, version, userId, rest)) {
          sendJson(
              exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"), true);
        }
      }
    }
  }

  private static String kindOf(String method, String rest) {
    if (method.equals("GET") && rest.equals("/query")) {
      return "query";
    }
    if (method.equals("GET") && (rest.equals("/queryAll") || rest.equals("/queryAll/"))) {
      return "queryAll";
    }
    if (method.equals("GET") && rest.matches("/query/[A-Za-z0-9]+-\\d+")) {
      return "queryMore";
    }
    if (method.equals("POST") && rest.equalsIgnoreCase("/sobjects/Lead")) {
      return "sobject-create";
    }
    if (method.equals("GET") && rest.matches("(?i)/sobjects/Lead/[A-Za-z0-9]{15,18}")) {
      return "sobject-get";
    }
    if (method.equals("PATCH") && rest.matches("(?i)/sobjects/Lead/[A-Za-z0-9_]+/[^/]+")) {
      return "sobject-upsert";
    }
    if (method.equals("POST") && rest.equals("/composite/sobjects")) {
      return "composite-create";
    }
    if (method.equals("PATCH") && rest.matches("(?i)/composite/sobjects/Lead/[A-Za-z0-9_]+")) {
      return "composite-upsert";
    }
    return FakeSalesforceActivities.kindOf(method, rest);
  }

  // ---- OAuth ----

  private void token(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      sendOAuthError(exchange, 400, "invalid_request", "must use HTTP POST");
      return;
    }
    Map<String, String> form = parseForm(readBody(exchange));
    String grant = form.getOrDefault("grant_type", "");
    switch (grant) {
      case "urn:ietf:params:oauth:grant-type:jwt-bearer" ->
          jwtBearer(exchange, form.get("assertion"));
      case "client_credentials" -> {
        String[] basic = basicAuth(exchange);
        String id = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        if (!CLIENT_ID.equals(id)) {
          sendOAuthError(exchange, 400, "invalid_client_id", "client identifier invalid");
        } else if (!CLIENT_SECRET.equals(secret)) {
          sendOAuthError(exchange, 400, "invalid_client", "invalid client credentials");
        } else {
          sendToken(exchange, INTEGRATION_USER_ID, null);
        }
      }
      case "password" -> {
        if (!CLIENT_ID.equals(form.get("client_id"))
            || !CLIENT_SECRET.equals(form.get("client_secret"))) {
          sendOAuthError(exchange, 400, "invalid_client_id", "client identifier invalid");
        } else if (!USERNAME.equals(form.get("username"))
            || !PASSWORD.equals(form.get("password"))) {
          sendOAuthError(exchange, 400, "invalid_grant", "authentication failure");
        } else {
          sendToken(exchange, INTEGRATION_USER_ID, null);
        }
      }
      case "refresh_token" -> {
        String userId = refreshTokens.get(form.getOrDefault("refresh_token", ""));
        if (!CLIENT_ID.equals(form.get("client_id"))) {
          sendOAuthError(exchange, 400, "invalid_client_id", "client identifier invalid");
        } else if (userId == null) {
          sendOAuthError(exchange, 400, "invalid_grant", "expired access/refresh token");
        } else {
          sendToken(exchange, userId, null);
        }
      }
      default ->
          sendOAuthError(exchange, 400, "unsupported_grant_type", "grant type not supported");
    }
  }

  private void jwtBearer(HttpExchange exchange, String assertion) throws IOException {
    if (assertion == null) {
      sendOAuthError(exchange, 400, "invalid_request", "assertion is required");
      return;
    }
    String[] parts = assertion.split("\\.");
    if (parts.length != 3) {
      sendOAuthError(exchange, 400, "invalid_grant", "invalid assertion");
      return;
    }
    JsonNode header;
    JsonNode claims;
    try {
      header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(keys.getPublic());
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!"RS256".equals(header.path("alg").asText())
          || !verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        sendOAuthError(exchange, 400, "invalid_grant", "invalid assertion");
        return;
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      sendOAuthError(exchange, 400, "invalid_grant", "invalid assertion");
      return;
    }
    if (!CLIENT_ID.equals(claims.path("iss").asText())) {
      sendOAuthError(exchange, 400, "invalid_client_id", "client identifier invalid");
      return;
    }
    // aud is login.salesforce.com (production) or test.salesforce.com (sandbox), whatever host
    // the request went to; the My Domain (here: this fake's own URL) is refused:
    // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
    if (!org.jwtAudience().equals(claims.path("aud").asText())) {
      sendOAuthError(exchange, 400, "invalid_grant", "audience is invalid");
      return;
    }
    if (claims.path("exp").asLong(0) * 1000 <= clock.millis()) {
      sendOAuthError(exchange, 400, "invalid_grant", "expired authorization code");
      return;
    }
    User user =
        usersById.values().stream()
            .filter(u -> u.username().equals(claims.path("sub").asText()))
            .findFirst()
            .orElse(null);
    if (user == null) {
      sendOAuthError(exchange, 400, "invalid_grant", "user hasn't approved this consumer");
      return;
    }
    sendToken(exchange, user.id(), null);
  }

  private void sendToken(HttpExchange exchange, String userId, String refreshToken)
      throws IOException {
    String token = newToken(userId);
    ObjectNode body = JSON.createObjectNode();
    body.put("access_token", token);
    if (refreshToken != null) {
      body.put("refresh_token", refreshToken);
    }
    body.put(
        "signature",
        Base64.getEncoder()
            .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
    body.put("scope", "api");
    body.put("instance_url", baseUrl().toString());
    body.put("id", baseUrl() + "/id/" + ORG_ID + "/" + userId);
    body.put("token_type", "Bearer");
    body.put("issued_at", Long.toString(clock.millis()));
    sendJson(exchange, 200, body, false);
  }

  private void userinfo(HttpExchange exchange) throws IOException {
    String userId = authenticate(exchange);
    if (userId == null) {
      byte[] body = "Bad_OAuth_Token".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=UTF-8");
      exchange.sendResponseHeaders(403, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      return;
    }
    User user = usersById.get(userId);
    ObjectNode body = JSON.createObjectNode();
    body.put("sub", baseUrl() + "/id/" + ORG_ID + "/" + userId);
    body.put("user_id", userId);
    body.put("organization_id", ORG_ID);
    body.put("preferred_username", user.username());
    body.put("nickname", user.username().split("@")[0]);
    body.put("name", user.name());
    body.put("email", user.email());
    body.put("email_verified", true);
    body.put("zoneinfo", "America/Los_Angeles");
    body.put("locale", "en_US");
    body.put("user_type", "STANDARD");
    sendJson(exchange, 200, body, false);
  }

  private String authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    Token token = tokens.get(header.substring(7).trim());
    if (token == null || token.generation() < tokenGeneration) {
      return null;
    }
    return token.userId();
  }

  private String newToken(String userId) {
    String token =
        ORG_ID.substring(0, 15)
            + "!"
            + UUID.randomUUID().toString().replace("-", "")
            + UUID.randomUUID().toString().replace("-", "");
    tokens.put(token, new Token(userId, tokenGeneration));
    return token;
  }

  private void expireAllTokens() {
    tokenGeneration++;
  }

  private void addUser(User user) {
    usersById.put(user.id(), user);
  }

  // ---- queries ----

  private void query(HttpExchange exchange, String version, boolean all) throws IOException {
    String q = queryParameter(exchange.getRequestURI().getRawQuery(), "q");
    if (q == null) {
      sendJson(
          exchange, 400, errors("MALFORMED_QUERY", "A query string has to be specified"), true);
      return;
    }
    SoqlEngine.Query query;
    try {
      query = engine.parse(q);
    } catch (QueryException e) {
      sendJson(exchange, 400, errors(e.errorCode, e.getMessage()), true);
      return;
    }
    List<Map<String, Object>> rows;
    synchronized (this) {
      String owner = SoqlEngine.ownerEquality(query.where());
      Collection<Map<String, Object>> candidates =
          owner == null
              ? leads.values()
              : leadsByOwner.getOrDefault(owner, Set.of()).stream().map(leads::get).toList();
      if (all) {
        // queryAll also answers deleted and merged-away records; query never does.
        List<Map<String, Object>> withDeleted = new ArrayList<>(candidates);
        withDeleted.addAll(recycleBin.values());
        candidates = withDeleted;
      }
      rows = new ArrayList<>();
      for (Map<String, Object> record : candidates) {
        if (engine.matches(query.where(), record)) {
          rows.add(record);
        }
      }
    }
    if (!query.orderBy().isEmpty()) {
      rows.sort(engine.comparator(query.orderBy()));
    }
    if (query.limit() != null && rows.size() > query.limit()) {
      rows = new ArrayList<>(rows.subList(0, query.limit()));
    }
    int batch = batchSize(exchange);
    sendPage(exchange, new Cursor(rows, query.fields(), batch, version), 0, null);
  }

  private void queryMore(HttpExchange exchange, String locatorAndOffset) throws IOException {
    int dash = locatorAndOffset.lastIndexOf('-');
    String locator = locatorAndOffset.substring(0, dash);
    int offset = Integer.parseInt(locatorAndOffset.substring(dash + 1));
    Cursor cursor = cursors.get(locator);
    if (cursor == null || offset > cursor.rows().size()) {
      sendJson(exchange, 400, errors("INVALID_QUERY_LOCATOR", "invalid query locator"), true);
      return;
    }
    sendPage(exchange, cursor, offset, locator);
  }

  private void sendPage(HttpExchange exchange, Cursor cursor, int offset, String locator)
      throws IOException {
    int end = Math.min(cursor.rows().size(), offset + cursor.batchSize());
    ObjectNode body = JSON.createObjectNode();
    body.put("totalSize", cursor.rows().size());
    boolean done = end >= cursor.rows().size();
    body.put("done", done);
    if (!done) {
      String id = locator;
      if (id == null) {
        synchronized (this) {
          id = String.format("01gFAKE%011d", nextCursor++);
        }
        cursors.put(id, cursor);
      }
      body.put(
          "nextRecordsUrl", "/services/data/v" + cursor.version() + "/query/" + id + "-" + end);
    } else if (locator != null) {
      cursors.remove(locator);
    }
    ArrayNode records = body.putArray("records");
    for (Map<String, Object> row : cursor.rows().subList(offset, end)) {
      ObjectNode record = records.addObject();
      ObjectNode attributes = record.putObject("attributes");
      attributes.put("type", "Lead");
      attributes.put(
          "url", "/services/data/v" + cursor.version() + "/sobjects/Lead/" + row.get("Id"));
      for (String field : cursor.fields()) {
        putValue(record, field, field.equals("Name") ? name(row) : row.get(field));
      }
    }
    sendJson(exchange, 200, body, true);
  }

  private int batchSize(HttpExchange exchange) {
    String options = exchange.getRequestHeaders().getFirst("Sforce-Query-Options");
    if (options != null) {
      Matcher m = Pattern.compile("batchSize=(\\d+)").matcher(options);
      if (m.find()) {
        return Math.max(200, Math.min(2000, Integer.parseInt(m.group(1))));
      }
    }
    return defaultBatchSize;
  }

  // ---- writes ----

  private record WriteOutcome(String id, boolean created, ArrayNode errors) {}

  /** The request headers that change what a write does. */
  private record WriteContext(String autoAssign, boolean allowSave) {}

  private static WriteContext writeContext(HttpExchange exchange, String version) {
    return new WriteContext(
        exchange.getRequestHeaders().getFirst("Sforce-Auto-Assign"),
        DuplicateRule.allowSave(
            exchange.getRequestHeaders().getFirst("Sforce-Duplicate-Rule-Header"), version));
  }

  private void createOne(HttpExchange exchange, String version, String userId) throws IOException {
    JsonNode body = readJson(exchange);
    if (body == null || !body.isObject()) {
      sendJson(
          exchange,
          400,
          errors("JSON_PARSER_ERROR", "Unexpected request body: expected a JSON object"),
          true);
      return;
    }
    WriteOutcome outcome;
    synchronized (this) {
      outcome = write((ObjectNode) body, userId, null, writeContext(exchange, version));
    }
    maybeDropAfterCommit();
    if (outcome.errors() != null) {
      ArrayNode errors = JSON.createArrayNode();
      outcome
          .errors()
          .forEach(
              e ->
                  errors
                      .addObject()
                      .put("message", e.path("message").asText())
                      .put("errorCode", e.path("statusCode").asText())
                      .set("fields", e.path("fields")));
      sendJson(exchange, 400, errors, true);
      return;
    }
    ObjectNode result = JSON.createObjectNode().put("id", outcome.id()).put("success", true);
    result.putArray("errors");
    sendJson(exchange, 201, result, true);
  }

  private void getOne(HttpExchange exchange, String version, String id) throws IOException {
    Map<String, Object> record;
    boolean deleted;
    synchronized (this) {
      record = leads.get(id);
      deleted = recycleBin.containsKey(id);
    }
    if (deleted) {
      sendJson(exchange, 404, errors("ENTITY_IS_DELETED", "entity is deleted"), true);
      return;
    }
    if (record == null) {
      sendJson(exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"), true);
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.putObject("attributes")
        .put("type", "Lead")
        .put("url", "/services/data/v" + version + "/sobjects/Lead/" + id);
    for (String field : new TreeSet<>(record.keySet())) {
      putValue(body, field, record.get(field));
    }
    sendJson(exchange, 200, body, true);
  }

  private void upsertOne(HttpExchange exchange, String version, String userId, String rest)
      throws IOException {
    String[] parts = rest.substring("/sobjects/Lead/".length()).split("/", 2);
    String field = schema.canonical(parts[0]);
    if (!EXTERNAL_ID_FIELD.equals(field)) {
      sendJson(
          exchange,
          400,
          errors(
              "NOT_FOUND",
              "Provided external ID field does not exist or is not accessible: " + parts[0]),
          true);
      return;
    }
    String value = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
    JsonNode body = readJson(exchange);
    if (body == null || !body.isObject()) {
      sendJson(
          exchange,
          400,
          errors("JSON_PARSER_ERROR", "Unexpected request body: expected a JSON object"),
          true);
      return;
    }
    WriteOutcome outcome;
    synchronized (this) {
      outcome = write((ObjectNode) body, userId, value, writeContext(exchange, version));
    }
    maybeDropAfterCommit();
    if (outcome.errors() != null) {
      ArrayNode errors = JSON.createArrayNode();
      outcome
          .errors()
          .forEach(
              e ->
                  errors
                      .addObject()
                      .put("message", e.path("message").asText())
                      .put("errorCode", e.path("statusCode").asText())
                      .set("fields", e.path("fields")));
      sendJson(exchange, 400, errors, true);
      return;
    }
    ObjectNode result = JSON.createObjectNode().put("id", outcome.id()).put("success", true);
    result.putArray("errors");
    result.put("created", outcome.created());
    sendJson(exchange, outcome.created() ? 201 : 200, result, true);
  }

  private void composite(HttpExchange exchange, String version, String userId, String externalField)
      throws IOException {
    if (externalField != null && !EXTERNAL_ID_FIELD.equals(schema.canonical(externalField))) {
      sendJson(
          exchange,
          400,
          errors(
              "INVALID_FIELD",
              "Field name provided, "
                  + externalField
                  + " is not an External ID or indexed field for Lead"),
          true);
      return;
    }
    JsonNode body = readJson(exchange);
    if (body == null || !body.path("records").isArray()) {
      sendJson(
          exchange,
          400,
          errors("JSON_PARSER_ERROR", "The request body must contain a records array"),
          true);
      return;
    }
    ArrayNode records = (ArrayNode) body.get("records");
    if (records.size() > 200) {
      sendJson(
          exchange,
          400,
          errors(
              "EXCEEDED_ID_LIMIT",
              "record limit reached. cannot submit more than 200 records into this call"),
          true);
      return;
    }
    boolean allOrNone = body.path("allOrNone").asBoolean(false);
    WriteContext context = writeContext(exchange, version);
    ArrayNode results = JSON.createArrayNode();
    synchronized (this) {
      Map<String, Map<String, Object>> leadsBefore = allOrNone ? new LinkedHashMap<>(leads) : null;
      Map<String, Set<String>> ownersBefore = allOrNone ? deepCopy(leadsByOwner) : null;
      Map<String, String> externalBefore = allOrNone ? new HashMap<>(leadsByExternalId) : null;
      List<WriteOutcome> outcomes = new ArrayList<>();
      for (JsonNode record : records) {
        if (!record.isObject() || !"Lead".equals(record.path("attributes").path("type").asText())) {
          ArrayNode errors = JSON.createArrayNode();
          errors
              .addObject()
              .put("statusCode", "INVALID_TYPE")
              .put("message", "Each record must have attributes with type Lead")
              .putArray("fields");
          outcomes.add(new WriteOutcome(null, false, errors));
          continue;
        }
        String externalValue = null;
        if (externalField != null) {
          externalValue = record.path(EXTERNAL_ID_FIELD).asText(null);
          if (externalValue == null || externalValue.isBlank()) {
            ArrayNode errors = JSON.createArrayNode();
            errors
                .addObject()
                .put("statusCode", "MISSING_ARGUMENT")
                .put("message", EXTERNAL_ID_FIELD + " not specified")
                .putArray("fields");
            outcomes.add(new WriteOutcome(null, false, errors));
            continue;
          }
        }
        outcomes.add(write((ObjectNode) record, userId, externalValue, context));
      }
      boolean anyFailed = outcomes.stream().anyMatch(o -> o.errors() != null);
      if (allOrNone && anyFailed) {
        leads.clear();
        leads.putAll(leadsBefore);
        leadsByOwner.clear();
        leadsByOwner.putAll(ownersBefore);
        leadsByExternalId.clear();
        leadsByExternalId.putAll(externalBefore);
      }
      for (WriteOutcome outcome : outcomes) {
        ObjectNode result = results.addObject();
        if (outcome.errors() == null && !(allOrNone && anyFailed)) {
          result.put("id", outcome.id()).put("success", true).putArray("errors");
          if (externalField != null) {
            result.put("created", outcome.created());
          }
        } else {
          result.put("success", false);
          if (outcome.errors() != null) {
            result.set("errors", outcome.errors());
          } else {
            result
                .putArray("errors")
                .addObject()
                .put("statusCode", "ALL_OR_NONE_OPERATION_ROLLED_BACK")
                .put(
                    "message",
                    "Record rolled back because not all records were valid and the request was using AllOrNone header")
                .putArray("fields");
          }
        }
      }
    }
    maybeDropAfterCommit();
    sendJson(exchange, 200, results, true);
  }

  private void maybeDropAfterCommit() {
    sleep(faults.takeCommitThenStall());
    if (faults.takeCommitThenDrop()) {
      throw new DropConnection();
    }
  }

  private static Map<String, Set<String>> deepCopy(Map<String, Set<String>> source) {
    Map<String, Set<String>> copy = new HashMap<>();
    source.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
    return copy;
  }

  /** Validates and applies one record; answers its id or Salesforce's per-record errors. */
  private WriteOutcome write(
      ObjectNode input, String userId, String externalValue, WriteContext context) {
    Map<String, Object> values = new HashMap<>();
    List<String[]> problems = new ArrayList<>(); // statusCode, message, field
    input
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals("attributes")) {
                return;
              }
              String field = schema.canonical(e.getKey());
              if (field == null) {
                problems.add(
                    new String[] {
                      "INVALID_FIELD",
                      "No such column '" + e.getKey() + "' on sobject of type Lead",
                      e.getKey()
                    });
                return;
              }
              if (!schema.field(field).writable()) {
                problems.add(
                    new String[] {
                      "INVALID_FIELD_FOR_INSERT_UPDATE",
                      "Unable to create/update fields: "
                          + field
                          + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
                      field
                    });
                return;
              }
              JsonNode value = e.getValue();
              if (value.isNull()) {
                values.put(field, null);
              } else if (!value.isTextual()) {
                problems.add(
                    new String[] {
                      "JSON_PARSER_ERROR",
                      "Cannot deserialize instance of string from "
                          + value.getNodeType()
                          + " value",
                      field
                    });
              } else {
                values.put(field, value.asText());
              }
            });
    if (externalValue != null) {
      values.put(EXTERNAL_ID_FIELD, externalValue);
    }
    String existingId = externalValue == null ? null : leadsByExternalId.get(externalValue);
    Map<String, Object> merged =
        new HashMap<>(existingId == null ? Map.of() : withoutNulls(leads.get(existingId)));
    merged.putAll(values);
    List<String> missing = new ArrayList<>();
    for (String required : List.of("LastName", "Company")) {
      Object v = merged.get(required);
      if (v == null || v.toString().isBlank()) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          new String[] {
            "REQUIRED_FIELD_MISSING",
            "Required fields are missing: " + missing,
            String.join(",", missing)
          });
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      LeadSchema.Field field = schema.field(e.getKey());
      if (e.getValue() instanceof String s
          && field.maxLength() > 0
          && s.codePointCount(0, s.length()) > field.maxLength()) {
        problems.add(
            new String[] {
              "STRING_TOO_LONG",
              field.label()
                  + ": data value too large: "
                  + s
                  + " (max length="
                  + field.maxLength()
                  + ")",
              field.name()
            });
      }
    }
    if (values.get("Email") instanceof String email && !EMAIL.matcher(email).matches()) {
      problems.add(
          new String[] {
            "INVALID_EMAIL_ADDRESS", "Email: invalid email address: " + email, "Email"
          });
    }
    Object owner = merged.getOrDefault("OwnerId", userId);
    if (owner == null || !OWNER_ID.matcher(owner.toString()).matches()) {
      problems.add(
          new String[] {
            "INVALID_CROSS_REFERENCE_KEY",
            "Owner ID: id value of incorrect type: " + owner,
            "OwnerId"
          });
    }
    DuplicateRule.Action duplicateRule =
        faults.duplicateRuleActive() ? DuplicateRule.Action.BLOCK : org.duplicateRule();
    if (problems.isEmpty()
        && existingId == null
        && duplicateRule != null
        && DuplicateRule.matches(merged, leads.values())
        && DuplicateRule.blocks(duplicateRule, context.allowSave())) {
      problems.add(new String[] {"DUPLICATES_DETECTED", DuplicateRule.ALERT_TEXT, ""});
    }
    if (problems.isEmpty() && faults.takeLockError()) {
      problems.add(
          new String[] {
            "UNABLE_TO_LOCK_ROW",
            "unable to obtain exclusive access to this record or 1 records: "
                + (existingId == null ? "00Q000000000000AAA" : existingId),
            ""
          });
    }
    if (!problems.isEmpty()) {
      ArrayNode errors = JSON.createArrayNode();
      for (String[] p : problems) {
        ObjectNode error = errors.addObject();
        error.put("statusCode", p[0]);
        error.put("message", p[1]);
        ArrayNode fields = error.putArray("fields");
        for (String f : p[2].split(",")) {
          if (!f.isEmpty()) {
            fields.add(f);
          }
        }
      }
      return new WriteOutcome(null, false, errors);
    }
    // The active assignment rule runs on created and updated leads unless Sforce-Auto-Assign is
    // FALSE:
    // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm
    LeadAssignmentRule rule = org.assignmentRule();
    Instant stamp = nextStamp();
    if (existingId != null) {
      Map<String, Object> current = leads.get(existingId);
      Map<String, Object> next = new HashMap<>(current);
      next.putAll(values);
      if (rule != null) {
        next.put("OwnerId", rule.ownerAfter(context.autoAssign(), (String) next.get("OwnerId")));
      }
      next.put("LastModifiedDate", stamp);
      next.put("SystemModstamp", stamp);
      replace(existingId, current, next);
      return new WriteOutcome(existingId, false, null);
    }
    Map<String, Object> record = new HashMap<>(values);
    record.put(
        "OwnerId",
        rule == null ? owner.toString() : rule.ownerAfter(context.autoAssign(), owner.toString()));
    record.putIfAbsent("Status", "Open - Not Contacted");
    record.put("IsConverted", Boolean.FALSE);
    record.put("IsDeleted", Boolean.FALSE);
    record.put("CreatedDate", stamp);
    record.put("LastModifiedDate", stamp);
    record.put("SystemModstamp", stamp);
    return new WriteOutcome(store(record), true, null);
  }

  // ---- store ----

  private String store(Map<String, Object> record) {
    String id = String.format("00Q%012dAAA", nextLeadNumber++);
    record.put("Id", id);
    leads.put(id, record);
    leadsByOwner.computeIfAbsent((String) record.get("OwnerId"), k -> new TreeSet<>()).add(id);
    Object external = record.get(EXTERNAL_ID_FIELD);
    if (external != null) {
      leadsByExternalId.put(external.toString(), id);
    }
    return id;
  }

  private void replace(String id, Map<String, Object> current, Map<String, Object> next) {
    leads.put(id, next);
    String oldOwner = (String) current.get("OwnerId");
    String newOwner = (String) next.get("OwnerId");
    if (!oldOwner.equals(newOwner)) {
      leadsByOwner.get(oldOwner).remove(id);
      leadsByOwner.computeIfAbsent(newOwner, k -> new TreeSet<>()).add(id);
    }
    Object external = next.get(EXTERNAL_ID_FIELD);
    if (external != null) {
      leadsByExternalId.put(external.toString(), id);
    }
  }

  private Instant nextStamp() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
    return lastStamp;
  }

  private String canonicalOrFail(String name) {
    String canonical = schema.canonical(name);
    if (canonical == null) {
      throw new IllegalArgumentException("Lead has no field " + name);
    }
    return canonical;
  }

  private static String name(Map<String, Object> row) {
    Object first = row.get("FirstName");
    return first == null ? (String) row.get("LastName") : first + " " + row.get("LastName");
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> record) {
    Map<String, Object> copy = new HashMap<>();
    record.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }

  // ---- plumbing ----

  private void count(String kind) {
    calls.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
  }

  private static void putValue(ObjectNode node, String field, Object value) {
    if (value == null) {
      node.putNull(field);
    } else if (value instanceof Instant instant) {
      node.put(field, SF_DATETIME.format(instant));
    } else if (value instanceof Boolean b) {
      node.put(field, b);
    } else {
      node.put(field, value.toString());
    }
  }

  static ArrayNode errors(String code, String message) {
    ArrayNode errors = JSON.createArrayNode();
    errors.addObject().put("message", message).put("errorCode", code);
    return errors;
  }

  private void sendOAuthError(HttpExchange exchange, int status, String error, String description)
      throws IOException {
    sendJson(
        exchange,
        status,
        JSON.createObjectNode().put("error", error).put("error_description", description),
        false);
  }

  void sendJson(HttpExchange exchange, int status, JsonNode body, boolean limitInfo)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    if (limitInfo) {
      exchange
          .getResponseHeaders()
          .set("Sforce-Limit-Info", "api-usage=" + apiUsage.get() + "/" + API_LIMIT);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static JsonNode readJson(HttpExchange exchange) throws IOException {
    try {
      return JSON.readTree(readBody(exchange));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(key, value);
    }
    return form;
  }

  private static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    return parseForm(rawQuery).get(name);
  }

  private static String[] basicAuth(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded =
        new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    return colon < 0
        ? null
        : new String[] {
          URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
        };
  }

  private static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
