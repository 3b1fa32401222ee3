package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChange;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.domain.deal.FiscalCalendar;
import com.crmvoice.core.domain.deal.OrgCurrency;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.DealGateway;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link DealGateway} over a map, with the contract's update checks; counts calls (each read or
 * update call is one), so tests can tell a pass's cost. Standard stages, calendar quarters, USD.
 */
public final class InMemoryDealGateway implements DealGateway {

  public static final List<DealStage> STAGES =
      List.of(
          new DealStage("Prospecting", null, 1, 10, "Pipeline", false, false),
          new DealStage("Proposal/Price Quote", null, 2, 75, "Pipeline", false, false),
          new DealStage("Negotiation/Review", null, 3, 90, "Pipeline", false, false),
          new DealStage("Closed Won", null, 4, 100, "Closed", true, true),
          new DealStage("Closed Lost", null, 5, 0, "Omitted", true, false));

  private record Stored(Deal deal, Instant stamp, boolean deleted) {}

  private final Map<String, Stored> deals = new LinkedHashMap<>();
  private final Clock clock;
  private FiscalCalendar calendar = FiscalCalendar.calendar();
  private OrgCurrency currency = OrgCurrency.single("USD");
  private int calls;
  private int writes;

  public InMemoryDealGateway(Clock clock) {
    this.clock = clock;
  }

  public synchronized void put(Deal deal) {
    deals.put(deal.id(), new Stored(deal, clock.instant(), false));
  }

  public synchronized void delete(String id) {
    Stored s = deals.get(id);
    deals.put(id, new Stored(s.deal(), clock.instant(), true));
  }

  public synchronized Deal get(String id) {
    Stored s = deals.get(id);
    return s == null || s.deleted() ? null : s.deal();
  }

  public synchronized void calendar(FiscalCalendar calendar) {
    this.calendar = calendar;
  }

  public synchronized void currency(OrgCurrency currency) {
    this.currency = currency;
  }

  public synchronized int calls() {
    return calls;
  }

  public synchronized int writes() {
    return writes;
  }

  private boolean closed(Deal d) {
    return STAGES.stream().anyMatch(s -> s.value().equals(d.stage()) && s.closed());
  }

  private boolean won(Deal d) {
    return STAGES.stream().anyMatch(s -> s.value().equals(d.stage()) && s.won());
  }

  private List<Deal> live() {
    return deals.values().stream().filter(s -> !s.deleted()).map(Stored::deal).toList();
  }

  @Override
  public synchronized List<Deal> openDealsOf(String ownerId) {
    calls++;
    return live().stream()
        .filter(d -> d.ownerId().equals(ownerId) && !closed(d))
        .sorted(Comparator.comparing(Deal::closeDate).thenComparing(Deal::id))
        .toList();
  }

  @Override
  public synchronized Map<String, List<Deal>> openDealsOf(Collection<String> ownerIds) {
    calls++;
    Map<String, List<Deal>> byOwner = new LinkedHashMap<>();
    for (String owner : ownerIds) {
      byOwner.put(
          owner, live().stream().filter(d -> d.ownerId().equals(owner) && !closed(d)).toList());
    }
    return byOwner;
  }

  @Override
  public synchronized Stream<Deal> openDeals() {
    calls++;
    return live().stream().filter(d -> !closed(d)).toList().stream();
  }

  @Override
  public synchronized Stream<Deal> wonDeals(
      LocalDate from, LocalDate to, Collection<String> ownerIds) {
    calls++;
    return live().stream()
        .filter(d -> won(d) && !d.closeDate().isBefore(from) && !d.closeDate().isAfter(to))
        .filter(d -> ownerIds == null || ownerIds.contains(d.ownerId()))
        .toList()
        .stream();
  }

  @Override
  public synchronized Stream<DealChange> dealsModifiedSince(Instant since) {
    calls++;
    List<DealChange> changes = new ArrayList<>();
    for (Stored s : deals.values()) {
      if (!s.stamp().isBefore(since)) {
        changes.add(
            new DealChange(s.deal(), !s.deleted() && !closed(s.deal()), s.stamp(), s.deleted()));
      }
    }
    changes.sort(Comparator.comparing(DealChange::modifiedAt));
    return changes.stream();
  }

  @Override
  public synchronized List<DealStage> stages() {
    calls++;
    return STAGES;
  }

  @Override
  public synchronized FiscalCalendar fiscalCalendar(LocalDate day) {
    calls++;
    return calendar;
  }

  @Override
  public synchronized OrgCurrency orgCurrency() {
    calls++;
    return currency;
  }

  @Override
  public synchronized List<UpdateResult> updateDeals(List<DealUpdateRequest> requests) {
    calls++;
    List<UpdateResult> results = new ArrayList<>();
    for (DealUpdateRequest r : requests) {
      Deal now = get(r.dealId());
      if (now == null) {
        results.add(new UpdateResult.Rejected(DEAL_NOT_FOUND, "no such deal"));
      } else if (r.changes().heldBy(now)) {
        results.add(new UpdateResult.Updated(false, now.lastModifiedAt()));
      } else if (!now.ownerId().equals(r.ownerId())) {
        results.add(new UpdateResult.Rejected(DEAL_NOT_OWNED, "another owner"));
      } else if (closed(now)) {
        results.add(new UpdateResult.Rejected(DEAL_NOT_OPEN, "closed"));
      } else if (r.heardModifiedAt() != null && !r.heardModifiedAt().equals(now.lastModifiedAt())) {
        results.add(new UpdateResult.Rejected(DEAL_CHANGED, "changed"));
      } else {
        DealStage stage =
            r.changes().stage() == null
                ? null
                : STAGES.stream()
                    .filter(s -> s.value().equals(r.changes().stage()))
                    .findFirst()
                    .orElse(null);
        if (r.changes().stage() != null && stage == null) {
          results.add(
              new UpdateResult.Rejected("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "stage"));
          continue;
        }
        Instant stamp = clock.instant();
        deals.put(now.id(), new Stored(now.with(r.changes(), stage, stamp), stamp, false));
        writes++;
        results.add(new UpdateResult.Updated(true, stamp));
      }
    }
    return results;
  }
}
