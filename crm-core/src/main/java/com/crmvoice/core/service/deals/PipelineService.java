package com.crmvoice.core.service.deals;

import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import com.crmvoice.core.domain.deal.PeriodFigures;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.StorageUnavailableException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * "How's my pipeline this quarter", "what did I close this month": the figures the refresher keeps
 * in the owner's book, read from the cache only (no CRM call). Empty when the owner's book is not
 * known yet, or holds no figures of that period (a period the refresher has not reached).
 */
public final class PipelineService {

  private final DealCache cache;
  private final Clock clock;

  public PipelineService(DealCache cache, Clock clock) {
    this.cache = cache;
    this.clock = clock;
  }

  /**
   * The owner's figures of the quarter or month that holds today in {@code zone}.
   *
   * @throws StorageUnavailableException when the cache cannot be read
   */
  public Optional<PeriodFigures> figures(String ownerId, Kind kind, ZoneId zone) {
    if (!(cache.book(ownerId) instanceof DealCache.Snapshot.Known known)) {
      return Optional.empty();
    }
    return known.book().figuresOf(kind, LocalDate.ofInstant(clock.instant(), zone));
  }
}
