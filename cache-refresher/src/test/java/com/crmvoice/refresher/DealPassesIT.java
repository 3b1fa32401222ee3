package com.crmvoice.refresher;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.dynamodb.DynamoDbDealCache;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import com.crmvoice.core.domain.deal.PeriodFigures;
import com.crmvoice.core.port.DealCache.Snapshot;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deal passes as the schedules and the refresh queue invoke them: the demo user's pipeline from
 * the fake Salesforce into the deal cache in DynamoDB Local, written only when it changed.
 */
class DealPassesIT {

  private final RefresherStack stack = new RefresherStack(Map.of());
  private final DynamoDbDealCache deals =
      new DynamoDbDealCache(
          stack.clients.dynamoDb(),
          stack.leadsTable,
          new CacheConfig(5, Duration.ofHours(72)),
          Clock.systemUTC());

  @AfterEach
  void close() {
    stack.close();
  }

  private Snapshot.Known demo() {
    return (Snapshot.Known) deals.book(FakeSalesforce.DEMO_USER_ID);
  }

  @Test
  void theFullPassCachesTheDemoPipelineAndASecondOneWritesNothing() {
    stack.salesforce.seedDemo();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    JsonNode first = stack.pass("deals-full");

    assertThat(first.path("pass").asText()).isEqualTo("deals-full");
    assertThat(demo().book().openDeals())
        .extracting(Deal::name)
        .containsExactly(
            "Acme expansion",
            "Northwind renewal",
            "Tailspin Toys upgrade",
            "Contoso pilot",
            "Fabrikam rollout");
    assertThat(demo().book().openDeals().get(0).accountName()).isEqualTo("Acme Corporation");
    PeriodFigures quarter = demo().book().figuresOf(Kind.QUARTER, today).orElseThrow();
    assertThat(quarter.wonAmount()).isEqualByComparingTo("15000");
    assertThat(quarter.wonCount()).isEqualTo(1);
    assertThat(quarter.currencyIsoCode()).isEqualTo("USD");
    // Deals of another owner are not the demo user's, whatever their account.
    assertThat(demo().book().openDeals()).noneMatch(d -> d.name().equals("Acme data platform"));

    JsonNode second = stack.pass("deals-full");
    assertThat(second.path("itemsWritten").asInt()).isZero();
    assertThat(second.path("ownersSeen").asInt()).isEqualTo(first.path("ownersSeen").asInt());
  }

  @Test
  void theIncrementalPassFollowsAStageChange_andAQuietOneWritesNothing() {
    stack.salesforce.seedDemo();
    stack.pass("deals-full");
    Deal acme = demo().book().openDeals().get(0);
    stack
        .salesforce
        .opportunities()
        .update(
            acme.id(),
            Map.of("StageName", "Closed Won", "CloseDate", LocalDate.now(ZoneOffset.UTC)));

    JsonNode pass = stack.pass("deals-incremental");

    assertThat(pass.path("ownersChanged").asInt()).isEqualTo(1);
    assertThat(demo().book().openDeals()).extracting(Deal::id).doesNotContain(acme.id());
    PeriodFigures quarter =
        demo().book().figuresOf(Kind.QUARTER, LocalDate.now(ZoneOffset.UTC)).orElseThrow();
    assertThat(quarter.wonAmount()).isEqualByComparingTo(new BigDecimal("57500"));
    JsonNode quiet = stack.pass("deals-incremental");
    assertThat(quiet.path("itemsWritten").asInt()).isZero();
  }

  @Test
  void aRefreshRequestRefreshesTheOwnersDealsToo() throws Exception {
    stack.salesforce.seedDemo();

    stack.refreshQueue.requestRefresh(FakeSalesforce.DEMO_USER_ID);
    stack.eventSource.drain(Duration.ofSeconds(30));

    assertThat(demo().book().openDeals()).hasSize(5);
  }
}
