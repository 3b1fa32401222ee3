package com.crmvoice.core.service.refresher;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import com.crmvoice.core.domain.deal.PeriodFigures;
import com.crmvoice.core.fakes.InMemoryDealCache;
import com.crmvoice.core.fakes.InMemoryDealGateway;
import com.crmvoice.core.fakes.InMemoryWatermarkStore;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.service.deals.DealSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DealRefresherTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryDealGateway crm = new InMemoryDealGateway(clock);
  private final InMemoryDealCache cache = new InMemoryDealCache();
  private final InMemoryWatermarkStore watermarks = new InMemoryWatermarkStore();
  private final DealRefresher refresher =
      new DealRefresher(
          crm,
          cache,
          new DealSettings(crm, Duration.ofHours(1), clock),
          watermarks,
          Duration.ofSeconds(120),
          1000,
          2,
          clock,
          crm::calls);

  private static Deal deal(String owner, String id, String stage, String amount, int inDays) {
    return new Deal(
        id,
        owner,
        "Deal " + id,
        "Acme",
        stage,
        new BigDecimal(amount),
        null,
        TODAY.plusDays(inDays),
        null,
        null,
        null,
        null,
        NOW.minusSeconds(3600));
  }

  private DealBook book(String owner) {
    return ((DealCache.Snapshot.Known) cache.book(owner)).book();
  }

  @Test
  void aFullPassKeepsEachOwnersOpenDealsAndFigures_inTwoDealQueries() {
    crm.put(deal("005A", "006A1", "Negotiation/Review", "30000", 5));
    crm.put(deal("005A", "006A2", "Prospecting", "12500", 20));
    crm.put(deal("005A", "006A3", "Closed Won", "10000", -1));
    crm.put(deal("005A", "006A4", "Proposal/Price Quote", "5000", 40)); // next quarter
    crm.put(deal("005B", "006B1", "Closed Lost", "1", -3)); // nothing to keep for B

    PassReport report = refresher.fullPass();

    DealBook a = book("005A");
    assertThat(a.openDeals()).extracting(Deal::id).containsExactly("006A1", "006A2", "006A4");
    PeriodFigures quarter = a.figuresOf(Kind.QUARTER, TODAY).orElseThrow();
    assertThat(quarter.openAmount()).isEqualByComparingTo("42500");
    assertThat(quarter.openCount()).isEqualTo(2);
    assertThat(quarter.weightedAmount()).isEqualByComparingTo("28250");
    assertThat(quarter.wonAmount()).isEqualByComparingTo("10000");
    assertThat(a.figuresOf(Kind.QUARTER, TODAY.plusMonths(1).withDayOfMonth(5)))
        .get()
        .extracting(PeriodFigures::openCount)
        .isEqualTo(1);
    assertThat(cache.book("005B")).isInstanceOf(DealCache.Snapshot.NeverRefreshed.class);
    // stages, calendar, currency, open deals, won deals
    assertThat(report.crmCalls()).isEqualTo(5);
    assertThat(report.itemsWritten()).isEqualTo(1);
  }

  @Test
  void anUnchangedOwnerIsNotWrittenAgain_andTheSettingsAreReadOnceAnHour() {
    crm.put(deal("005A", "006A1", "Negotiation/Review", "30000", 5));
    refresher.fullPass();

    PassReport again = refresher.fullPass();

    assertThat(again.itemsWritten()).isZero();
    assertThat(again.ownersChanged()).isZero();
    assertThat(again.crmCalls()).isEqualTo(2);
    assertThat(cache.writes()).isEqualTo(1);
  }

  @Test
  void anIncrementalPassRecomputesOnlyTheOwnersWhoseDealsChanged_closesAndDeletesToo() {
    crm.put(deal("005A", "006A1", "Negotiation/Review", "30000", 5));
    crm.put(deal("005A", "006A2", "Prospecting", "100", 6));
    crm.put(deal("005B", "006B1", "Prospecting", "200", 7));
    clock.advance(Duration.ofMinutes(10)); // older than the watermark's overlap
    refresher.fullPass();
    clock.advance(Duration.ofMinutes(10));
    crm.put(deal("005A", "006A1", "Closed Won", "30000", 0));
    crm.delete("006A2");

    PassReport report = refresher.incrementalPass();

    assertThat(report.ownersSeen()).isEqualTo(1);
    assertThat(book("005A").openDeals()).isEmpty();
    assertThat(book("005A").figuresOf(Kind.QUARTER, TODAY).orElseThrow().wonCount()).isEqualTo(1);
    assertThat(book("005B").openDeals()).hasSize(1);
    assertThat(report.watermark()).isEqualTo(clock.instant());
  }

  @Test
  void anOwnerPassReadsOneOwner() {
    crm.put(deal("005A", "006A1", "Negotiation/Review", "30000", 5));
    crm.put(deal("005B", "006B1", "Prospecting", "200", 7));

    refresher.ownerPass("005A");

    assertThat(book("005A").openDeals()).hasSize(1);
    assertThat(cache.book("005B")).isInstanceOf(DealCache.Snapshot.NeverRefreshed.class);
  }
}
