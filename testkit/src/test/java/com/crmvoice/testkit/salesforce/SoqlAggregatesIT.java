package com.crmvoice.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aggregate SOQL over the fake's REST query resource, as the SOQL reference documents it. */
class SoqlAggregatesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWNER = "005000000000009AAA";
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private FakeSalesforce sf;
  private String token;

  @BeforeEach
  void start() {
    sf = FakeSalesforce.start();
    token = sf.issueUserToken(FakeSalesforce.INTEGRATION_USER_ID);
    FakeOpportunities opps = sf.opportunities();
    String acme = opps.insertAccount("Acme", OWNER);
    String globex = opps.insertAccount("Globex", OWNER);
    deal("A1", acme, "Prospecting", "1000.50");
    deal("A2", acme, "Prospecting", "2000");
    deal("G1", globex, "Negotiation/Review", "5000");
    deal("G2", globex, "Negotiation/Review", null);
    deal("W1", acme, "Closed Won", "700");
  }

  private String deal(String name, String account, String stage, String amount) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("Name", name);
    fields.put("AccountId", account);
    fields.put("OwnerId", OWNER);
    fields.put("StageName", stage);
    fields.put("CloseDate", LocalDate.parse("2026-12-15"));
    if (amount != null) {
      fields.put("Amount", new BigDecimal(amount));
    }
    return sf.opportunities().insert(fields);
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private record Reply(int status, JsonNode body) {}

  private Reply query(String soql) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    sf.baseUrl()
                        + "/services/data/v62.0/query?q="
                        + URLEncoder.encode(soql, StandardCharsets.UTF_8)))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()));
  }

  private void assertRefused(String soql, String message) throws Exception {
    Reply reply = query(soql);
    assertThat(reply.status()).as(soql).isEqualTo(400);
    assertThat(reply.body().get(0).path("errorCode").asText())
        .as(soql)
        .isEqualTo("MALFORMED_QUERY");
    assertThat(reply.body().get(0).path("message").asText()).as(soql).contains(message);
  }

  @Test
  void groupedAggregatesAreAggregateResultsNamedByAliasOrExprN() throws Exception {
    Reply reply =
        query(
            "SELECT StageName, SUM(Amount) total, COUNT(Id), COUNT(Amount) FROM Opportunity"
                + " WHERE OwnerId = '"
                + OWNER
                + "' AND IsClosed = false GROUP BY StageName ORDER BY SUM(Amount) DESC");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("totalSize").asInt()).isEqualTo(2);
    assertThat(reply.body().path("done").asBoolean()).isTrue();
    assertThat(reply.body().has("nextRecordsUrl")).isFalse();
    JsonNode first = reply.body().path("records").get(0);
    assertThat(first.path("attributes").toString()).isEqualTo("{\"type\":\"AggregateResult\"}");
    assertThat(first.path("StageName").asText()).isEqualTo("Negotiation/Review");
    assertThat(first.path("total").decimalValue()).isEqualByComparingTo("5000");
    assertThat(first.path("expr0").asInt()).isEqualTo(2); // COUNT(Id): every row
    assertThat(first.path("expr1").asInt()).isEqualTo(1); // COUNT(Amount): not null only
    JsonNode second = reply.body().path("records").get(1);
    assertThat(second.path("StageName").asText()).isEqualTo("Prospecting");
    assertThat(second.path("total").decimalValue()).isEqualByComparingTo("3000.50");
    assertThat(second.path("expr0").asInt()).isEqualTo(2);
  }

  @Test
  void withoutGroupByOneRowAnswers_evenForNoMatch() throws Exception {
    Reply all = query("SELECT SUM(Amount), COUNT(Id) FROM Opportunity WHERE IsWon = true");
    assertThat(all.body().path("totalSize").asInt()).isEqualTo(1);
    assertThat(all.body().path("records").get(0).path("expr0").decimalValue())
        .isEqualByComparingTo("700");
    assertThat(all.body().path("records").get(0).path("expr1").asInt()).isEqualTo(1);

    Reply none =
        query(
            "SELECT SUM(Amount), COUNT(Id) FROM Opportunity WHERE OwnerId = '005000000000077AAA'");
    assertThat(none.body().path("totalSize").asInt()).isEqualTo(1);
    assertThat(none.body().path("records").get(0).path("expr0").isNull()).isTrue();
    assertThat(none.body().path("records").get(0).path("expr1").asInt()).isZero();
  }

  @Test
  void countAloneIsTheTotalSizeWithNoRecords() throws Exception {
    Reply reply = query("SELECT COUNT() FROM Opportunity WHERE IsClosed = false");
    assertThat(reply.body().path("totalSize").asInt()).isEqualTo(4);
    assertThat(reply.body().path("records").size()).isZero();
    assertThat(query("SELECT COUNT() FROM Opportunity LIMIT 3").body().path("totalSize").asInt())
        .isEqualTo(3);
  }

  @Test
  void aGroupedParentFieldIsNamedByItsLastPart() throws Exception {
    Reply reply =
        query(
            "SELECT Account.Name, COUNT(Id) deals FROM Opportunity GROUP BY Account.Name"
                + " ORDER BY Account.Name");
    assertThat(reply.body().path("records").get(0).path("Name").asText()).isEqualTo("Acme");
    assertThat(reply.body().path("records").get(0).path("deals").asInt()).isEqualTo(3);
    assertThat(reply.body().path("records").get(1).path("Name").asText()).isEqualTo("Globex");
  }

  @Test
  void limitAppliesToGroups() throws Exception {
    Reply reply =
        query(
            "SELECT StageName, SUM(Amount) FROM Opportunity GROUP BY StageName"
                + " ORDER BY SUM(Amount) ASC NULLS LAST LIMIT 1");
    assertThat(reply.body().path("totalSize").asInt()).isEqualTo(1);
    assertThat(reply.body().path("records").get(0).path("StageName").asText())
        .isEqualTo("Closed Won");
  }

  @Test
  void aCurrencySumIsInTheCorporateCurrency() throws Exception {
    sf.opportunities().multiCurrency("USD", Map.of("EUR", new BigDecimal("0.5")));
    String euro = deal("E1", null, "Prospecting", "100");
    sf.opportunities().update(euro, Map.of("CurrencyIsoCode", "EUR"));

    Reply reply = query("SELECT SUM(Amount) FROM Opportunity WHERE StageName = 'Prospecting'");

    // 1000.50 + 2000 USD, and EUR 100 at 0.5 EUR per USD = USD 200
    assertThat(reply.body().path("records").get(0).path("expr0").decimalValue())
        .isEqualByComparingTo("3200.50");
  }

  @Test
  void documentedRefusals() throws Exception {
    assertRefused(
        "SELECT Name, COUNT(Id) FROM Opportunity GROUP BY StageName",
        "Field must be grouped or aggregated: Name");
    assertRefused(
        "SELECT Name, SUM(Amount) FROM Opportunity", "Field must be grouped or aggregated");
    assertRefused("SELECT COUNT(), Name FROM Opportunity", "COUNT() must be the only element");
    assertRefused("SELECT COUNT() FROM Opportunity GROUP BY StageName", "GROUP BY");
    assertRefused("SELECT COUNT() FROM Opportunity ORDER BY Name", "ORDER BY");
    assertRefused(
        "SELECT SUM(Name) FROM Opportunity", "field Name does not support aggregate operator SUM");
    assertRefused(
        "SELECT COUNT(IsWon) FROM Opportunity", "does not support aggregate operator COUNT");
    assertRefused(
        "SELECT Amount, COUNT(Id) FROM Opportunity GROUP BY Amount",
        "field 'Amount' can not be grouped in a query call");
    assertRefused("SELECT COUNT(Id) FROM Opportunity GROUP BY CreatedDate", "can not be grouped");
    assertRefused(
        "SELECT Name n FROM Opportunity", "only aggregate expressions use field aliasing");
    assertRefused("SELECT SUM(Amount) limit FROM Opportunity", "unexpected token: 'limit'");
    assertRefused("SELECT SUM(Amount) FROM Opportunity LIMIT 1", "GROUP BY");
    assertRefused(
        "SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName ORDER BY Name",
        "Ordered field must be grouped or aggregated: Name");
    assertRefused("SELECT Name FROM Opportunity ORDER BY SUM(Amount)", "aggregate");
    assertRefused("SELECT SUM() FROM Opportunity", "unexpected token");
    assertRefused("SELECT AVG(Amount) FROM Opportunity", "AVG");
  }

  @Test
  void moreGroupsThanOneBatchAreRefused_unlessLimited() throws Exception {
    for (int i = 0; i < 2001; i++) {
      Map<String, Object> fields = new HashMap<>();
      fields.put("Name", "bulk " + i);
      fields.put("StageName", "Prospecting");
      fields.put("CloseDate", LocalDate.parse("2026-12-15"));
      sf.opportunities().insert(fields);
    }
    assertRefused(
        "SELECT Name, COUNT(Id) FROM Opportunity GROUP BY Name",
        "Aggregate query does not support queryMore()");
    Reply limited = query("SELECT Name, COUNT(Id) FROM Opportunity GROUP BY Name LIMIT 2000");
    assertThat(limited.status()).isEqualTo(200);
    assertThat(limited.body().path("records").size()).isEqualTo(2000);
  }
}
