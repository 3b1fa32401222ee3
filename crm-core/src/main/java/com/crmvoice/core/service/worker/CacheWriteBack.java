package com.crmvoice.core.service.worker;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.LeadCache.Snapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read your writes: after the worker changed a lead in the CRM, the owner's cached set says so at
 * once instead of at the refresher's next pass. The owner's set is rewritten as one write (the
 * cache's all-or-nothing owner write); a lead set to a closed status leaves it. A failure here
 * never undoes the CRM write: the refresher corrects the cache on its next pass.
 */
final class CacheWriteBack {

  private static final Logger LOG = LoggerFactory.getLogger(CacheWriteBack.class);

  private final LeadCache cache;
  private final int topN;
  private final Set<String> closedStatuses;
  private final Clock clock;

  CacheWriteBack(LeadCache cache, int topN, Collection<String> closedStatuses, Clock clock) {
    this.cache = cache;
    this.topN = topN;
    this.closedStatuses = Set.copyOf(closedStatuses);
    this.clock = clock;
  }

  /**
   * The lead now has {@code update.toStatus()}.
   *
   * @param modifiedAt the lead's new version if the CRM told it, else null (unknown)
   */
  void statusChanged(UpdateLeadStatus update, Instant modifiedAt) {
    try {
      Snapshot snapshot = cache.topLeads(update.ownerId(), topN);
      if (!(snapshot instanceof Snapshot.Known known)) {
        return;
      }
      List<Lead> next = new ArrayList<>(known.leads().size());
      boolean found = false;
      for (Lead lead : known.leads()) {
        if (!lead.id().equals(update.leadId())) {
          next.add(lead);
          continue;
        }
        found = true;
        if (!closedStatuses.contains(update.toStatus())) {
          next.add(lead.withStatus(update.toStatus(), modifiedAt));
        }
      }
      if (!found || next.equals(known.leads())) {
        return;
      }
      cache.replaceOwnerLeads(update.ownerId(), next, LeadDigest.of(next), known.refreshedAt());
      LOG.info(
          "cache write-back commandId={} leadId={} removed={}",
          update.commandId(),
          update.leadId(),
          next.size() < known.leads().size());
    } catch (RuntimeException e) {
      LOG.warn(
          "cache write-back failed commandId={} error={} at={}",
          update.commandId(),
          e.getClass().getSimpleName(),
          clock.instant());
    }
  }
}
