package com.crmvoice.testkit.dataverse;

import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes each HTTP request: the token endpoint, or under {@code /api/data/v9.x} a Web API request,
 * which is counted, authenticated (a bearer token, else 401), checked for the OData version headers
 * and the injected faults, then dispatched to its resource ({@link #dispatch}, which a $batch's
 * operations go through too).
 */
final class RequestRouter {

  private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$");
  private static final Pattern API_PATH = Pattern.compile("^/api/data/v9\\.[0-2]/(.*)$");
  private static final Pattern ROW = Pattern.compile("^([a-z]+)\\((.*)\\)$");
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern KEY = Pattern.compile("^([a-z_]+)='((?:[^']|'')*)'$");
  private static final String STATUS_METADATA =
      "EntityDefinitions(LogicalName='lead')/Attributes(LogicalName='statuscode')/Microsoft.Dynamics.CRM.StatusAttributeMetadata";
  private static final String SALES_STAGE_METADATA =
      "EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='salesstage')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata";

  private final FakeDataverse fake;
  private final Schema schema;
  private final TokenServer tokens;
  private final Users users;
  private final DvFaults faults;
  private final QueryResource queries;
  private final WriteResource writes;
  private final BatchResource batches;
  private final OpportunityActions actions;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  RequestRouter(
      FakeDataverse fake, Schema schema, TokenServer tokens, Users users, DvFaults faults) {
    this.fake = fake;
    this.schema = schema;
    this.tokens = tokens;
    this.users = users;
    this.faults = faults;
    this.queries = new QueryResource(fake::apiRoot, schema, fake::primaryName);
    this.writes = new WriteResource(fake, schema);
    this.actions = new OpportunityActions(fake, schema, fake.clock());
    this.batches =
        new BatchResource(
            "/api/data/v9.2", this::dispatch, fake::beginChangeSet, fake::endChangeSet);
  }

  int calls(String kind) {
    AtomicInteger n = calls.get(kind);
    return n == null ? 0 : n.get();
  }

  Map<String, Integer> calls() {
    Map<String, Integer> copy = new TreeMap<>();
    calls.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  void resetCalls() {
    calls.clear();
  }

  private void count(String kind) {
    calls.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
  }

  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      sleep(faults.latency());
      String path = exchange.getRequestURI().getRawPath();
      Matcher token = TOKEN_PATH.matcher(path);
      if (token.matches()) {
        count("token");
        send(
            exchange,
            tokens.token(
                token.group(1),
                exchange.getRequestMethod(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        return;
      }
      Matcher api = API_PATH.matcher(path);
      if (!api.matches()) {
        send(
            exchange,
            DvResponse.error(
                404, "0x80060888", "Resource not found for the segment '" + path + "'."));
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
      DvRequest request =
          new DvRequest(
              exchange.getRequestMethod(),
              decodePath(api.group(1)),
              exchange.getRequestURI().getRawQuery(),
              headers,
              body,
              null);
      count(kind(request));
      String userId = users.userOf(request.header("Authorization"));
      if (userId == null) {
        exchange
            .getResponseHeaders()
            .set("WWW-Authenticate", "Bearer authorization_uri=https://login.microsoftonline.com/");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      for (String version : List.of("OData-Version", "OData-MaxVersion")) {
        String value = request.header(version);
        if (value != null && !value.strip().equals("4.0")) {
          send(exchange, DvResponse.error(400, "0x80060888", version + " must be 4.0."));
          return;
        }
      }
      if (faults.takeDrop()) {
        return; // closed without a response
      }
      int retryAfter = faults.takeThrottle();
      if (retryAfter >= 0) {
        send(
            exchange,
            DvResponse.error(
                    429,
                    "0x80072322",
                    "Number of requests exceeded the limit of 6000 over time window of 300 seconds.")
                .with("Retry-After", Integer.toString(retryAfter)));
        return;
      }
      int failure = faults.takeFailure();
      if (failure != 0) {
        send(
            exchange,
            DvResponse.error(failure, "0x80040216", "An unexpected error occurred (injected)."));
        return;
      }
      DvRequest authed =
          new DvRequest(
              request.method(),
              request.path(),
              request.rawQuery(),
              request.headers(),
              body,
              userId);
      DvResponse response;
      synchronized (fake) {
        response = dispatch(authed);
      }
      if (!request.method().equals("GET") && response.ok() || request.path().equals("$batch")) {
        sleep(faults.takeCommitThenStall());
        if (faults.takeCommitThenDrop()) {
          return;
        }
      }
      send(exchange, response);
    } catch (RuntimeException e) {
      send(exchange, DvResponse.error(500, "0x80040216", "An unexpected error occurred."));
    }
  }

  /** Runs one request against the resources; the caller holds the fake's monitor. */
  DvResponse dispatch(DvRequest request) {
    try {
      return route(request);
    } catch (ODataFilter.BadQuery e) {
      return DvResponse.error(400, "0x80060888", e.getMessage());
    }
  }

  private DvResponse route(DvRequest request) {
    String path = request.path();
    String method = request.method();
    if (path.equals("$batch")) {
      return batches.batch(request);
    }
    if (path.equals("WhoAmI") && method.equals("GET")) {
      ObjectNode body = DvResponse.JSON.createObjectNode();
      body.put(
          "@odata.context", fake.apiRoot() + "/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
      body.put("BusinessUnitId", FakeDataverse.BUSINESS_UNIT_ID);
      body.put("UserId", request.userId());
      body.put("OrganizationId", FakeDataverse.ORGANIZATION_ID);
      return DvResponse.json(200, body);
    }
    if ((path.equals("WinOpportunity") || path.equals("LoseOpportunity"))
        && method.equals("POST")) {
      return actions.close(path.equals("WinOpportunity"), request);
    }
    if (path.equals(STATUS_METADATA) && method.equals("GET")) {
      return optionsMetadata("statuscode", Schema.LEAD_STATUSES);
    }
    if (path.equals(SALES_STAGE_METADATA) && method.equals("GET")) {
      return optionsMetadata("salesstage", Schema.SALES_STAGES);
    }
    Matcher row = ROW.matcher(path);
    if (row.matches() && row.group(1).equals("systemusers") && method.equals("GET")) {
      String id = row.group(2).toLowerCase();
      if (!users.isUser(id)) {
        return DvResponse.error(
            404, "0x80040217", "systemuser With Id = " + id + " Does Not Exist");
      }
      ObjectNode body = DvResponse.JSON.createObjectNode();
      body.put("systemuserid", id);
      body.put("fullname", users.fullName(id));
      return DvResponse.json(200, body);
    }
    Table table = schema.table(row.matches() ? row.group(1) : path);
    if (table == null) {
      return DvResponse.error(
          404, "0x80060888", "Resource not found for the segment '" + path + "'.");
    }
    if (!row.matches()) {
      return switch (method) {
        case "GET" -> queries.collection(table, request);
        case "POST" -> writes.create(table, request);
        default -> DvResponse.error(405, "0x80060888", method + " is not allowed on a collection.");
      };
    }
    String inside = row.group(2);
    Map<String, Object> identity = new LinkedHashMap<>();
    Map<String, Object> target;
    String described;
    if (GUID.matcher(inside).matches()) {
      identity.put(table.idColumn, inside.toLowerCase());
      target = table.row(inside);
      described = "Id = " + inside.toLowerCase();
    } else {
      Matcher key = KEY.matcher(inside);
      if (!key.matches()) {
        return DvResponse.error(400, "0x80060888", "Bad Request - Error in query syntax.");
      }
      if (!key.group(1).equals(table.keyColumn)) {
        return DvResponse.error(
            400,
            "0x80060888",
            "'" + key.group(1) + "' is not an alternate key of " + table.logicalName + ".");
      }
      String value = key.group(2).replace("''", "'");
      identity.put(table.keyColumn, value);
      target = table.rowByKey(value);
      described = table.keyColumn + " = " + value;
    }
    return switch (method) {
      case "GET" -> queries.single(table, target, described, request);
      case "PATCH" -> writes.patch(table, target, identity, request);
      default -> DvResponse.error(405, "0x80060888", method + " is not served by this fake.");
    };
  }

  /** An attribute's metadata with its option set, as $expand=OptionSet($select=Options) has it. */
  private static DvResponse optionsMetadata(String attribute, List<Schema.StatusOption> all) {
    ObjectNode body = DvResponse.JSON.createObjectNode();
    body.put("LogicalName", attribute);
    ArrayNode options = body.putObject("OptionSet").putArray("Options");
    for (Schema.StatusOption option : all) {
      ObjectNode o = options.addObject();
      o.put("Value", option.value());
      if (option.state() >= 0) {
        o.put("State", option.state());
      }
      o.putObject("Label").putObject("UserLocalizedLabel").put("Label", option.label());
    }
    return DvResponse.json(200, body);
  }

  private static String kind(DvRequest request) {
    String path = request.path();
    if (path.equals("$batch")) {
      return "batch";
    }
    if (path.equals("WhoAmI")) {
      return "whoami";
    }
    if (path.startsWith("EntityDefinitions")) {
      return "metadata";
    }
    if (path.startsWith("systemusers")) {
      return "systemuser";
    }
    if (path.endsWith("Opportunity")) {
      return "action";
    }
    boolean row = path.endsWith(")");
    return request.method().toLowerCase() + (row ? "-row" : "-collection");
  }

  static String decodePath(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, DvResponse response) throws IOException {
    response
        .headers()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase("Content-Type")) {
                exchange.getResponseHeaders().set(k, v);
              }
            });
    String type = response.headers().getOrDefault("Content-Type", "application/json");
    if (response.status() == 204) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    LoopbackHttpServer.respond(
        exchange, response.status(), type, response.body().getBytes(StandardCharsets.UTF_8));
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
