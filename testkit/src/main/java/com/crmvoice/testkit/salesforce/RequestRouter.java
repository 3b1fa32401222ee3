package com.crmvoice.testkit.salesforce;

import static com.crmvoice.testkit.salesforce.Exchanges.errors;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes each request to its resource: the OAuth endpoints, or under {@code /services/data/vNN.0} a
 * data request, which is counted by kind, authenticated, checked for API access, the injected
 * faults and the resource's API version before it is answered.
 */
final class RequestRouter {

  private static final Pattern DATA_PATH =
      Pattern.compile("^/services/data/v(\\d{2,3}\\.0)(/.*)?$");

  private final Exchanges exchanges;
  private final Faults faults;
  private final OrgSettings org;
  private final OAuthServer oauth;
  private final QueryResource queries;
  private final LeadResources leads;
  private final FakeSalesforceActivities activities;
  private final OpportunityResources opportunities;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  RequestRouter(
      Exchanges exchanges,
      Faults faults,
      OrgSettings org,
      OAuthServer oauth,
      QueryResource queries,
      LeadResources leads,
      FakeSalesforceActivities activities,
      OpportunityResources opportunities) {
    this.exchanges = exchanges;
    this.faults = faults;
    this.org = org;
    this.oauth = oauth;
    this.queries = queries;
    this.leads = leads;
    this.activities = activities;
    this.opportunities = opportunities;
  }

  int calls(String kind) {
    AtomicInteger count = calls.get(kind);
    return count == null ? 0 : count.get();
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
      // The body is read before the injected latency: the server's read timeout bounds how long a
      // client takes to send a request, not how long the fake takes to answer it.
      exchange.setStreams(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()), null);
      Exchanges.sleep(faults.latency());
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals("/services/oauth2/token")) {
        count("token");
        oauth.token(exchange);
      } else if (path.equals("/services/oauth2/userinfo")) {
        count("userinfo");
        oauth.userinfo(exchange);
      } else {
        Matcher data = DATA_PATH.matcher(path);
        if (data.matches()) {
          data(exchange, data.group(1), data.group(2) == null ? "" : data.group(2));
        } else {
          exchanges.sendJson(
              exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"), false);
        }
      }
    } catch (Exchanges.DropConnection e) {
      // The exchange closes without a response: the client sees the connection drop.
    } catch (RuntimeException e) {
      exchanges.sendJson(
          exchange, 500, errors("UNKNOWN_EXCEPTION", "An unexpected error occurred."), false);
    }
  }

  private void data(HttpExchange exchange, String version, String rest) throws IOException {
    String method = exchange.getRequestMethod();
    String kind = kindOf(method, rest);
    if (kind != null) {
      count(kind);
    }
    String userId = oauth.authenticate(exchange);
    if (userId == null) {
      exchanges.sendJson(
          exchange, 401, errors("INVALID_SESSION_ID", "Session expired or invalid"), false);
      return;
    }
    if (!org.apiEnabled()) {
      exchanges.sendJson(
          exchange, 403, errors("API_CURRENTLY_DISABLED", "API is disabled for this User"), false);
      return;
    }
    exchanges.countApiRequest();
    if (faults.takeDrop()) {
      throw new Exchanges.DropConnection();
    }
    int failure = faults.takeFailure();
    if (failure == 403) {
      exchanges.sendJson(
          exchange, 403, errors("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."), true);
      return;
    }
    if (failure != 0) {
      String code = failure == 503 ? "SERVER_UNAVAILABLE" : "UNKNOWN_EXCEPTION";
      exchanges.sendJson(
          exchange, failure, errors(code, "Service temporarily unavailable (injected)."), true);
      return;
    }
    if (kind == null || !ApiVersions.supports(kind, version)) {
      exchanges.sendJson(
          exchange, 404, errors("NOT_FOUND", "The requested resource does not exist"), true);
      return;
    }
    switch (kind) {
      case "query" -> queries.query(exchange, version, false);
      case "queryAll" -> queries.query(exchange, version, true);
      case "queryMore" -> queries.queryMore(exchange, rest.substring("/query/".length()));
      case "sobject-create" -> leads.create(exchange, version, userId);
      case "sobject-get" ->
          leads.get(exchange, version, rest.substring("/sobjects/Lead/".length()));
      case "sobject-upsert" -> leads.upsert(exchange, version, userId, rest);
      case "composite-create" -> leads.collections(exchange, version, userId, null);
      case "composite-upsert" ->
          leads.collections(
              exchange, version, userId, rest.substring("/composite/sobjects/Lead/".length()));
      default -> {
        if (!activities.handle(kind, exchange, version, userId, rest)
            && !opportunities.handle(kind, exchange, rest)) {
          exchanges.sendJson(
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
    String kind = FakeSalesforceActivities.kindOf(method, rest);
    return kind != null ? kind : OpportunityResources.kindOf(method, rest);
  }
}
