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

  /**
   * {@code book} after one of its open deals became {@code after}: the deal replaced (or gone from
   * the open deals when its new stage is closed), each period's open figures recomputed from the
   * book's open deals, and a deal won by the update added to the period it closed in. A book that
   * keeps only part of an owner's open deals (the limit) keeps its figures: the refresher's next
   * pass computes them from every deal.
   */
  public static DealBook afterUpdate(
      DealBook book, Deal before, Deal after, DealSettings.Snapshot settings, LocalDate today) {
    PipelineCalculator calculator = settings.calculator();
    List<Deal> open = new ArrayList<>();
    for (Deal d : book.openDeals()) {
      if (!d.id().equals(before.id())) {
        open.add(d);
      } else if (!calculator.isClosed(after)) {
        open.add(after);
      }
    }
    if (book.openDeals().size() >= DealCache.MAX_DEALS_PER_OWNER) {
      return new DealBook(open, book.figures());
    }
    List<Deal> won = calculator.isWon(after) ? List.of(after) : List.of();
    List<PeriodFigures> figures = new ArrayList<>();
    for (PeriodFigures old : book.figures()) {
      PeriodFigures now = calculator.figures(old.period(), open, won);
      figures.add(
          new PeriodFigures(
              old.period(),
              now.currencyIsoCode(),
              now.openAmount(),
              now.openCount(),
              now.weightedAmount(),
              now.topStages(),
              old.wonAmount().add(now.wonAmount()),
              old.wonCount() + now.wonCount()));
    }
    return new DealBook(open, figures);
  }
}
