package com.crmvoice.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChange;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.domain.deal.FiscalCalendar;
import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.port.DealGateway;
import com.crmvoice.core.port.DealGateway.DealUpdateRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deal port's contract, one suite for every adapter (as {@link CrmPortContract} for the lead
 * port): the same deals set up in each CRM's fake give the same domain answers, the updates the
 * same results, failures the same classes, and hostile text stays a value.
 */
abstract class DealPortContract {

  static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

  CrmFixture crm;
  DealGateway deals;

  abstract CrmFixture fixture();

  @BeforeEach
  void start() {
    crm = fixture();
    deals = crm.deals();
  }

  @AfterEach
  void stop() {
    crm.close();
  }

  private Deal heard(String owner, String id) {
    return deals.openDealsOf(owner).stream()
        .filter(d -> d.id().equalsIgnoreCase(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theOwnersOpenDealsComeSoonestFirstWithTheirAccountAndValues() {
    String owner = crm.newOwner();
    String other = crm.newOwner();
    String none = crm.newOwner();
    String later =
        crm.openDeal(owner, "Acme expansion", "Acme", 1, 40, "42500", TODAY.plusDays(10));
    String sooner = crm.openDeal(owner, "Bare deal", null, 0, 10, "100", TODAY.plusDays(3));
    crm.winDeal(crm.openDeal(owner, "Won one", "Acme", 0, 10, "5", TODAY), TODAY);
    crm.openDeal(other, "Not mine", "Globex", 0, 10, "5", TODAY);
    deals.orgCurrency(); // the org settings a first read may fetch

    List<Deal> open = deals.openDealsOf(owner);

    assertThat(open).extracting(Deal::id).containsExactly(sooner, later);
    Deal acme = open.get(1);
    assertThat(acme.ownerId()).isEqualToIgnoringCase(owner);
    assertThat(acme.name()).isEqualTo("Acme expansion");
    assertThat(acme.accountName()).isEqualTo("Acme");
    assertThat(acme.stage()).isEqualTo(crm.openStages().get(1));
    assertThat(acme.amount()).isEqualByComparingTo("42500");
    assertThat(acme.closeDate()).isEqualTo(TODAY.plusDays(10));
    assertThat(acme.probability()).isEqualTo(40);
    assertThat(acme.currencyIsoCode()).isNull();
    assertThat(acme.lastModifiedAt()).isNotNull();
    assertThat(open.get(0).accountName()).isNull();
    int before = crm.apiCalls();
    Map<String, List<Deal>> byOwner = deals.openDealsOf(List.of(owner, other, none));
    assertThat(crm.apiCalls() - before).isEqualTo(1);
    assertThat(byOwner.keySet()).containsExactly(owner, other, none);
    assertThat(byOwner.get(owner)).extracting(Deal::id).containsExactly(sooner, later);
    assertThat(byOwner.get(other)).extracting(Deal::name).containsExactly("Not mine");
    assertThat(byOwner.get(none)).isEmpty();
  }

  @Test
  void everyOpenDealStreamsOnceGroupedByOwner() {
    String a = crm.newOwner();
    String b = crm.newOwner();
    for (int i = 0; i < 6; i++) {
      crm.openDeal(i % 2 == 0 ? a : b, "Deal " + i, null, 0, 10, "1000", TODAY.plusDays(i));
    }
    crm.winDeal(crm.openDeal(a, "Won", null, 0, 10, "5", TODAY), TODAY);

    List<Deal> all;
    try (Stream<Deal> stream = deals.openDeals()) {
      all = stream.toList();
    }

    assertThat(all).hasSize(6).extracting(Deal::name).doesNotContain("Won");
    assertThat(all.subList(0, 3))
        .extracting(Deal::ownerId)
        .allMatch(o -> o.equalsIgnoreCase(all.get(0).ownerId()));
    assertThat(all.subList(3, 6))
        .extracting(Deal::ownerId)
        .allMatch(o -> o.equalsIgnoreCase(all.get(3).ownerId()));
  }

  @Test
  void wonDealsAreThoseClosedWonInTheRange() {
    String owner = crm.newOwner();
    String other = crm.newOwner();
    String inRange = crm.openDeal(owner, "In range", null, 0, 10, "1500", TODAY.plusDays(30));
    crm.winDeal(inRange, TODAY.minusDays(5));
    crm.winDeal(crm.openDeal(owner, "Too early", null, 0, 10, "10", TODAY), TODAY.minusDays(60));
    crm.winDeal(crm.openDeal(other, "Other's", null, 0, 10, "20", TODAY), TODAY.minusDays(1));
    crm.openDeal(owner, "Still open", null, 0, 10, "30", TODAY.minusDays(2));
    LocalDate from = TODAY.minusDays(30);

    List<Deal> mine;
    try (Stream<Deal> won = deals.wonDeals(from, TODAY, List.of(owner))) {
      mine = won.toList();
    }
    List<Deal> everyone;
    try (Stream<Deal> won = deals.wonDeals(from, TODAY, null)) {
      everyone = won.toList();
    }

    assertThat(mine).extracting(Deal::id).containsExactly(inRange);
    assertThat(mine.get(0).stage()).isEqualTo(crm.wonStage());
    assertThat(mine.get(0).closeDate()).isEqualTo(TODAY.minusDays(5));
    assertThat(mine.get(0).amount()).isEqualByComparingTo("1500");
    assertThat(everyone).extracting(Deal::name).containsExactlyInAnyOrder("In range", "Other's");
    assertThat(deals.wonDeals(from, TODAY, List.of())).isEmpty();
  }

  @Test
  void changesSinceAnInstantTellOpenFromClosed() {
    String owner = crm.newOwner();
    Instant since = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    String open = crm.openDeal(owner, "Open", null, 0, 10, "10", TODAY);
    String won = crm.openDeal(owner, "Won", null, 0, 10, "10", TODAY);
    crm.winDeal(won, TODAY);

    Map<String, DealChange> changes = new LinkedHashMap<>();
    try (Stream<DealChange> stream = deals.dealsModifiedSince(since)) {
      stream.forEach(c -> changes.put(c.deal().id(), c));
    }

    assertThat(changes.get(open).open()).isTrue();
    assertThat(changes.get(won).open()).isFalse();
    assertThat(changes.get(won).deleted()).isFalse();
    assertThat(changes.get(open).modifiedAt()).isAfterOrEqualTo(since);
    try (Stream<DealChange> later = deals.dealsModifiedSince(Instant.now().plusSeconds(60))) {
      assertThat(later).isEmpty();
    }
  }

  @Test
  void theStagesAreTheOpenOnesInOrderThenTheClosedOnes() {
    List<DealStage> stages = deals.stages();

    assertThat(stages)
        .filteredOn(s -> !s.closed())
        .extracting(DealStage::value)
        .containsExactlyElementsOf(crm.openStages());
    assertThat(stages)
        .filteredOn(DealStage::won)
        .extracting(DealStage::value)
        .containsExactly(crm.wonStage());
    assertThat(stages).filteredOn(DealStage::closed).hasSize(2);
    assertThat(stages).extracting(DealStage::sortOrder).isSorted();
  }

  @Test
  void theFiscalYearStartsInTheOrgsMonthAndTheCurrencyIsTheOrgs() {
    FiscalCalendar calendar = deals.fiscalCalendar(TODAY);
    assertThat(calendar.period(Kind.QUARTER, TODAY).start()).isEqualTo(LocalDate.of(2026, 4, 1));

    crm.fiscalYearStartMonth(2);

    FiscalCalendar february = deals.fiscalCalendar(TODAY);
    assertThat(february.fiscalYearStartMonth()).isEqualTo(2);
    assertThat(february.period(Kind.QUARTER, TODAY).start()).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(deals.orgCurrency().corporateIsoCode()).isEqualTo("USD");
    assertThat(deals.orgCurrency().multiCurrency()).isFalse();
  }

  @Test
  void updatesApplyOnlyToTheOwnersOpenDealAsHeard() {
    String owner = crm.newOwner();
    String other = crm.newOwner();
    String fresh = crm.openDeal(owner, "Fresh", null, 0, 10, "1000", TODAY.plusDays(5));
    String changed = crm.openDeal(owner, "Changed", null, 0, 10, "1000", TODAY.plusDays(6));
    String given = crm.openDeal(owner, "Given away", null, 0, 10, "1000", TODAY.plusDays(7));
    String closed = crm.openDeal(owner, "Closed", null, 0, 10, "1000", TODAY.plusDays(8));
    Map<String, Deal> heard = new LinkedHashMap<>();
    for (String id : List.of(fresh, changed, given, closed)) {
      heard.put(id, heard(owner, id));
    }
    crm.touchDeal(changed);
    crm.reassignDeal(given, other);
    crm.winDeal(closed, TODAY);
    String next = crm.openStages().get(1);
    DealChanges change = new DealChanges(next, new BigDecimal("2500"), TODAY.plusDays(20), null);

    List<UpdateResult> results =
        deals.updateDeals(
            List.of(
                request(fresh, owner, heard.get(fresh), change),
                request(changed, owner, heard.get(changed), change),
                request(given, owner, heard.get(given), change),
                request(closed, owner, heard.get(closed), change),
                new DealUpdateRequest(crm.unknownDealId(), owner, null, null, change)));

    assertThat(results.get(0))
        .isInstanceOfSatisfying(UpdateResult.Updated.class, u -> assertThat(u.changed()).isTrue());
    assertThat(code(results.get(1))).isEqualTo(DealGateway.DEAL_CHANGED);
    assertThat(code(results.get(2))).isEqualTo(DealGateway.DEAL_NOT_OWNED);
    assertThat(code(results.get(3))).isEqualTo(DealGateway.DEAL_NOT_OPEN);
    assertThat(code(results.get(4))).isEqualTo(DealGateway.DEAL_NOT_FOUND);
    Deal now = heard(owner, fresh);
    assertThat(now.stage()).isEqualTo(next);
    assertThat(now.amount()).isEqualByComparingTo("2500");
    assertThat(now.closeDate()).isEqualTo(TODAY.plusDays(20));
    assertThat(heard(owner, changed).stage()).isEqualTo(crm.openStages().get(0));

    List<UpdateResult> again =
        deals.updateDeals(List.of(request(fresh, owner, heard.get(fresh), change)));
    assertThat(again.get(0))
        .isInstanceOfSatisfying(UpdateResult.Updated.class, u -> assertThat(u.changed()).isFalse());
  }

  @Test
  void aChangeToTheWonStageClosesTheDealOnceAsHeard() {
    String owner = crm.newOwner();
    String deal = crm.openDeal(owner, "Closing", "Acme", 1, 60, "4200", TODAY.plusDays(4));
    String stale = crm.openDeal(owner, "Stale", null, 1, 60, "10", TODAY.plusDays(4));
    Deal heard = heard(owner, deal);
    Deal heardStale = heard(owner, stale);
    crm.touchDeal(stale);
    DealChanges win = DealChanges.stage(crm.wonStage());

    List<UpdateResult> results =
        deals.updateDeals(
            List.of(request(deal, owner, heard, win), request(stale, owner, heardStale, win)));

    assertThat(results.get(0))
        .isInstanceOfSatisfying(UpdateResult.Updated.class, u -> assertThat(u.changed()).isTrue());
    assertThat(code(results.get(1))).isEqualTo(DealGateway.DEAL_CHANGED);
    assertThat(deals.openDealsOf(owner)).extracting(Deal::id).containsExactly(stale);
    List<Deal> won;
    try (Stream<Deal> stream = deals.wonDeals(TODAY, TODAY.plusDays(10), List.of(owner))) {
      won = stream.toList();
    }
    assertThat(won).extracting(Deal::id).containsExactly(deal);
    assertThat(won.get(0).stage()).isEqualTo(crm.wonStage());
    assertThat(won.get(0).amount()).isEqualByComparingTo("4200");
    assertThat(won.get(0).closeDate()).isEqualTo(TODAY.plusDays(4));
    assertThat(won.get(0).probability()).isEqualTo(100);
    assertThat(deals.updateDeals(List.of(request(deal, owner, heard, win))).get(0))
        .isInstanceOfSatisfying(UpdateResult.Updated.class, u -> assertThat(u.changed()).isFalse());
  }

  @Test
  void oneUpdateIsConditionalToo() {
    String owner = crm.newOwner();
    String deal = crm.openDeal(owner, "Solo", null, 0, 10, "1000", TODAY.plusDays(5));
    Deal before = heard(owner, deal);

    List<UpdateResult> results =
        deals.updateDeals(
            List.of(request(deal, owner, before, DealChanges.amount(new BigDecimal("1234.50")))));

    assertThat(results.get(0)).isInstanceOf(UpdateResult.Updated.class);
    assertThat(heard(owner, deal).amount()).isEqualByComparingTo("1234.50");
    crm.touchDeal(deal);
    assertThat(
            code(
                deals
                    .updateDeals(
                        List.of(request(deal, owner, before, DealChanges.amount(BigDecimal.TEN))))
                    .get(0)))
        .isEqualTo(DealGateway.DEAL_CHANGED);
  }

  @Test
  void hostileTextIsAValue() {
    String owner = crm.newOwner();
    for (String name : CrmPortContract.HOSTILE) {
      crm.openDeal(owner, name, name, 0, 10, "1", TODAY);
    }
    crm.openDeal(crm.newOwner(), "Someone else's", null, 0, 10, "1", TODAY);

    assertThat(deals.openDealsOf(owner))
        .extracting(Deal::name)
        .containsExactlyInAnyOrderElementsOf(CrmPortContract.HOSTILE);
    assertThat(deals.openDealsOf(owner))
        .extracting(Deal::accountName)
        .containsExactlyInAnyOrderElementsOf(CrmPortContract.HOSTILE);
    for (String hostile : List.of("' or 1 eq 1 or _ownerid_value ne '", "x' OR OwnerId != 'x")) {
      Throwable thrown = catchThrowable(() -> assertThat(deals.openDealsOf(hostile)).isEmpty());
      assertThat(thrown)
          .satisfiesAnyOf(
              t -> assertThat(t).isNull(),
              t -> assertThat(t).isInstanceOf(CrmRejectedException.class));
    }
  }

  @Test
  void anOutageIsRetryable() {
    String owner = crm.newOwner();
    crm.openDeal(owner, "Deal", null, 0, 10, "1", TODAY);
    deals.orgCurrency();
    crm.failNext(1, 503);
    assertThat(catchThrowable(() -> deals.openDealsOf(owner)))
        .isInstanceOf(CrmUnavailableException.class);
    assertThat(deals.openDealsOf(owner)).hasSize(1);
  }

  private static DealUpdateRequest request(
      String id, String owner, Deal heard, DealChanges change) {
    return new DealUpdateRequest(id, owner, heard.lastModifiedAt(), heard, change);
  }

  private static String code(UpdateResult result) {
    assertThat(result).isInstanceOf(UpdateResult.Rejected.class);
    return ((UpdateResult.Rejected) result).errorCode();
  }
}
