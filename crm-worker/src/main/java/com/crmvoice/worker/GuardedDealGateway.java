package com.crmvoice.worker;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChange;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.domain.deal.FiscalCalendar;
import com.crmvoice.core.domain.deal.OrgCurrency;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.DealGateway;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** A DealGateway whose every call goes through {@link ResilientCrmGateway}'s guards. */
final class GuardedDealGateway implements DealGateway {

  /** Runs a call under the guards. */
  interface Guard {
    <T> T call(Supplier<T> operation);
  }

  private final DealGateway delegate;
  private final Guard guard;

  GuardedDealGateway(DealGateway delegate, Guard guard) {
    this.delegate = delegate;
    this.guard = guard;
  }

  @Override
  public List<Deal> openDealsOf(String ownerId) {
    return guard.call(() -> delegate.openDealsOf(ownerId));
  }

  @Override
  public Map<String, List<Deal>> openDealsOf(Collection<String> ownerIds) {
    return guard.call(() -> delegate.openDealsOf(ownerIds));
  }

  @Override
  public Stream<Deal> openDeals() {
    return guard.call(delegate::openDeals);
  }

  @Override
  public Stream<Deal> wonDeals(LocalDate from, LocalDate to, Collection<String> ownerIds) {
    return guard.call(() -> delegate.wonDeals(from, to, ownerIds));
  }

  @Override
  public Stream<DealChange> dealsModifiedSince(Instant since) {
    return guard.call(() -> delegate.dealsModifiedSince(since));
  }

  @Override
  public List<DealStage> stages() {
    return guard.call(delegate::stages);
  }

  @Override
  public FiscalCalendar fiscalCalendar(LocalDate day) {
    return guard.call(() -> delegate.fiscalCalendar(day));
  }

  @Override
  public OrgCurrency orgCurrency() {
    return guard.call(delegate::orgCurrency);
  }

  @Override
  public List<UpdateResult> updateDeals(List<DealUpdateRequest> requests) {
    return guard.call(() -> delegate.updateDeals(requests));
  }
}
