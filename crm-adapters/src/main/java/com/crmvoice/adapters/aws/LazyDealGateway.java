package com.crmvoice.adapters.aws;

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

/**
 * The deal gateway of a {@link LazySalesforceGateway}: each call wires Salesforce first if need be
 * (and fails with CrmNotConfiguredException while the settings are incomplete).
 */
final class LazyDealGateway implements DealGateway {

  private final Supplier<DealGateway> gateway;

  LazyDealGateway(Supplier<DealGateway> gateway) {
    this.gateway = gateway;
  }

  @Override
  public List<Deal> openDealsOf(String ownerId) {
    return gateway.get().openDealsOf(ownerId);
  }

  @Override
  public Map<String, List<Deal>> openDealsOf(Collection<String> ownerIds) {
    return gateway.get().openDealsOf(ownerIds);
  }

  @Override
  public Stream<Deal> openDeals() {
    return gateway.get().openDeals();
  }

  @Override
  public Stream<Deal> wonDeals(LocalDate from, LocalDate to, Collection<String> ownerIds) {
    return gateway.get().wonDeals(from, to, ownerIds);
  }

  @Override
  public Stream<DealChange> dealsModifiedSince(Instant since) {
    return gateway.get().dealsModifiedSince(since);
  }

  @Override
  public List<DealStage> stages() {
    return gateway.get().stages();
  }

  @Override
  public FiscalCalendar fiscalCalendar(LocalDate day) {
    return gateway.get().fiscalCalendar(day);
  }

  @Override
  public OrgCurrency orgCurrency() {
    return gateway.get().orgCurrency();
  }

  @Override
  public List<UpdateResult> updateDeals(List<DealUpdateRequest> requests) {
    return gateway.get().updateDeals(requests);
  }
}
