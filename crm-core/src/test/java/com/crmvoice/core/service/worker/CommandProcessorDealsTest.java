package com.crmvoice.core.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryDealCache;
import com.crmvoice.core.fakes.InMemoryDealGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.InMemoryWatermarkStore;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.DealGateway;
import com.crmvoice.core.service.deals.DealSettings;
import com.crmvoice.core.service.refresher.DealRefresher;
import com.crmvoice.core.service.worker.CommandProcessor.BatchResult;
import com.crmvoice.core.service.worker.CommandProcessor.Message;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's deal updates: one gateway call a batch, exactly once, read your writes. */
class CommandProcessorDealsTest {

  private static final String OWNER = "005000000000001AAA";
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryDealGateway deals = new InMemoryDealGateway(clock);
  private final InMemoryDealCache dealCache = new InMemoryDealCache();
  private final DealSettings settings = new DealSettings(deals, Duration.ofHours(1), clock);
  private final Map<String, CrmCommand> wire = new HashMap<>();
  private final CommandProcessor processor =
      new CommandProcessor(
              wire::get,
              log,
              new InMemoryCrmGateway(clock),
              new InMemoryLeadCache(),
              (body, reason) -> {},
              clock,
              Duration.ofSeconds(60),
              5,
              3,
              Set.of())
          .withDealWrites(new DealWrites(deals, dealCache, settings, clock));
  private Deal acme;
  private Deal northwind;

  @BeforeEach
  void seed() {
    acme = deal("006000000000001AAA", "Acme expansion", "Prospecting", "42500", 10);
    northwind = deal("006000000000002AAA", "Northwind renewal", "Prospecting", "18000", 20);
    deals.put(acme);
    deals.put(northwind);
    new DealRefresher(
            deals,
            dealCache,
            settings,
            new InMemoryWatermarkStore(),
            Duration.ZERO,
            100,
            1,
            clock,
            deals::calls)
        .fullPass();
    clock.advance(Duration.ofMinutes(1));
  }

  private Deal deal(String id, String name, String stage, String amount, int inDays) {
    return new Deal(
        id,
        OWNER,
        name,
        "Acme",
        stage,
        new BigDecimal(amount),
        null,
        TODAY.plusDays(inDays),
        10,
        "Pipeline",
        null,
        null,
        clock.instant());
  }

  private Message message(CrmCommand command) {
    wire.put("body-" + command.commandId(), command);
    return new Message("m-" + command.commandId(), "body-" + command.commandId());
  }

  private UpdateOpportunity update(String id, Deal heard, DealChanges changes) {
    return new UpdateOpportunity(
        id,
        OWNER,
        heard.id(),
        heard.name(),
        heard.stage(),
        heard.amount(),
        heard.closeDate(),
        heard.nextStep(),
        heard.lastModifiedAt(),
        changes,
        clock.instant());
  }

  private DealCache.Snapshot.Known book() {
    return (DealCache.Snapshot.Known) dealCache.book(OWNER);
  }

  @Test
  void updatesABatchInOneCall_andTheCachedBookHearsItAtOnce() {
    int callsBefore = deals.calls();

    BatchResult result =
        processor.process(
            List.of(
                message(update("u1", acme, DealChanges.stage("Negotiation/Review"))),
                message(update("u2", northwind, DealChanges.amount(new BigDecimal("50000"))))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(deals.calls() - callsBefore).isEqualTo(1);
    assertThat(deals.get(acme.id()).stage()).isEqualTo("Negotiation/Review");
    assertThat(deals.get(acme.id()).probability()).isEqualTo(90);
    assertThat(log.find("u1").orElseThrow().state()).isEqualTo(CommandState.DONE);
    Deal cached = book().book().openDeals().get(0);
    assertThat(cached.stage()).isEqualTo("Negotiation/Review");
    assertThat(cached.probability()).isEqualTo(90);
    assertThat(cached.lastModifiedAt()).isEqualTo(deals.get(acme.id()).lastModifiedAt());
    assertThat(book().book().figuresOf(Kind.QUARTER, TODAY).orElseThrow().openAmount())
        .isEqualByComparingTo("92500");
  }

  @Test
  void aDealWonLeavesTheOpenDealsAndCountsAsClosedThisQuarter() {
    processor.process(List.of(message(update("u1", acme, DealChanges.stage("Closed Won")))));

    assertThat(book().book().openDeals()).extracting(Deal::id).containsExactly(northwind.id());
    assertThat(book().book().figuresOf(Kind.QUARTER, TODAY).orElseThrow().wonAmount())
        .isEqualByComparingTo("42500");
  }

  @Test
  void aRedeliveredUpdateIsAppliedOnce() {
    UpdateOpportunity once = update("u1", acme, DealChanges.nextStep("Send the contract"));
    processor.process(List.of(message(once)));

    // The log forgot it (a fresh worker) and the message comes again: no second write.
    CommandProcessor again =
        new CommandProcessor(
                wire::get,
                new InMemoryCommandLog(),
                new InMemoryCrmGateway(clock),
                new InMemoryLeadCache(),
                (b, r) -> {},
                clock,
                Duration.ofSeconds(60),
                5,
                3,
                Set.of())
            .withDealWrites(new DealWrites(deals, dealCache, settings, clock));
    again.process(List.of(message(once)));

    assertThat(deals.writes()).isEqualTo(1);
  }

  @Test
  void aDealChangedSinceHeardIsNotOverwritten_andTheReasonIsACode() {
    deals.put(deal(acme.id(), acme.name(), "Prospecting", "99999", 10));
    clock.advance(Duration.ofSeconds(5));
    Deal changedMeanwhile =
        new Deal(
            acme.id(),
            OWNER,
            acme.name(),
            "Acme",
            "Prospecting",
            new BigDecimal("1"),
            null,
            TODAY,
            10,
            null,
            null,
            null,
            clock.instant());
    deals.put(changedMeanwhile);

    processor.process(List.of(message(update("u1", acme, DealChanges.stage("Closed Won")))));

    assertThat(log.find("u1").orElseThrow().state()).isEqualTo(CommandState.FAILED);
    assertThat(log.find("u1").orElseThrow().status().failureCode())
        .isEqualTo(DealGateway.DEAL_CHANGED);
    assertThat(deals.get(acme.id()).stage()).isEqualTo("Prospecting");
  }
}
