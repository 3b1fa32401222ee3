package com.crmvoice.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.FiscalPeriod;
import com.crmvoice.core.domain.deal.PeriodFigures;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.DealCache.Snapshot;
import com.crmvoice.core.port.LeadCache.WriteCount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DealCache} promises; the in-memory fake and each adapter run these tests. */
public abstract class DealCacheContract {

  protected static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  protected static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  private DealCache cache;
  private String owner;

  protected abstract DealCache newCache();

  @BeforeEach
  void setUp() {
    cache = newCache();
    owner = "005" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
  }

  protected static Deal deal(String owner, String id, int closesInDays, String amount) {
    return new Deal(
        id,
        owner,
        "Deal " + id,
        "Account " + id,
        "Negotiation/Review",
        amount == null ? null : new BigDecimal(amount),
        null,
        TODAY.plusDays(closesInDays),
        90,
        "Commit",
        "Send the contract",
        TODAY.minusDays(3),
        T0.minusSeconds(3600));
  }

  private static DealBook book(List<Deal> deals) {
    FiscalPeriod quarter =
        new FiscalPeriod(
            FiscalPeriod.Kind.QUARTER,
            LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 12, 31),
            4,
            2026);
    PeriodFigures figures =
        new PeriodFigures(
            quarter,
            "USD",
            new BigDecimal("42500"),
            deals.size(),
            new BigDecimal("38250"),
            List.of(
                new PeriodFigures.StageAmount("Negotiation/Review", new BigDecimal("42500"), 1)),
            new BigDecimal("10000"),
            1);
    return new DealBook(deals, List.of(figures));
  }

  @Test
  void anOwnerNeverRefreshedIsNotKnown() {
    assertThat(cache.book(owner)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(cache.dealsClosing(owner, TODAY, TODAY.plusDays(7))).isEmpty();
    assertThat(cache.digestsOf(List.of(owner))).isEmpty();
  }

  @Test
  void aBookReadsBackAsWritten_withEveryField() {
    Deal noAccount =
        new Deal(
            "006B",
            owner,
            "Bare",
            null,
            "Prospecting",
            null,
            "EUR",
            TODAY,
            null,
            null,
            null,
            null,
            null);
    DealBook book = book(List.of(deal(owner, "006A", 3, "42500.5"), noAccount));

    cache.replaceOwnerBook(owner, book, T0);

    Snapshot.Known known = (Snapshot.Known) cache.book(owner);
    assertThat(known.book()).isEqualTo(book);
    assertThat(known.refreshedAt()).isEqualTo(T0);
    assertThat(known.digest()).isEqualTo(book.digest());
    assertThat(cache.digestsOf(List.of(owner, "005NOBODY")))
        .isEqualTo(Map.of(owner, book.digest()));
  }

  @Test
  void anEmptyBookIsKnown() {
    cache.replaceOwnerBook(owner, DealBook.EMPTY, T0);

    assertThat(cache.book(owner)).isInstanceOf(Snapshot.Known.class);
    assertThat(((Snapshot.Known) cache.book(owner)).book().openDeals()).isEmpty();
  }

  @Test
  void anUnchangedBookIsNotWrittenAgain_andAChangedOneIs() {
    DealBook book = book(List.of(deal(owner, "006A", 3, "100")));
    assertThat(cache.replaceOwnerBook(owner, book, T0)).isNotEqualTo(WriteCount.NONE);

    assertThat(cache.replaceOwnerBook(owner, book, T0.plusSeconds(60))).isEqualTo(WriteCount.NONE);

    DealBook changed = book(List.of(deal(owner, "006A", 3, "200")));
    assertThat(cache.replaceOwnerBook(owner, changed, T0.plusSeconds(120)))
        .isNotEqualTo(WriteCount.NONE);
    assertThat(((Snapshot.Known) cache.book(owner)).book()).isEqualTo(changed);
  }

  @Test
  void dealsClosingAnswersTheWindowSoonestFirst() {
    Deal later = deal(owner, "006L", 6, "100");
    Deal soonSmall = deal(owner, "006S", 1, "100");
    Deal soonBig = deal(owner, "006B", 1, "900");
    Deal outside = deal(owner, "006O", 30, "5000");
    cache.replaceOwnerBook(owner, book(List.of(later, outside, soonSmall, soonBig)), T0);

    assertThat(cache.dealsClosing(owner, TODAY, TODAY.plusDays(6)))
        .extracting(Deal::id)
        .containsExactly("006B", "006S", "006L");
  }

  @Test
  void refusesMoreDealsThanABookHolds() {
    List<Deal> many = new ArrayList<>();
    for (int i = 0; i <= DealCache.MAX_DEALS_PER_OWNER; i++) {
      many.add(deal(owner, "006X" + i, i, "1"));
    }
    assertThatThrownBy(() -> cache.replaceOwnerBook(owner, book(many), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
