package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.crmvoice.simulator.pipeline.LocalPipeline;
import com.crmvoice.testkit.dataverse.FakeDataverse;
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
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On Dynamics 365, the pipeline figures the skill speaks equal a direct computation over the fake
 * Dataverse's Web API: the demo user's open opportunities closing in this fiscal quarter (from the
 * organization's fiscalcalendarstart) and those won in it, read with one OData query each as any
 * client sends it, summed here: the open amount and count, the weighted amount (estimatedvalue ×
 * closeprobability), the top stage and its amount, the won amount; in the organization's base
 * currency. The Salesforce side is {@link PipelineFiguresIT}.
 */
class PipelineFiguresDynamicsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalPipeline pipeline;
  private static FakeDataverse dataverse;

  @BeforeAll
  static void start() {
    pipeline = PipelineFiguresIT.startWithDealBooks("dvfigures", "dynamics");
    dataverse = pipeline.dataverse().orElseThrow();
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  /** One Web API GET as any client sends it, the demo user's delegated token. */
  private static JsonNode get(String pathAndQuery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(dataverse.baseUrl() + "/api/data/v9.2/" + pathAndQuery))
            .header(
                "Authorization", "Bearer " + dataverse.issueUserToken(FakeDataverse.DEMO_USER_ID))
            .header("Accept", "application/json")
            .header("OData-Version", "4.0")
            .header(
                "Prefer", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"")
            .GET()
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String query(String entitySet, String select, String filter) throws Exception {
    return entitySet
        + "?$select="
        + select
        + "&$filter="
        + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @ParameterizedTest
  @CsvSource({
    "en-US, ask crm voice how's my pipeline, ask crm voice what did I close this quarter",
    "en-GB, ask crm voice how's my pipeline, ask crm voice what did I close this quarter",
    "de-DE, frage crm voice wie sieht meine pipeline aus, frage crm voice was habe ich in diesem"
        + " quartal abgeschlossen"
  })
  void theSpokenFiguresAreTheOpportunitiesOfTheFake(String locale, String open, String closed)
      throws Exception {
    assumeTrue(Simulator.findModel(null, locale).isPresent(), "the skill package is here");
    assumeTrue(pipeline.intentAvailable(), "the intent function is on the class path");
    JsonNode organization =
        get("organizations?$select=fiscalcalendarstart,_basecurrencyid_value").path("value").get(0);
    String iso =
        get("transactioncurrencies("
                + organization.path("_basecurrencyid_value").asText()
                + ")?$select=isocurrencycode")
            .path("isocurrencycode")
            .asText();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int startMonth =
        organization.hasNonNull("fiscalcalendarstart")
            ? java.time.OffsetDateTime.parse(organization.path("fiscalcalendarstart").asText())
                .getMonthValue()
            : 1;
    int offset = Math.floorMod(today.getMonthValue() - startMonth, 3);
    LocalDate from = today.withDayOfMonth(1).minusMonths(offset);
    LocalDate to = from.plusMonths(3).minusDays(1);
    String owner = "_ownerid_value eq " + FakeDataverse.DEMO_USER_ID;
    String period = " and estimatedclosedate ge " + from + " and estimatedclosedate le " + to;

    BigDecimal openAmount = BigDecimal.ZERO;
    BigDecimal weighted = BigDecimal.ZERO;
    int openCount = 0;
    Map<String, BigDecimal> byStage = new LinkedHashMap<>();
    for (JsonNode row :
        get(query(
                "opportunities",
                "estimatedvalue,closeprobability,salesstage",
                owner + " and statecode eq 0" + period))
            .path("value")) {
      BigDecimal amount = row.path("estimatedvalue").decimalValue();
      openAmount = openAmount.add(amount);
      weighted =
          weighted.add(
              amount
                  .multiply(BigDecimal.valueOf(row.path("closeprobability").asInt()))
                  .divide(BigDecimal.valueOf(100)));
      openCount++;
      byStage.merge(
          row.path("salesstage@OData.Community.Display.V1.FormattedValue").asText(),
          amount,
          BigDecimal::add);
    }
    Map.Entry<String, BigDecimal> top =
        byStage.entrySet().stream().max(Comparator.comparing(Map.Entry::getValue)).orElseThrow();
    BigDecimal won = BigDecimal.ZERO;
    int wonCount = 0;
    for (JsonNode row :
        get(query(
                "opportunities",
                "actualvalue",
                owner
                    + " and statecode eq 1 and actualclosedate ge "
                    + from
                    + " and actualclosedate le "
                    + to))
            .path("value")) {
      won = won.add(row.path("actualvalue").decimalValue());
      wonCount++;
    }
    // The demo pipeline has several open deals and one win this quarter: not vacuous.
    assertThat(openCount).isGreaterThan(1);
    assertThat(wonCount).isPositive();

    String saidOpen = PipelineFiguresIT.say(pipeline, locale, open);
    assertThat(saidOpen)
        .contains(PipelineFiguresIT.money(openAmount, iso, locale))
        .contains(" " + openCount + " ")
        .contains(PipelineFiguresIT.money(weighted, iso, locale))
        .contains(top.getKey())
        .contains(PipelineFiguresIT.money(top.getValue(), iso, locale))
        .doesNotContain("Salesforce");
    assertThat(PipelineFiguresIT.say(pipeline, locale, closed))
        .contains(PipelineFiguresIT.money(won, iso, locale));
  }
}
