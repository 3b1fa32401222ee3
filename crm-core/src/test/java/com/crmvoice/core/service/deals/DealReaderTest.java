package com.crmvoice.core.service.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.FiscalPeriod;
import com.crmvoice.core.domain.deal.PeriodFigures;
import com.crmvoice.core.fakes.InMemoryDealCache;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.LeadCache.WriteCount;
import com.crmvoice.core.port.StorageUnavailableException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealReaderTest {

  // A Wednesday.
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T09:00:00Z"));
  private final InMemoryDealCache cache = new InMemoryDealCache();
  private final DealReader reader = new DealReader(cache, clock);

  private static Deal deal(String id, String owner, String amount, LocalDate close) {
    return new Deal(
        id,
        owner,
        "Deal " + id,
        "Acme",
        "Prospecting",
        amount == null ? null : new BigDecimal(amount),
        null,
        close,
        null,
        null,
        null,
        null,
        null);
  }

  private final Deal monday = deal("006MON", "005A", "100", TODAY.minusDays(2));
  private final Deal sunday = deal("006SUN", "005A", "900", TODAY.plusDays(4));
  private final Deal nextMonday = deal("006NXT", "005A", "5000", TODAY.plusDays(5));
  private final Deal april = deal("006APR", "005A", null, LocalDate.of(2026, 4, 1));

  private void book(List<PeriodFigures> figures) {
    cache.replaceOwnerBook(
        "005A", new DealBook(List.of(april, nextMonday, sunday, monday), figures), Instant.now());
  }

  @Test
  void thisWeekIsMondayToSunday_soonestFirst() {
    book(List.of());

    assertThat(reader.closing("005A", DealReader.Span.WEEK, ZoneOffset.UTC))
        .contains(List.of(monday, sunday));
  }

  @Test
  void thisMonthIsTheCalendarMonth_orTheFiscalMonthTheBookNames() {
    book(List.of());
    assertThat(reader.closing("005A", DealReader.Span.MONTH, ZoneOffset.UTC))
        .contains(List.of(monday, sunday, nextMonday));

    // A fiscal month from 15 February to 3 March would not hold today; one to 8 March does.
    FiscalPeriod fiscal =
        new FiscalPeriod(
            FiscalPeriod.Kind.MONTH, LocalDate.of(2026, 2, 9), TODAY.plusDays(4), 2, 2026);
    book(
        List.of(
            new PeriodFigures(
                fiscal,
                "EUR",
                BigDecimal.ZERO,
                0,
                BigDecimal.ZERO,
                List.of(),
                BigDecimal.ZERO,
                0)));
    assertThat(reader.closing("005A", DealReader.Span.MONTH, ZoneOffset.UTC))
        .contains(List.of(monday, sunday));
  }

  @Test
  void todayIsTheUsersDay() {
    book(List.of());
    // 23:30 UTC on Sunday 8 March is already Monday the 9th in Berlin: next week.
    clock.set(Instant.parse("2026-03-08T23:30:00Z"));

    assertThat(reader.closing("005A", DealReader.Span.WEEK, ZoneId.of("Europe/Berlin")))
        .contains(List.of(nextMonday));
  }

  @Test
  void theBiggestFirst_aDealWithoutAmountLast() {
    book(List.of());

    assertThat(reader.biggest("005A")).contains(List.of(nextMonday, sunday, monday, april));
  }

  @Test
  void onlyTheOwnersBook_andNothingBeforeTheRefresherWroteIt() {
    assertThat(reader.closing("005A", DealReader.Span.WEEK, ZoneOffset.UTC)).isEmpty();
    assertThat(reader.biggest("005A")).isEmpty();
    book(List.of());

    assertThat(reader.find("005A", "006SUN")).contains(sunday);
    assertThat(reader.find("005B", "006SUN")).isEmpty();
    assertThat(reader.openDeals("005B")).isEmpty();
    assertThat(reader.matching("005A", "deal 006SUN")).containsExactly(sunday);
    assertThat(reader.matching("005B", "deal 006SUN")).isEmpty();
  }

  @Test
  void aCacheThatCannotBeRead_isAnUnknownBook() {
    DealCache down =
        new DealCache() {
          @Override
          public Snapshot book(String ownerId) {
            throw new StorageUnavailableException("down", null);
          }

          @Override
          public WriteCount replaceOwnerBook(String ownerId, DealBook book, Instant at) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Map<String, String> digestsOf(Collection<String> ownerIds) {
            return Map.of();
          }
        };

    assertThat(new DealReader(down, clock).openDeals("005A")).isEmpty();
  }

  @Test
  void theCurrencyIsTheDealsOwn_elseTheOrgs() {
    Deal inYen =
        new Deal(
            "006Y",
            "005A",
            "Yen",
            null,
            "Prospecting",
            BigDecimal.TEN,
            "JPY",
            TODAY,
            null,
            null,
            null,
            null,
            null);
    FiscalPeriod month =
        new FiscalPeriod(
            FiscalPeriod.Kind.MONTH, TODAY.withDayOfMonth(1), TODAY.plusDays(20), 3, 2026);
    DealBook book =
        new DealBook(
            List.of(inYen, sunday),
            List.of(
                new PeriodFigures(
                    month,
                    "EUR",
                    BigDecimal.ZERO,
                    0,
                    BigDecimal.ZERO,
                    List.of(),
                    BigDecimal.ZERO,
                    0)));

    assertThat(DealReader.currencyOf(inYen, book)).isEqualTo("JPY");
    assertThat(DealReader.currencyOf(sunday, book)).isEqualTo("EUR");
    assertThat(DealReader.currencyOf(sunday, DealBook.EMPTY)).isNull();
  }
}
