package com.crmvoice.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake over raw HTTP: the protocol as Salesforce documents it, not as our adapter uses it. */
class FakeSalesforceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRODUCTION = "https://login.salesforce.com";
  private static final String SANDBOX = "https://test.salesforce.com";
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private FakeSalesforce sf;
  private String token;

  @BeforeEach
  void start() throws Exception {
    sf = FakeSalesforce.start();
    token =
        tokenFor(jwt(privateKey(sf.privateKeyPem()), PRODUCTION, 120)).get("access_token").asText();
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private static PrivateKey privateKey(String pem) throws Exception {
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String jwt(PrivateKey key, String aud, long expiresInSeconds) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        b64.encodeToString(
            JSON.writeValueAsBytes(
                Map.of(
                    "iss",
                    FakeSalesforce.CLIENT_ID,
                    "sub",
                    FakeSalesforce.USERNAME,
                    "aud",
                    aud,
                    "exp",
                    Instant.now().getEpochSecond() + expiresInSeconds)));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header + "." + claims + "." + b64.encodeToString(signer.sign());
  }

  private JsonNode tokenFor(String assertion) throws Exception {
    return form(Map.of(
            "grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion))
        .body;
  }

  private record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  private Reply form(Map<String, String> fields) throws Exception {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(sf.baseUrl().resolve("/services/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private Reply data(String method, String path, String json) throws Exception {
    return data("62.0", method, path, json, Map.of());
  }

  private Reply data(
      String version, String method, String path, String json, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(sf.baseUrl() + "/services/data/v" + version + path))
            .header("Authorization", "Bearer " + token);
    headers.forEach(builder::header);
    builder.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder);
  }

  private Reply query(String soql) throws Exception {
    return data("GET", "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8), null);
  }

  private Reply send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body =
        response.body().isEmpty() || !response.body().trim().matches("^[\\[{].*")
            ? null
            : JSON.readTree(response.body());
    return new Reply(response.statusCode(), body, response);
  }

  private List<String> lastNames(Reply reply) {
    List<String> names = new ArrayList<>();
    reply.body().path("records").forEach(r -> names.add(r.path("LastName").asText()));
    return names;
  }

  private void seedFour() {
    sf.insertLead(
        Map.of(
            "LastName",
            "Able",
            "Company",
            "A",
            "Status",
            "Open - Not Contacted",
            "CreatedDate",
            Instant.parse("2026-01-01T00:00:00Z")));
    sf.insertLead(
        Map.of(
            "LastName",
            "Baker",
            "Company",
            "B",
            "Status",
            "Working - Contacted",
            "CreatedDate",
            Instant.parse("2026-01-02T00:00:00Z")));
    sf.insertLead(
        Map.of(
            "LastName",
            "O'Hara",
            "Company",
            "C",
            "Status",
            "Closed - Converted",
            "CreatedDate",
            Instant.parse("2026-01-03T00:00:00Z")));
    sf.insertLead(
        Map.of(
            "LastName",
            "Back\\slash",
            "Company",
            "D",
            "Status",
            "Open - Not Contacted",
            "CreatedDate",
            Instant.parse("2026-01-04T00:00:00Z")));
  }

  @Test
  void oauthFlowsAnswerAsSalesforceDoes() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey stranger = generator.generateKeyPair().getPrivate();
    PrivateKey ours = privateKey(sf.privateKeyPem());

    JsonNode good = tokenFor(jwt(ours, PRODUCTION, 120));
    assertThat(good.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(good.get("instance_url").asText()).isEqualTo(sf.baseUrl().toString());
    assertThat(good.get("id").asText()).endsWith("/" + FakeSalesforce.INTEGRATION_USER_ID);
    assertThat(tokenFor(jwt(stranger, PRODUCTION, 120)).get("error").asText())
        .isEqualTo("invalid_grant");
    assertThat(tokenFor(jwt(ours, PRODUCTION, -10)).get("error").asText())
        .isEqualTo("invalid_grant");
    assertThat(tokenFor(jwt(ours, "https://evil.example", 120)).get("error").asText())
        .isEqualTo("invalid_grant");

    Reply cc =
        form(
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                FakeSalesforce.CLIENT_ID,
                "client_secret",
                FakeSalesforce.CLIENT_SECRET));
    assertThat(cc.status()).isEqualTo(200);
    Reply badSecret =
        form(
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                FakeSalesforce.CLIENT_ID,
                "client_secret",
                "nope"));
    assertThat(badSecret.status()).isEqualTo(400);
    assertThat(badSecret.body().get("error").asText()).isEqualTo("invalid_client");
    Reply password =
        form(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                FakeSalesforce.CLIENT_ID,
                "client_secret",
                FakeSalesforce.CLIENT_SECRET,
                "username",
                FakeSalesforce.USERNAME,
                "password",
                FakeSalesforce.PASSWORD));
    assertThat(password.status()).isEqualTo(200);
    Reply refresh =
        form(
            Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                FakeSalesforce.CLIENT_ID,
                "refresh_token",
                sf.issueRefreshToken(FakeSalesforce.DEMO_USER_ID)));
    assertThat(refresh.body().get("id").asText()).endsWith(FakeSalesforce.DEMO_USER_ID);
    assertThat(form(Map.of("grant_type", "authorization_code")).body().get("error").asText())
        .isEqualTo("unsupported_grant_type");
    assertThat(sf.calls("token")).isEqualTo(10);
  }

  // "aud: the authorization server's URL: https://login.salesforce.com,
  // https://test.salesforce.com or an Experience Cloud site URL", whichever host the token
  // request goes to:
  // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
  @Test
  void theJwtAudienceMustBeTheLoginHostOfTheOrgsKind_notTheMyDomainTheRequestWentTo()
      throws Exception {
    PrivateKey ours = privateKey(sf.privateKeyPem());

    Reply myDomain =
        form(
            Map.of(
                "grant_type",
                "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion",
                jwt(ours, sf.baseUrl().toString(), 120)));
    assertThat(myDomain.status()).isEqualTo(400);
    assertThat(myDomain.body().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(myDomain.body().get("error_description").asText()).isEqualTo("audience is invalid");
    assertThat(tokenFor(jwt(ours, SANDBOX, 120)).get("error_description").asText())
        .isEqualTo("audience is invalid");
    assertThat(tokenFor(jwt(ours, PRODUCTION + "/", 120)).get("error").asText())
        .isEqualTo("invalid_grant");

    sf.org().sandbox(true);
    assertThat(tokenFor(jwt(ours, SANDBOX, 120)).has("access_token")).isTrue();
    assertThat(tokenFor(jwt(ours, PRODUCTION, 120)).get("error_description").asText())
        .isEqualTo("audience is invalid");
  }

  // "If the header is not provided in the request, the default value is TRUE":
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm
  @Test
  void anActiveAssignmentRuleTakesTheLead_unlessSforceAutoAssignIsFalse() throws Exception {
    sf.org().leadAssignmentRule(OrgSettings.LEAD_QUEUE_ID);
    String mine = "005000000000777AAA";
    String lead = "{\"LastName\":\"Rule\",\"Company\":\"C\",\"OwnerId\":\"" + mine + "\"}";

    Reply noHeader = data("62.0", "POST", "/sobjects/Lead", lead, Map.of());
    Reply off = data("62.0", "POST", "/sobjects/Lead", lead, Map.of("Sforce-Auto-Assign", "FALSE"));
    Reply on = data("62.0", "POST", "/sobjects/Lead", lead, Map.of("Sforce-Auto-Assign", "true"));
    Reply collection =
        data(
            "62.0",
            "POST",
            "/composite/sobjects",
            "{\"records\":[{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"R\","
                + "\"Company\":\"C\",\"OwnerId\":\""
                + mine
                + "\"}]}",
            Map.of("Sforce-Auto-Assign", "FALSE"));

    assertThat(sf.lead(noHeader.body().get("id").asText()))
        .containsEntry("OwnerId", OrgSettings.LEAD_QUEUE_ID);
    assertThat(sf.lead(off.body().get("id").asText())).containsEntry("OwnerId", mine);
    assertThat(sf.lead(on.body().get("id").asText()))
        .containsEntry("OwnerId", OrgSettings.LEAD_QUEUE_ID);
    assertThat(sf.lead(collection.body().get(0).get("id").asText())).containsEntry("OwnerId", mine);
  }

  // allowSave "true: allow the user to acknowledge the alert and save the duplicate record.
  // Applicable if an alert is enabled", available from API 52.0:
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm
  @Test
  void anAlertDuplicateRuleBlocks_unlessAllowSaveIsSent_andABlockRuleBlocksAlways()
      throws Exception {
    sf.insertLead(Map.of("LastName", "Dup", "Company", "C", "Email", "dup@example.com"));
    String dup = "{\"LastName\":\"dup\",\"Company\":\"C2\",\"Email\":\"DUP@example.com\"}";
    Map<String, String> allowSave =
        Map.of("Sforce-Duplicate-Rule-Header", "allowSave=true; includeRecordDetails=false");

    sf.org().duplicateRule(DuplicateRule.Action.ALERT);
    Reply alerted = data("62.0", "POST", "/sobjects/Lead", dup, Map.of());
    Reply saved = data("62.0", "POST", "/sobjects/Lead", dup, allowSave);
    Reply tooOld = data("51.0", "POST", "/sobjects/Lead", dup, allowSave);
    sf.org().duplicateRule(DuplicateRule.Action.BLOCK);
    Reply blocked = data("62.0", "POST", "/sobjects/Lead", dup, allowSave);

    assertThat(alerted.status()).isEqualTo(400);
    assertThat(alerted.body().get(0).get("errorCode").asText()).isEqualTo("DUPLICATES_DETECTED");
    assertThat(saved.status()).isEqualTo(201);
    assertThat(tooOld.body().get(0).get("errorCode").asText()).isEqualTo("DUPLICATES_DETECTED");
    assertThat(blocked.body().get(0).get("errorCode").asText()).isEqualTo("DUPLICATES_DETECTED");
    assertThat(sf.leadCount()).isEqualTo(2);
  }

  // "QueryAll returns records that are deleted because of a merge or delete", Query never:
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_queryall.htm
  @Test
  void deletedAndMergedLeadsAreOnlyInQueryAll() throws Exception {
    String kept = sf.insertLead(Map.of("LastName", "Kept", "Company", "K"));
    String deleted = sf.insertLead(Map.of("LastName", "Deleted", "Company", "D"));
    String loser = sf.insertLead(Map.of("LastName", "Loser", "Company", "L"));
    sf.deleteLead(deleted);
    sf.mergeLeads(kept, loser);
    String soql = "SELECT Id, LastName, IsDeleted, MasterRecordId FROM Lead ORDER BY LastName";

    Reply query = query(soql);
    Reply queryAll =
        data(
            "62.0",
            "GET",
            "/queryAll?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8),
            null,
            Map.of());
    Reply deletedOnly = query("SELECT Id FROM Lead WHERE IsDeleted = true");

    assertThat(lastNames(query)).containsExactly("Kept");
    assertThat(lastNames(queryAll)).containsExactly("Deleted", "Kept", "Loser");
    JsonNode loserRow = queryAll.body().get("records").get(2);
    assertThat(loserRow.get("IsDeleted").asBoolean()).isTrue();
    assertThat(loserRow.get("MasterRecordId").asText()).isEqualTo(kept);
    assertThat(queryAll.body().get("records").get(1).get("MasterRecordId").isNull()).isTrue();
    assertThat(deletedOnly.body().get("totalSize").asInt()).isZero();
    assertThat(Instant.parse(sf.deletedLead(deleted).get("SystemModstamp").toString()))
        .isAfter(Instant.parse(sf.lead(kept).get("CreatedDate").toString()).minusMillis(1));
    Reply get = data("GET", "/sobjects/Lead/" + deleted, null);
    assertThat(get.status()).isEqualTo(404);
    assertThat(get.body().get(0).get("errorCode").asText()).isEqualTo("ENTITY_IS_DELETED");
    assertThat(sf.leadCount()).isEqualTo(1);
  }

  @Test
  void resourcesDoNotExistBeforeTheirApiVersion() throws Exception {
    String records =
        "{\"records\":[{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"V\","
            + "\"Company\":\"C\",\""
            + FakeSalesforce.EXTERNAL_ID_FIELD
            + "\":\"v-1\"}]}";

    Reply upsert45 =
        data(
            "45.0",
            "PATCH",
            "/composite/sobjects/Lead/" + FakeSalesforce.EXTERNAL_ID_FIELD,
            records,
            Map.of());
    Reply upsert46 =
        data(
            "46.0",
            "PATCH",
            "/composite/sobjects/Lead/" + FakeSalesforce.EXTERNAL_ID_FIELD,
            records,
            Map.of());
    Reply queryAll28 =
        data(
            "28.0",
            "GET",
            "/queryAll?q=" + URLEncoder.encode("SELECT Id FROM Lead", StandardCharsets.UTF_8),
            null,
            Map.of());

    assertThat(upsert45.status()).isEqualTo(404);
    assertThat(upsert45.body().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    assertThat(upsert46.status()).isEqualTo(200);
    assertThat(queryAll28.status()).isEqualTo(404);
  }

  @Test
  void aUserWithoutApiEnabledGetsApiCurrentlyDisabled() throws Exception {
    sf.org().apiEnabled(false);

    Reply reply = query("SELECT Id FROM Lead");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body().get(0).get("errorCode").asText()).isEqualTo("API_CURRENTLY_DISABLED");
    sf.org().clear();
    assertThat(query("SELECT Id FROM Lead").status()).isEqualTo(200);
  }

  @Test
  void theDataApiWantsAValidSession() throws Exception {
    Reply ok = query("SELECT Id FROM Lead");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.raw().headers().firstValue("Sforce-Limit-Info").orElseThrow())
        .matches("api-usage=\\d+/15000");

    sf.faults().expireTokens();

    Reply expired = query("SELECT Id FROM Lead");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.body().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
    assertThat(expired.body().get(0).get("message").asText())
        .isEqualTo("Session expired or invalid");
  }

  @Test
  void whereClausesFollowSoqlPrecedenceAndEscapes() throws Exception {
    seedFour();

    assertThat(lastNames(query("SELECT LastName FROM Lead WHERE LastName = 'O\\'Hara'")))
        .containsExactly("O'Hara");
    assertThat(lastNames(query("SELECT LastName FROM Lead WHERE LastName = 'back\\\\slash'")))
        .containsExactly("Back\\slash");
    assertThat(
            lastNames(
                query(
                    "SELECT LastName FROM Lead WHERE Status != 'Closed - Converted' ORDER BY LastName")))
        .containsExactly("Able", "Back\\slash", "Baker");
    assertThat(
            lastNames(
                query(
                    "SELECT LastName FROM Lead WHERE Company IN ('A','C') ORDER BY CreatedDate DESC")))
        .containsExactly("O'Hara", "Able");
    assertThat(
            lastNames(
                query(
                    "SELECT LastName FROM Lead WHERE Company NOT IN ('A','C') ORDER BY CreatedDate")))
        .containsExactly("Baker", "Back\\slash");
    assertThat(
            lastNames(
                query(
                    "SELECT LastName FROM Lead WHERE CreatedDate > 2026-01-02T00:00:00Z ORDER BY CreatedDate")))
        .containsExactly("O'Hara", "Back\\slash");
    assertThat(
            lastNames(
                query(
                    "SELECT LastName FROM Lead WHERE CreatedDate <= 2026-01-02T00:00:00Z AND CreatedDate >= 2026-01-02T00:00:00Z")))
        .containsExactly("Baker");
    assertThat(
            lastNames(query("SELECT LastName FROM Lead WHERE CreatedDate < 2026-01-02T00:00:00Z")))
        .containsExactly("Able");
    // AND binds tighter than OR: A OR (B AND false-ish) -> Able only.
    assertThat(
            lastNames(
                query(
                    "SELECT LastName FROM Lead WHERE Company = 'A' OR Company = 'B' AND IsConverted = true")))
        .containsExactly("Able");
    assertThat(
            lastNames(
                query(
                    "SELECT LastName FROM Lead WHERE (Company = 'A' OR Company = 'B') AND NOT Company = 'A'")))
        .containsExactly("Baker");
    assertThat(
            lastNames(
                query("SELECT LastName FROM Lead ORDER BY Status DESC, LastName ASC LIMIT 2")))
        .containsExactly("Baker", "Able");
  }

  @Test
  void resultsArePagedThroughNextRecordsUrl() throws Exception {
    seedFour();
    sf.defaultBatchSize(3);

    Reply first = query("SELECT Id, LastName FROM Lead ORDER BY CreatedDate");

    assertThat(first.body().get("totalSize").asInt()).isEqualTo(4);
    assertThat(first.body().get("done").asBoolean()).isFalse();
    assertThat(first.body().get("records")).hasSize(3);
    JsonNode record = first.body().get("records").get(0);
    assertThat(record.get("attributes").get("type").asText()).isEqualTo("Lead");
    assertThat(record.get("attributes").get("url").asText())
        .isEqualTo("/services/data/v62.0/sobjects/Lead/" + record.get("Id").asText());
    String next = first.body().get("nextRecordsUrl").asText();
    assertThat(next).startsWith("/services/data/v62.0/query/");
    Reply second =
        send(
            HttpRequest.newBuilder(URI.create(sf.baseUrl() + next))
                .header("Authorization", "Bearer " + token));
    assertThat(second.body().get("done").asBoolean()).isTrue();
    assertThat(lastNames(second)).containsExactly("Back\\slash");
    assertThat(sf.calls("queryMore")).isEqualTo(1);
  }

  @Test
  void badQueriesGetSalesforcesErrorCodes() throws Exception {
    assertThat(query("SELECT Id Lead").body().get(0).get("errorCode").asText())
        .isEqualTo("MALFORMED_QUERY");
    assertThat(
            query("SELECT Id FROM Lead WHERE LastName = 'open")
                .body()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("MALFORMED_QUERY");
    assertThat(
            query("SELECT Id FROM Lead WHERE LastName LIKE 'x'")
                .body()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("MALFORMED_QUERY");
    assertThat(
            query("SELECT Id FROM Lead WHERE CreatedDate > '2026-01-01'")
                .body()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("MALFORMED_QUERY");
    // GROUP BY is SOQL (SoqlAggregatesIT), but every selected field must be grouped.
    assertThat(
            query("SELECT Id, LastName FROM Lead GROUP BY Id")
                .body()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("MALFORMED_QUERY");
    assertThat(query("SELECT Nope FROM Lead").body().get(0).get("errorCode").asText())
        .isEqualTo("INVALID_FIELD");
    assertThat(query("SELECT Id FROM Widget").body().get(0).get("errorCode").asText())
        .isEqualTo("INVALID_TYPE");
    // Objects and fields of a multi-currency org do not exist in a single-currency one.
    assertThat(query("SELECT IsoCode FROM CurrencyType").body().get(0).get("errorCode").asText())
        .isEqualTo("INVALID_TYPE");
    assertThat(
            query("SELECT CurrencyIsoCode FROM Opportunity")
                .body()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("INVALID_FIELD");
    // A date is a date literal, never a quoted string, and never a datetime.
    assertThat(
            query("SELECT Id FROM Opportunity WHERE CloseDate >= '2026-01-01'")
                .body()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("MALFORMED_QUERY");
    assertThat(
            query("SELECT Id FROM Opportunity WHERE CloseDate >= 2026-01-01T00:00:00Z")
                .body()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("MALFORMED_QUERY");
    assertThat(
            query("SELECT Id, Account.Name FROM Opportunity WHERE CloseDate >= 2026-01-01")
                .status())
        .isEqualTo(200);
    assertThat(query("SELECT Id FROM Lead").status()).isEqualTo(200);
  }

  @Test
  void singleRecordCreatesAndUpsertsAnswerAsDocumented() throws Exception {
    Reply created = data("POST", "/sobjects/Lead", "{\"LastName\":\"Smith\",\"Company\":\"Acme\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("success").asBoolean()).isTrue();
    assertThat(created.body().get("errors")).isEmpty();
    assertThat(created.body().get("id").asText()).startsWith("00Q").hasSize(18);

    Reply missing = data("POST", "/sobjects/Lead", "{\"FirstName\":\"No\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get(0).get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(missing.body().get(0).get("fields").toString()).contains("LastName", "Company");

    Reply upsert1 =
        data(
            "PATCH",
            "/sobjects/Lead/CrmVoice_Command_Id__c/cmd-1",
            "{\"LastName\":\"Up\",\"Company\":\"Co\"}");
    Reply upsert2 =
        data(
            "PATCH",
            "/sobjects/Lead/CrmVoice_Command_Id__c/cmd-1",
            "{\"LastName\":\"Up\",\"Company\":\"Co\"}");
    assertThat(upsert1.status()).isEqualTo(201);
    assertThat(upsert1.body().get("created").asBoolean()).isTrue();
    assertThat(upsert2.status()).isEqualTo(200);
    assertThat(upsert2.body().get("created").asBoolean()).isFalse();
    assertThat(upsert2.body().get("id")).isEqualTo(upsert1.body().get("id"));
    assertThat(sf.leadCount()).isEqualTo(2);
  }

  @Test
  void collectionsGivePerRecordResultsAndHonourAllOrNone() throws Exception {
    String mixed =
        "{\"allOrNone\":false,\"records\":["
            + "{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"Good\",\"Company\":\"Co\"},"
            + "{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\""
            + "L".repeat(81)
            + "\",\"Company\":\"Co\"},"
            + "{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"Mail\",\"Company\":\"Co\",\"Email\":\"not-an-email\"}]}";

    Reply reply = data("POST", "/composite/sobjects", mixed);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get(0).get("success").asBoolean()).isTrue();
    assertThat(reply.body().get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("STRING_TOO_LONG");
    assertThat(reply.body().get(2).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("INVALID_EMAIL_ADDRESS");
    assertThat(sf.leadCount()).isEqualTo(1);

    Reply rolledBack =
        data(
            "POST",
            "/composite/sobjects",
            mixed.replace("\"allOrNone\":false", "\"allOrNone\":true"));
    assertThat(rolledBack.body().get(0).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(sf.leadCount()).isEqualTo(1);

    StringBuilder tooMany = new StringBuilder("{\"records\":[");
    for (int i = 0; i < 201; i++) {
      tooMany
          .append(i == 0 ? "" : ",")
          .append("{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"X\",\"Company\":\"Y\"}");
    }
    Reply limit = data("POST", "/composite/sobjects", tooMany.append("]}").toString());
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.body().get(0).get("errorCode").asText()).isEqualTo("EXCEEDED_ID_LIMIT");

    String upserts =
        "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"U\",\"Company\":\"C\",\"CrmVoice_Command_Id__c\":\"k1\"}]}";
    assertThat(
            data("PATCH", "/composite/sobjects/Lead/CrmVoice_Command_Id__c", upserts)
                .body()
                .get(0)
                .get("created")
                .asBoolean())
        .isTrue();
    assertThat(
            data("PATCH", "/composite/sobjects/Lead/CrmVoice_Command_Id__c", upserts)
                .body()
                .get(0)
                .get("created")
                .asBoolean())
        .isFalse();
  }

  @Test
  void failAfterAnswersSomeRequestsBeforeFailing() throws Exception {
    sf.faults().failAfter(1, 1, 503);

    assertThat(query("SELECT Id FROM Lead").status()).isEqualTo(200);
    assertThat(query("SELECT Id FROM Lead").status()).isEqualTo(503);
    assertThat(query("SELECT Id FROM Lead").status()).isEqualTo(200);
  }

  @Test
  void faultsAreInjectedAndCounted() throws Exception {
    sf.faults().failNext(2, 503);
    assertThat(query("SELECT Id FROM Lead").status()).isEqualTo(503);
    assertThat(query("SELECT Id FROM Lead").body().get(0).get("errorCode").asText())
        .isEqualTo("SERVER_UNAVAILABLE");
    assertThat(query("SELECT Id FROM Lead").status()).isEqualTo(200);

    sf.faults().requestLimit(1);
    Reply limited = query("SELECT Id FROM Lead");
    assertThat(limited.status()).isEqualTo(403);
    assertThat(limited.body().get(0).get("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");

    sf.faults().lockErrors(1);
    assertThat(
            data("POST", "/sobjects/Lead", "{\"LastName\":\"L\",\"Company\":\"C\"}")
                .body()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("UNABLE_TO_LOCK_ROW");

    sf.faults().commitThenDrop(1);
    assertThatThrownBy(
            () -> data("POST", "/sobjects/Lead", "{\"LastName\":\"Kept\",\"Company\":\"C\"}"))
        .isInstanceOf(IOException.class);
    assertThat(sf.leads()).extracting(l -> l.get("LastName")).contains("Kept");
    assertThat(sf.calls("query")).isEqualTo(4);
    assertThat(sf.calls("sobject-create")).isEqualTo(2);
  }
}
