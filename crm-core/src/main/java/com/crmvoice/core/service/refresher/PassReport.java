package com.crmvoice.core.service.refresher;

import java.time.Duration;
import java.time.Instant;

/**
 * The figures of one refresh pass, for the structured log line and the benchmark.
 *
 * @param pass which pass ran
 * @param ownersSeen owners the pass computed a lead set for (in a full pass, the owners with open
 *     leads plus the cached owners that no longer have any)
 * @param ownersChanged owners whose cached set was rewritten (their digest differed)
 * @param leadsRead leads read from the CRM (open leads, or changes plus recomputed leads)
 * @param itemsWritten cache items put (leads and per-owner meta items)
 * @param itemsDeleted cache items deleted (leads no longer in an owner's top set)
 * @param crmCalls requests made to the CRM during the pass
 * @param duration wall time of the pass
 * @param watermark the incremental watermark after the pass, or null when the pass does not keep
 *     one
 */
public record PassReport(
    Pass pass,
    int ownersSeen,
    int ownersChanged,
    long leadsRead,
    long itemsWritten,
    long itemsDeleted,
    long crmCalls,
    Duration duration,
    Instant watermark) {

  /** The kinds of pass. */
  public enum Pass {
    /** Every open lead, one paged query. */
    FULL,
    /** The leads changed since the watermark. */
    INCREMENTAL,
    /** One owner, on request. */
    OWNER,
    /** Every owner's agenda (events, tasks, new leads), one paged query of each. */
    AGENDA_FULL,
    /** The agendas of the owners whose events, tasks or leads changed since the watermark. */
    AGENDA_INCREMENTAL,
    /** Every owner's deal book: the open deals and the won ones of the periods, two queries. */
    DEALS_FULL,
    /** The deal books of the owners whose deals changed since the watermark. */
    DEALS_INCREMENTAL,
    /** One owner's deal book, on request. */
    DEALS_OWNER;

    /** The pass's name in logs and schedule inputs ("full", "agenda-incremental"). */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
