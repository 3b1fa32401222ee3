package com.crmvoice.core.service.deals;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.FiscalPeriod;
import com.crmvoice.core.domain.deal.PeriodFigures;
import com.crmvoice.core.domain.deal.PipelineCalculator;
import com.crmvoice.core.port.DealCache;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One owner's {@link DealBook} from their open and won deals: the open ones that are open by the
 * org's stages, soonest closing first, at most {@link DealCache#MAX_DEALS_PER_OWNER}; and the
 * figures of each period, computed from all the owner's rows (not only the kept ones). The
 * refresher and the worker's read-your-writes build books with this one function.
 */
public final class DealBooks {

  private DealBooks() {}

  public static DealBook of(
      List<Deal> open, List<Deal> won, DealSettings.Snapshot settings, LocalDate today) {
    PipelineCalculator calculator = settings.calculator();
    List<Deal> stillOpen = open.stream().filter(d -> !calculator.isClosed(d)).toList();
    List<PeriodFigures> figures = new ArrayList<>();
    for (FiscalPeriod period : settings.periods(today)) {
      figures.add(calculator.figures(period, stillOpen, won));
    }
    List<Deal> kept =
        stillOpen.stream()
            .sorted(DealBook.CLOSING_ORDER)
            .limit(DealCache.MAX_DEALS_PER_OWNER)
            .toList();
    return new DealBook(kept, figures);
  }
}
