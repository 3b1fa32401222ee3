package com.crmvoice.testkit.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fake Dataverse over raw HTTP, for the fake's own ITs: a fresh fake per test, signed in with
 * the client-credentials flow, and the Web API and token requests as a client sends them.
 */
abstract class FakeDataverseHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  FakeDataverse dv;
  String token;

  @BeforeEach
  void start() throws Exception {
    dv = FakeDataverse.start();
    HttpResponse<String> answer =
        tokenRequest(
            FakeDataverse.TENANT_ID, FakeDataverse.CLIENT_SECRET, dv.baseUrl() + "/.default");
    assertThat(answer.statusCode()).isEqualTo(200);
    token = JSON.readTree(answer.body()).get("access_token").asText();
  }

  @AfterEach
  void stop() {
    dv.close();
  }

  HttpResponse<String> tokenRequest(String tenant, String secret, String scope) throws Exception {
    String form =
        "client_id="
            + FakeDataverse.CLIENT_ID
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8)
            + "&scope="
            + URLEncoder.encode(scope, StandardCharsets.UTF_8)
            + "&grant_type=client_credentials";
    return http.send(
        HttpRequest.newBuilder(URI.create(dv.baseUrl() + "/" + tenant + "/oauth2/v2.0/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> api(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(dv.baseUrl() + "/api/data/v9.2/" + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }
}
