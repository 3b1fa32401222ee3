package com.crmvoice.core.service.worker;

import com.crmvoice.core.domain.RetryableException;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.DealGateway;
import com.crmvoice.core.port.DealGateway.DealUpdateRequest;
import com.crmvoice.core.service.deals.DealBooks;
import com.crmvoice.core.service.deals.DealSettings;
import com.crmvoice.core.service.worker.CrmWrites.Outcome;
import com.crmvoice.core.service.worker.CrmWrites.Work;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deal updates of a batch: one {@link DealGateway#updateDeals} call for all of them (the
 * gateway makes it one SOQL read and one sObject Collections call, or one conditional PATCH), then
 * read your writes: each applied update is written into its owner's cached book at once (the deal
 * with its new values, or out of the open deals when its stage closed it, and the figures
 * recomputed), so the next "how's my pipeline" hears it before the refresher's next pass. A failed
 * write-back is logged and left to the refresher; the command is done either way.
 */
public final class DealWrites {

  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

  private final DealGateway deals;
  private final DealCache cache;
  private final DealSettings settings;
  private final Clock clock;

  public DealWrites(DealGateway deals, DealCache cache, DealSettings settings, Clock clock) {
    this.deals = deals;
    this.cache = cache;
    this.settings = settings;
    this.clock = clock;
  }

  List<Outcome> update(List<Work> works) {
    List<DealUpdateRequest> requests = new ArrayList<>();
    for (Work w : works) {
      UpdateOpportunity u = (UpdateOpportunity) w.command();
      Deal heard =
          new Deal(
              u.dealId(),
              u.ownerId(),
              u.dealName(),
              null,
              u.heardStage(),
              u.heardAmount(),
              null,
              u.heardCloseDate(),
              null,
              null,
              u.heardNextStep(),
              null,
              u.heardModifiedAt());
      requests.add(
          new DealUpdateRequest(u.dealId(), u.ownerId(), u.heardModifiedAt(), heard, u.changes()));
    }
    List<UpdateResult> results = deals.updateDeals(requests);
    List<Outcome> outcomes = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      UpdateOpportunity update = (UpdateOpportunity) works.get(i).command();
      UpdateResult result = results.get(i);
      if (result instanceof UpdateResult.Updated u) {
        writeBack(update, u);
        outcomes.add(new Outcome.Done(update.dealId(), u.changed()));
      } else if (result instanceof UpdateResult.Rejected r) {
        outcomes.add(new Outcome.Rejected(r.errorCode(), r.message()));
      } else {
        outcomes.add(new Outcome.Retry(((UpdateResult.Retryable) result).errorCode()));
      }
    }
    return outcomes;
  }

  private void writeBack(UpdateOpportunity update, UpdateResult.Updated result) {
    try {
      if (!(cache.book(update.ownerId()) instanceof DealCache.Snapshot.Known known)) {
        return;
      }
      DealSettings.Snapshot org = settings.get();
      DealBook book = known.book();
      Deal cached =
          book.openDeals().stream()
              .filter(d -> d.id().equals(update.dealId()))
              .findFirst()
              .orElse(null);
      if (cached == null) {
        return;
      }
      DealStage stage =
          update.changes().stage() == null ? null : org.stage(update.changes().stage());
      Deal after = cached.with(update.changes(), stage, result.modifiedAt());
      DealBook next = DealBooks.afterUpdate(book, cached, after, org, settings.today());
      cache.replaceOwnerBook(update.ownerId(), next, clock.instant());
    } catch (RetryableException e) {
      LOG.warn(
          "command outcome commandId={} outcome=deal-write-back-failed error={}",
          update.commandId(),
          e.getClass().getSimpleName());
    }
  }
}
