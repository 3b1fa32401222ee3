package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.simulator.dialog.Conversation;
import com.crmvoice.simulator.dialog.DirectivesEndpoint;
import com.crmvoice.simulator.dialog.Output;
import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.pipeline.LocalPipeline;
import com.crmvoice.simulator.pipeline.StreamSkillEndpoint;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipeline figures the skill speaks ("how's my pipeline", "what did I close": PipelineIntent
 * and ClosedDealsIntent over the book the refresher's deals-full pass cached in DynamoDB Local)
 * equal a direct SOQL aggregate computation over the fake Salesforce's REST query endpoint, for the
 * same period (this calendar quarter: the demo org has no custom fiscal year) and in the same
 * currency (the org's, read from Organization): the open amount and count, the top stage and its
 * amount, the closed-won amount and count. The weighted amount has no SOQL aggregate (Probability
 * cannot be grouped and SUM takes no product) and is left to PipelineCalculatorTest.
 */
class PipelineFiguresIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalPipeline pipeline;
  private static FakeSalesforce salesforce;

  @BeforeAll
  static void start() {
    pipeline = startWithDealBooks("figures", "salesforce");
    salesforce = pipeline.salesforce().orElseThrow();
  }

  /**
   * The local pipeline against {@code crm} (salesforce or dynamics), no schedules, the demo
   * pipeline cached by a deals-full pass.
   */
  static LocalPipeline startWithDealBooks(String prefix, String crm) {
    LocalPipeline started =
        LocalPipeline.start(
            LocalPipeline.Options.defaults()
                .withNamePrefix(EmbeddedAws.uniqueName(prefix))
                .withSchedule(false)
                .withCrm(crm),
            Map.of(),
            line -> {});
    assumeTrue(started.refresherAvailable(), "the cache refresher is on the class path");
    started.refresh("deals-full");
    return started;
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  /** One SOQL query over the fake's REST endpoint, as any client sends it. */
  private static JsonNode soql(String query) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    salesforce.baseUrl()
                        + "/services/data/v62.0/query?q="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .header(
                "Authorization",
                "Bearer " + salesforce.issueUserToken(FakeSalesforce.INTEGRATION_USER_ID))
            .GET()
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The money as the locale writes it (Alexa reads "$42,500" as forty-two thousand ...). */
  static String money(BigDecimal amount, String iso, String locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(locale));
    format.setCurrency(Currency.getInstance(iso));
    boolean whole = amount.stripTrailingZeros().scale() <= 0;
    format.setMinimumFractionDigits(whole ? 0 : 2);
    format.setMaximumFractionDigits(whole ? 0 : 2);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(amount).replace('\u00a0', ' ');
  }

  private static String say(String locale, String utterance) throws Exception {
    return say(pipeline, locale, utterance);
  }

  /** What the skill of {@code pipeline} says to {@code utterance}, a session of its own. */
  static String say(LocalPipeline pipeline, String locale, String utterance) throws Exception {
    InteractionModel model = InteractionModel.load(Simulator.findModel(null, locale).orElseThrow());
    List<Output> outputs = Collections.synchronizedList(new ArrayList<>());
    try (DirectivesEndpoint directives = DirectivesEndpoint.start(outputs::add)) {
      Conversation conversation =
          new Conversation(
              model,
              new StreamSkillEndpoint(pipeline.intentFunction()),
              new Conversation.Device(
                  pipeline.env().get(EnvironmentVariables.SKILL_ID),
                  LocalPipeline.ALEXA_USER_ID,
                  locale,
                  directives.apiEndpoint(),
                  directives.apiAccessToken()),
              outputs::add,
              Clock.systemUTC());
      conversation.say(utterance);
    }
    StringBuilder spoken = new StringBuilder();
    synchronized (outputs) {
      for (Output o : outputs) {
        if (o instanceof Output.Speech speech) {
          spoken.append(speech.text()).append('\n');
        }
      }
    }
    return spoken.toString();
  }

  @ParameterizedTest
  @CsvSource({
    "en-US, ask crm voice how's my pipeline, ask crm voice what did I close this quarter",
    "en-GB, ask crm voice how's my pipeline, ask crm voice what did I close this quarter",
    "de-DE, frage crm voice wie sieht meine pipeline aus, frage crm voice was habe ich in diesem"
        + " quartal abgeschlossen"
  })
  void theSpokenFiguresAreTheSoqlAggregatesOfTheFake(String locale, String open, String closed)
      throws Exception {
    assumeTrue(Simulator.findModel(null, locale).isPresent(), "the skill package is here");
    assumeTrue(pipeline.intentAvailable(), "the intent function is on the class path");
    String zone = pipeline.env().get(EnvironmentVariables.DEFAULT_TIME_ZONE);
    LocalDate today =
        LocalDate.now(zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone));
    LocalDate from = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
    LocalDate to = from.plusMonths(3).minusDays(1);
    String owner = "OwnerId = '" + FakeSalesforce.DEMO_USER_ID + "'";
    String period = " AND CloseDate >= " + from + " AND CloseDate <= " + to;
    String iso =
        soql("SELECT DefaultCurrencyIsoCode FROM Organization")
            .path("records")
            .get(0)
            .path("DefaultCurrencyIsoCode")
            .asText();

    JsonNode pipelineRow =
        soql("SELECT SUM(Amount) amount, COUNT(Id) deals FROM Opportunity WHERE "
                + owner
                + " AND IsClosed = false"
                + period)
            .path("records")
            .get(0);
    JsonNode topStage =
        soql("SELECT StageName, SUM(Amount) amount FROM Opportunity WHERE "
                + owner
                + " AND IsClosed = false"
                + period
                + " GROUP BY StageName ORDER BY SUM(Amount) DESC LIMIT 1")
            .path("records")
            .get(0);
    JsonNode won =
        soql("SELECT SUM(Amount), COUNT(Id) FROM Opportunity WHERE "
                + owner
                + " AND IsWon = true"
                + period)
            .path("records")
            .get(0);
    int openCount = pipelineRow.path("deals").asInt();
    int wonCount = won.path("expr1").asInt();
    // The demo pipeline has several open deals and one win this quarter: the check is not vacuous.
    assertThat(openCount).isGreaterThan(1);
    assertThat(wonCount).isPositive();

    String saidOpen = say(locale, open);
    assertThat(saidOpen)
        .contains(money(pipelineRow.path("amount").decimalValue(), iso, locale))
        .contains(" " + openCount + " ")
        .contains(topStage.path("StageName").asText())
        .contains(money(topStage.path("amount").decimalValue(), iso, locale));

    String saidClosed = say(locale, closed);
    assertThat(saidClosed).contains(money(won.path("expr0").decimalValue(), iso, locale));
    if (wonCount > 1) {
      assertThat(saidClosed).contains(" " + wonCount + " ");
    }
  }
}
