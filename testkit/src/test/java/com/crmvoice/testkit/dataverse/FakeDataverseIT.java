package com.crmvoice.testkit.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake Dataverse over raw HTTP: as strict as Dataverse on the rules the adapter relies on. */
class FakeDataverseIT extends FakeDataverseHttpTest {

  @Test
  void theTokenEndpointChecksTenantSecretAndScope() throws Exception {
    assertThat(
            tokenRequest("someone-else", FakeDataverse.CLIENT_SECRET, dv.baseUrl() + "/.default")
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> secret =
        tokenRequest(FakeDataverse.TENANT_ID, "wrong", dv.baseUrl() + "/.default");
    assertThat(secret.statusCode()).isEqualTo(401);
    assertThat(json(secret).get("error").asText()).isEqualTo("invalid_client");
    HttpResponse<String> scope =
        tokenRequest(FakeDataverse.TENANT_ID, FakeDataverse.CLIENT_SECRET, dv.baseUrl().toString());
    assertThat(json(scope).get("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void noTokenIs401AndAnUnsupportedQueryOptionIs400WithTheErrorBody() throws Exception {
    token = "nope";
    assertThat(api("GET", "leads", null).statusCode()).isEqualTo(401);
    start();
    HttpResponse<String> skip = api("GET", "leads?$skip=10", null);
    assertThat(skip.statusCode()).isEqualTo(400);
    assertThat(json(skip).at("/error/code").asText()).isEqualTo("0x80060888");
    assertThat(json(skip).at("/error/message").asText()).contains("$skip");
    assertThat(
            api(
                    "GET",
                    "leads?$filter="
                        + URLEncoder.encode("contains(lastname,'a')", StandardCharsets.UTF_8),
                    null)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            api(
                    "GET",
                    "leads?$filter="
                        + URLEncoder.encode("lastname eq 'O'Brien'", StandardCharsets.UTF_8),
                    null)
                .statusCode())
        .isEqualTo(400);
    assertThat(api("GET", "leads", null, "OData-Version", "3.0").statusCode()).isEqualTo(400);
  }

  @Test
  void aQuotedLiteralMatchesOnlyItsValueAndPagesFollowTheNextLink() throws Exception {
    for (int i = 0; i < 5; i++) {
      dv.insertLead(Map.of("lastname", i == 0 ? "O'Brien" : "Other" + i));
    }
    HttpResponse<String> one =
        api(
            "GET",
            "leads?$filter=" + URLEncoder.encode("lastname eq 'O''Brien'", StandardCharsets.UTF_8),
            null);
    assertThat(json(one).get("value")).hasSize(1);

    HttpResponse<String> page =
        api("GET", "leads?$select=lastname", null, "Prefer", "odata.maxpagesize=2");
    assertThat(json(page).get("value")).hasSize(2);
    assertThat(page.headers().firstValue("Preference-Applied")).contains("odata.maxpagesize=2");
    String next = json(page).get("@odata.nextLink").asText();
    int rows = 2;
    while (next != null) {
      HttpResponse<String> more =
          http.send(
              HttpRequest.newBuilder(URI.create(next))
                  .header("Authorization", "Bearer " + token)
                  .header("Prefer", "odata.maxpagesize=2")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      rows += json(more).get("value").size();
      next =
          json(more).hasNonNull("@odata.nextLink")
              ? json(more).get("@odata.nextLink").asText()
              : null;
    }
    assertThat(rows).isEqualTo(5);
  }

  @Test
  void upsertOnTheAlternateKeyHonoursIfNoneMatchAndIfMatch() throws Exception {
    String body = "{\"lastname\":\"Smith\"}";
    String key = "leads(crmvoice_commandid=%27c1%27)";
    HttpResponse<String> created =
        api(
            "PATCH",
            key + "?$select=leadid",
            body,
            "Content-Type",
            "application/json",
            "If-None-Match",
            "*",
            "Prefer",
            "return=representation");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json(created).get("leadid").asText();
    HttpResponse<String> again =
        api("PATCH", key, body, "Content-Type", "application/json", "If-None-Match", "*");
    assertThat(again.statusCode()).isEqualTo(412);
    assertThat(json(again).at("/error/message").asText())
        .isEqualTo("A record with matching key values already exists.");
    HttpResponse<String> stale =
        api(
            "PATCH",
            "leads(" + id + ")",
            "{\"statuscode\":2}",
            "Content-Type",
            "application/json",
            "If-Match",
            "W/\"1\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    String etag = json(api("GET", "leads(" + id + ")", null)).get("@odata.etag").asText();
    assertThat(
            api(
                    "PATCH",
                    "leads(" + id + ")",
                    "{\"statuscode\":2}",
                    "Content-Type",
                    "application/json",
                    "If-Match",
                    etag)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            api(
                    "PATCH",
                    "leads(crmvoice_commandid=%27none%27)",
                    body,
                    "Content-Type",
                    "application/json",
                    "If-Match",
                    "*")
                .statusCode())
        .isEqualTo(404);
    assertThat(dv.leadCount()).isEqualTo(1);
  }

  @Test
  void aChangeSetIsAllOrNothing() throws Exception {
    String batch =
        String.join(
            "\r\n",
            "--batch_1",
            "Content-Type: multipart/mixed; boundary=changeset_1",
            "",
            "--changeset_1",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            "",
            "POST " + dv.baseUrl() + "/api/data/v9.2/leads HTTP/1.1",
            "Content-Type: application/json; type=entry",
            "",
            "{\"lastname\":\"Kept only if all pass\"}",
            "--changeset_1",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            "",
            "POST /api/data/v9.2/leads HTTP/1.1",
            "Content-Type: application/json; type=entry",
            "",
            "{\"lastname\":\"" + "x".repeat(51) + "\"}",
            "--changeset_1--",
            "--batch_1--",
            "");
    HttpResponse<String> answer =
        api("POST", "$batch", batch, "Content-Type", "multipart/mixed; boundary=batch_1");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("0x80044331");
    assertThat(dv.leadCount()).isZero();
  }

  @Test
  void aThrottledRequestIs429WithRetryAfter() throws Exception {
    dv.faults().throttle(1, 30);
    HttpResponse<String> answer = api("GET", "leads", null);
    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Retry-After")).contains("30");
    assertThat(json(answer).at("/error/code").asText()).isEqualTo("0x80072322");
    assertThat(api("GET", "leads", null).statusCode()).isEqualTo(200);
  }
}
