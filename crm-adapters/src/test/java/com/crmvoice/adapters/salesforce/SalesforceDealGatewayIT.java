package com.crmvoice.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChange;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.domain.deal.FiscalCalendar;
import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import com.crmvoice.core.domain.deal.OrgCurrency;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.DealGateway;
import com.crmvoice.core.port.DealGateway.DealUpdateRequest;
import com.crmvoice.testkit.salesforce.FakeOpportunities;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opportunity reads, org settings and conditional updates against the fake Salesforce. */
class SalesforceDealGatewayIT {

  private static final String OWNER = "005000000000777AAA";
  private static final String OTHER = "005000000000888AAA";
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  private FakeSalesforce sf;
  private FakeOpportunities opps;
  private SalesforceCrmGateway crm;
  private DealGateway gateway;

  @BeforeEach
  void start() {
    sf = FakeSalesforce.start();
    opps = sf.opportunities();
    crm =
        new SalesforceCrmGateway(
            new SalesforceConfig(
                sf.baseUrl(),
                "62.0",
                SalesforceConfig.AuthFlow.CLIENT_CREDENTIALS,
                FakeSalesforce.CLIENT_ID,
                FakeSalesforce.CLIENT_SECRET,
                null,
                null,
                FakeSalesforce.EXTERNAL_ID_FIELD,
                List.copyOf(FakeSalesforce.CLOSED_STATUSES),
                Duration.ofSeconds(2)),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            Clock.systemUTC());
    gateway = crm.dealGateway();
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private String deal(
      String owner, String name, String account, String stage, String amount, LocalDate close) {
    Map<String, Object> f = new HashMap<>();
    f.put("OwnerId", owner);
    f.put("Name", name);
    if (account != null) {
      f.put("AccountId", opps.insertAccount(account, owner));
    }
    f.put("StageName", stage);
    f.put("Amount", new BigDecimal(amount));
    f.put("CloseDate", close);
    return opps.insert(f);
  }

  private Deal heard(String id) {
    return gateway.openDealsOf(OWNER).stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsTheOwnersOpenDeals_withTheAccountNameAndEveryField() {
    String acme = deal(OWNER, "Acme expansion", "Acme", "Negotiation/Review", "42500", TODAY);
    String bare = deal(OWNER, "Bare deal", null, "Prospecting", "100", TODAY.plusDays(9));
    deal(OWNER, "Won one", "Acme", "Closed Won", "5", TODAY);
    deal(OTHER, "Not mine", "Globex", "Prospecting", "5", TODAY);
    opps.update(acme, Map.of("NextStep", "Send the contract", "LastActivityDate", TODAY));

    List<Deal> deals = gateway.openDealsOf(OWNER);

    assertThat(deals).extracting(Deal::id).containsExactly(acme, bare);
    Deal first = deals.get(0);
    assertThat(first.accountName()).isEqualTo("Acme");
    assertThat(first.amount()).isEqualByComparingTo("42500");
    assertThat(first.probability()).isEqualTo(90);
    assertThat(first.forecastCategory()).isEqualTo("Pipeline");
    assertThat(first.nextStep()).isEqualTo("Send the contract");
    assertThat(first.lastActivityDate()).isEqualTo(TODAY);
    assertThat(first.lastModifiedAt()).isEqualTo(opps.get(acme).get("LastModifiedDate"));
    assertThat(deals.get(1).accountName()).isNull();
    assertThat(gateway.openDealsOf(List.of(OWNER, OTHER, "005000000000999AAA")))
        .hasEntrySatisfying(OTHER, d -> assertThat(d).hasSize(1))
        .hasEntrySatisfying("005000000000999AAA", d -> assertThat(d).isEmpty());
  }

  @Test
  void aQuoteInAnOwnerIdIsAValueNotSoql() {
    deal(OWNER, "Acme expansion", "Acme", "Negotiation/Review", "42500", TODAY);

    assertThat(gateway.openDealsOf("005' OR Name != '")).isEmpty();
  }

  @Test
  void wonDealsInADateRange_andChangesWithClosesAndDeletes() {
    Instant before = Instant.now().minusSeconds(1);
    String won = deal(OWNER, "Won", "Acme", "Closed Won", "1000", TODAY.minusDays(3));
    deal(OWNER, "Won long ago", "Acme", "Closed Won", "1000", TODAY.minusYears(1));
    String open = deal(OWNER, "Open", "Acme", "Prospecting", "10", TODAY);
    String gone = deal(OWNER, "Gone", "Acme", "Prospecting", "10", TODAY);
    opps.delete(gone);

    try (Stream<Deal> deals = gateway.wonDeals(TODAY.minusDays(30), TODAY, null)) {
      assertThat(deals.map(Deal::id).toList()).containsExactly(won);
    }
    try (Stream<Deal> deals = gateway.wonDeals(TODAY.minusDays(30), TODAY, List.of(OTHER))) {
      assertThat(deals.toList()).isEmpty();
    }
    try (Stream<DealChange> changes = gateway.dealsModifiedSince(before)) {
      Map<String, DealChange> byId = new HashMap<>();
      changes.forEach(c -> byId.put(c.deal().id(), c));
      assertThat(byId.get(won).open()).isFalse();
      assertThat(byId.get(open).open()).isTrue();
      assertThat(byId.get(gone).deleted()).isTrue();
    }
  }

  @Test
  void stagesCarryTheProbabilityAndForecastCategoryTheOrgSetsWithThem() {
    List<DealStage> stages = gateway.stages();

    assertThat(stages).extracting(DealStage::value).startsWith("Prospecting", "Qualification");
    DealStage won =
        stages.stream().filter(s -> s.value().equals("Closed Won")).findFirst().orElseThrow();
    assertThat(won.closed()).isTrue();
    assertThat(won.won()).isTrue();
    assertThat(won.defaultProbability()).isEqualTo(100);
    assertThat(won.forecastCategory()).isEqualTo("Closed");
  }

  @Test
  void fiscalPeriodsComeFromPeriodRecords_elseFromTheStartMonth() {
    assertThat(gateway.fiscalCalendar(TODAY).period(Kind.QUARTER, TODAY).start())
        .isEqualTo(LocalDate.of(2026, 10, 1));

    opps.fiscalYearStartMonth(2);
    assertThat(gateway.fiscalCalendar(TODAY).period(Kind.QUARTER, TODAY).start())
        .isEqualTo(LocalDate.of(2026, 11, 1));

    opps.customFiscalYear(
        "2027",
        List.of(
            new LocalDate[] {LocalDate.of(2026, 11, 29), LocalDate.of(2027, 2, 27)},
            new LocalDate[] {LocalDate.of(2027, 2, 28), LocalDate.of(2027, 5, 29)}));
    FiscalCalendar custom = gateway.fiscalCalendar(TODAY);
    assertThat(custom.definedByCrm()).isTrue();
    assertThat(custom.period(Kind.QUARTER, TODAY).start()).isEqualTo(LocalDate.of(2026, 11, 29));
    assertThat(custom.period(Kind.QUARTER, TODAY).fiscalYear()).isEqualTo(2027);
    assertThat(custom.next(Kind.QUARTER, TODAY).start()).isEqualTo(LocalDate.of(2027, 2, 28));
  }

  @Test
  void aSingleCurrencyOrgHasItsDefaultCurrency() {
    opps.defaultCurrency("EUR");

    assertThat(gateway.orgCurrency()).isEqualTo(OrgCurrency.single("EUR"));
  }

  @Test
  void aMultiCurrencyOrgHasItsRates_andDealsTheirCurrency() {
    opps.multiCurrency("USD", Map.of("EUR", new BigDecimal("0.9")));
    String id = deal(OWNER, "Euro deal", "Acme", "Prospecting", "900", TODAY);
    opps.update(id, Map.of("CurrencyIsoCode", "EUR"));

    OrgCurrency currency = gateway.orgCurrency();

    assertThat(currency.multiCurrency()).isTrue();
    assertThat(currency.corporateIsoCode()).isEqualTo("USD");
    assertThat(currency.rates().get("EUR")).isEqualByComparingTo("0.9");
    assertThat(heard(id).currencyIsoCode()).isEqualTo("EUR");
  }

  @Test
  void aStageChangeOfTheHeardVersionIsWritten_andSalesforceSetsProbabilityAndForecast() {
    String id = deal(OWNER, "Acme", "Acme", "Prospecting", "100", TODAY);
    Deal heard = heard(id);

    List<UpdateResult> results =
        gateway.updateDeals(
            List.of(
                new DealUpdateRequest(
                    id, OWNER, heard.lastModifiedAt(), heard, DealChanges.stage("Closed Won"))));

    assertThat(results).containsExactly(new UpdateResult.Updated(true, null));
    assertThat(opps.get(id))
        .containsEntry("StageName", "Closed Won")
        .containsEntry("ForecastCategoryName", "Closed")
        .containsEntry("IsWon", true);
    assertThat((BigDecimal) opps.get(id).get("Probability")).isEqualByComparingTo("100");
    assertThat(sf.calls("sobject-update-opportunity")).isEqualTo(1);

    // The same command again: already applied, no second write.
    assertThat(
            gateway.updateDeals(
                List.of(
                    new DealUpdateRequest(
                        id,
                        OWNER,
                        heard.lastModifiedAt(),
                        heard,
                        DealChanges.stage("Closed Won")))))
        .first()
        .isInstanceOf(UpdateResult.Updated.class)
        .extracting(r -> ((UpdateResult.Updated) r).changed())
        .isEqualTo(false);
    assertThat(opps.appliedUpdates(id)).isEqualTo(1);
  }

  @Test
  void refusesADealChangedSinceHeard_anothersDeal_aClosedOne_andAMissingOne() {
    String changed = deal(OWNER, "Changed", "Acme", "Prospecting", "100", TODAY);
    String moved = deal(OWNER, "Moved", "Acme", "Prospecting", "100", TODAY);
    String closed = deal(OWNER, "Closed", "Acme", "Prospecting", "100", TODAY);
    Deal heardChanged = heard(changed);
    Deal heardMoved = heard(moved);
    Deal heardClosed = heard(closed);
    opps.update(changed, Map.of("Amount", new BigDecimal("200")));
    opps.update(moved, Map.of("OwnerId", OTHER));
    opps.update(closed, Map.of("StageName", "Closed Lost"));

    List<UpdateResult> results =
        gateway.updateDeals(
            List.of(
                request(heardChanged, DealChanges.nextStep("Call")),
                request(heardMoved, DealChanges.nextStep("Call")),
                request(heardClosed, DealChanges.nextStep("Call")),
                new DealUpdateRequest(
                    "006000000009999AAA", OWNER, null, heardClosed, DealChanges.nextStep("x"))));

    assertThat(results)
        .extracting(r -> ((UpdateResult.Rejected) r).errorCode())
        .containsExactly(
            DealGateway.DEAL_CHANGED,
            DealGateway.DEAL_NOT_OWNED,
            DealGateway.DEAL_NOT_OPEN,
            DealGateway.DEAL_NOT_FOUND);
    assertThat(opps.get(changed).get("NextStep")).isNull();
  }

  @Test
  void severalUpdatesAreOneCollectionsCall() {
    String a = deal(OWNER, "A", "Acme", "Prospecting", "100", TODAY);
    String b = deal(OWNER, "B", "Acme", "Prospecting", "100", TODAY);
    String c = deal(OWNER, "C", "Acme", "Prospecting", "100", TODAY);
    List<DealUpdateRequest> requests =
        List.of(
            request(heard(a), DealChanges.amount(new BigDecimal("50000"))),
            request(heard(b), DealChanges.closeDate(TODAY.plusDays(30))),
            request(heard(c), DealChanges.stage("Negotiation/Review")));
    sf.resetCalls();

    List<UpdateResult> results = gateway.updateDeals(requests);

    assertThat(results).allMatch(r -> r instanceof UpdateResult.Updated u && u.changed());
    assertThat(sf.calls("composite-update")).isEqualTo(1);
    assertThat(sf.calls("query")).isEqualTo(1);
    assertThat((BigDecimal) opps.get(a).get("Amount")).isEqualByComparingTo("50000");
    assertThat(opps.get(b).get("CloseDate")).isEqualTo(TODAY.plusDays(30));
    assertThat((BigDecimal) opps.get(c).get("Probability")).isEqualByComparingTo("90");
  }

  @Test
  void anUnknownStageIsRefusedBySalesforce() {
    String id = deal(OWNER, "A", "Acme", "Prospecting", "100", TODAY);

    List<UpdateResult> results =
        gateway.updateDeals(List.of(request(heard(id), DealChanges.stage("Closed One"))));

    assertThat(results.get(0)).isInstanceOf(UpdateResult.Rejected.class);
    assertThat(((UpdateResult.Rejected) results.get(0)).errorCode())
        .isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
  }

  private static DealUpdateRequest request(Deal heard, DealChanges changes) {
    return new DealUpdateRequest(heard.id(), OWNER, heard.lastModifiedAt(), heard, changes);
  }
}
