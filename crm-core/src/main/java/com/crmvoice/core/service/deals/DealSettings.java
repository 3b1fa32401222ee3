package com.crmvoice.core.service.deals;

import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.domain.deal.FiscalCalendar;
import com.crmvoice.core.domain.deal.FiscalPeriod;
import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import com.crmvoice.core.domain.deal.OrgCurrency;
import com.crmvoice.core.domain.deal.PipelineCalculator;
import com.crmvoice.core.port.DealGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The org settings the pipeline is computed with (stages, fiscal calendar, currency), read from the
 * CRM at most once per {@code ttl} (four calls: describe, OpportunityStage, Period, Organization;
 * CurrencyType once per gateway). An admin's change to the picklist or the fiscal year is seen
 * within the ttl. Thread-safe.
 */
public final class DealSettings {

  /** The settings at one moment. */
  public record Snapshot(
      List<DealStage> stages, FiscalCalendar calendar, OrgCurrency currency, Instant readAt) {

    public PipelineCalculator calculator() {
      return new PipelineCalculator(currency, stages);
    }

    /** The periods a book keeps figures of: this and next quarter, this and next month. */
    public List<FiscalPeriod> periods(LocalDate today) {
      return List.of(
          calendar.period(Kind.QUARTER, today),
          calendar.next(Kind.QUARTER, today),
          calendar.period(Kind.MONTH, today),
          calendar.next(Kind.MONTH, today));
    }

    /** The first and last day any of {@link #periods} holds. */
    public LocalDate[] span(LocalDate today) {
      LocalDate from = today;
      LocalDate to = today;
      for (FiscalPeriod p : periods(today)) {
        from = p.start().isBefore(from) ? p.start() : from;
        to = p.end().isAfter(to) ? p.end() : to;
      }
      return new LocalDate[] {from, to};
    }

    public DealStage stage(String value) {
      return stages.stream().filter(s -> s.value().equals(value)).findFirst().orElse(null);
    }
  }

  private final DealGateway gateway;
  private final Duration ttl;
  private final Clock clock;
  private volatile Snapshot current;

  public DealSettings(DealGateway gateway, Duration ttl, Clock clock) {
    this.gateway = gateway;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The settings, read from the CRM when older than the ttl. */
  public Snapshot get() {
    Snapshot known = current;
    Instant now = clock.instant();
    if (known != null && known.readAt().plus(ttl).isAfter(now)) {
      return known;
    }
    synchronized (this) {
      if (current != null && current.readAt().plus(ttl).isAfter(now)) {
        return current;
      }
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      current =
          new Snapshot(gateway.stages(), gateway.fiscalCalendar(today), gateway.orgCurrency(), now);
      return current;
    }
  }

  /** Today in UTC, the day the refresher's periods are taken at. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
