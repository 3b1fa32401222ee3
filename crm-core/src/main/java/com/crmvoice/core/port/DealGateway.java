package com.crmvoice.core.port;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChange;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.domain.deal.FiscalCalendar;
import com.crmvoice.core.domain.deal.OrgCurrency;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CRM's deals (for Salesforce, Opportunity), as CRM Voice needs them: the reads the refresher
 * makes, the org settings the pipeline is computed with, and the worker's conditional updates.
 * Every method's failures are {@link CrmUnavailableException} (retry later) or {@link
 * CrmRejectedException} (the CRM said no). "Open" means the deal's stage is not a closed one.
 */
public interface DealGateway {

  /** Error code of an update refused because the deal changed since the user heard it. */
  String DEAL_CHANGED = "DEAL_CHANGED";

  /** Error code of an update of a deal the CRM does not hold (deleted, never visible). */
  String DEAL_NOT_FOUND = "DEAL_NOT_FOUND";

  /** Error code of an update of a deal that was closed meanwhile. */
  String DEAL_NOT_OPEN = "DEAL_NOT_OPEN";

  /** Error code of an update of a deal that another user owns now. */
  String DEAL_NOT_OWNED = "DEAL_NOT_OWNED";

  /** The most updates one call takes; the worker batches up to this. */
  int MAX_UPDATE_BATCH = 200;

  /**
   * The owner's open deals, soonest close date first.
   *
   * @throws CrmUnavailableException when the CRM cannot answer now
   */
  List<Deal> openDealsOf(String ownerId);

  /**
   * {@link #openDealsOf} for several owners, in as few calls as the adapter can make; every given
   * owner is a key of the answer (an empty list when it has none). This default asks owner by
   * owner.
   */
  default Map<String, List<Deal>> openDealsOf(Collection<String> ownerIds) {
    Map<String, List<Deal>> deals = new LinkedHashMap<>();
    for (String ownerId : ownerIds) {
      deals.put(ownerId, openDealsOf(ownerId));
    }
    return deals;
  }

  /**
   * Every open deal of every owner, ordered by owner id, fetched page by page as the stream is
   * consumed. Close the stream when done.
   */
  Stream<Deal> openDeals();

  /**
   * Every deal won with a close date from {@code from} to {@code to} (both inclusive), of the given
   * owners, or of every owner when {@code ownerIds} is null; paged as consumed. Close the stream.
   */
  Stream<Deal> wonDeals(LocalDate from, LocalDate to, Collection<String> ownerIds);

  /**
   * Every deal modified at or after {@code since}, open, closed or deleted, in modification order,
   * paged as consumed. Close the stream when done.
   */
  Stream<DealChange> dealsModifiedSince(Instant since);

  /**
   * The org's opportunity stages in sales-process order, active ones only, each with the
   * probability and forecast category the CRM sets with it.
   */
  List<DealStage> stages();

  /**
   * The org's fiscal periods around {@code day} (the defined quarters and months from a year before
   * to a year after), or its standard fiscal year's start month when it defines none.
   */
  FiscalCalendar fiscalCalendar(LocalDate day);

  /** The org's currency, and the rates of a multi-currency org. */
  OrgCurrency orgCurrency();

  /**
   * Updates deals, each only if it is still the version the user heard and still the owner's and
   * open: else {@link UpdateResult.Rejected} with {@link #DEAL_CHANGED}, {@link #DEAL_NOT_OWNED},
   * {@link #DEAL_NOT_OPEN} or {@link #DEAL_NOT_FOUND}, and left as it is. A deal that already holds
   * every requested value is {@link UpdateResult.Updated} without a write (a redelivered command).
   * A stage change lets the CRM set the stage's probability and forecast category. One result per
   * request, in request order, in as few calls as the CRM allows.
   *
   * @throws CrmUnavailableException when the whole call failed and may be tried again
   */
  List<UpdateResult> updateDeals(List<DealUpdateRequest> requests);

  /**
   * One update of one deal.
   *
   * @param ownerId the user the deal must still belong to
   * @param heardModifiedAt the deal's version the user heard; null when unknown (then the values
   *     the user heard are compared: {@code heard})
   * @param heard the deal as the user heard it (its stage, amount, close date, next step)
   */
  record DealUpdateRequest(
      String dealId, String ownerId, Instant heardModifiedAt, Deal heard, DealChanges changes) {}
}
