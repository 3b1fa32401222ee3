package com.crmvoice.intent.bench;

import com.crmvoice.adapters.salesforce.Soql;
import com.crmvoice.testkit.http.LoopbackHttpServer;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The design CRM Voice replaces, rebuilt for the benchmark: the skill makes, per utterance, an HTTP
 * call to a small wrapper service, which signs in to Salesforce with the OAuth 2.0
 * username-password flow (a login on every call, no token kept) and runs the SOQL query for the
 * owner's top lead.
 *
 * <p>The login is the documented username-password request: a form POST to {@code
 * /services/oauth2/token} with grant_type=password, client_id, client_secret, username and password
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_username_password_flow.htm,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_understanding_username_password_oauth_flow.htm);
 * the query then goes to the returned instance_url with the access token as a Bearer token.
 */
final class SeedDesignWrapper implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_VERSION = "62.0";

  private final FakeSalesforce salesforce;
  private final HttpClient salesforceClient =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpClient skillClient =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final LoopbackHttpServer server;

  SeedDesignWrapper(FakeSalesforce salesforce) {
    this.salesforce = salesforce;
    this.server = LoopbackHttpServer.start(0, 64, 8, "seed-wrapper", "/top-lead", this::serve);
  }

  /** What the seed skill did per GetTopLead utterance: one HTTP call to the wrapper. */
  String topLead(String ownerId) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + server.port()
                        + "/top-lead?owner="
                        + URLEncoder.encode(ownerId, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<String> response = send(skillClient, request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("wrapper answered " + response.statusCode());
    }
    return response.body();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      String owner =
          query == null || !query.startsWith("owner=")
              ? ""
              : java.net.URLDecoder.decode(query.substring(6), StandardCharsets.UTF_8);
      byte[] body;
      int status;
      try {
        body = JSON.writeValueAsBytes(lookUp(owner));
        status = 200;
      } catch (RuntimeException e) {
        body = "{\"error\":\"lookup failed\"}".getBytes(StandardCharsets.UTF_8);
        status = 502;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private JsonNode lookUp(String ownerId) {
    String form =
        Map.of(
                "grant_type", "password",
                "client_id", FakeSalesforce.CLIENT_ID,
                "client_secret", FakeSalesforce.CLIENT_SECRET,
                "username", FakeSalesforce.USERNAME,
                "password", FakeSalesforce.PASSWORD)
            .entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> login =
        send(
            salesforceClient,
            HttpRequest.newBuilder(salesforce.baseUrl().resolve("/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    JsonNode token = read(login);
    String soql =
        Soql.select("Id", "FirstName", "LastName", "Company", "Status", "CreatedDate")
            .from("Lead")
            .where(
                Soql.eq("OwnerId", ownerId),
                Soql.eq("IsConverted", false),
                Soql.notIn("Status", List.copyOf(FakeSalesforce.CLOSED_STATUSES)))
            .orderBy("CreatedDate", true)
            .limit(1)
            .build();
    HttpResponse<String> result =
        send(
            salesforceClient,
            HttpRequest.newBuilder(
                    URI.create(
                        token.path("instance_url").asText()
                            + "/services/data/v"
                            + API_VERSION
                            + "/query?q="
                            + URLEncoder.encode(soql, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token.path("access_token").asText())
                .GET()
                .build());
    return read(result).path("records");
  }

  private static JsonNode read(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Salesforce answered " + response.statusCode());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
