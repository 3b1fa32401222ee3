package com.crmvoice.core.service.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.service.deals.DealUpdateService.Check;
import com.crmvoice.core.service.deals.DealUpdateService.CloseDate;
import com.crmvoice.core.service.deals.DealUpdateService.Refusal;
import com.crmvoice.core.service.deals.DealUpdateService.StageChange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealUpdateServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final Instant HEARD = Instant.parse("2026-12-01T08:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  private final DealUpdateService service =
      new DealUpdateService(
          new DealStageCatalog(
              () -> DealStageCatalog.STANDARD,
              Clock.fixed(NOW, ZoneOffset.UTC),
              Duration.ofHours(1)),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private static Deal acme(String stage) {
    return new Deal(
        "006000000000001AAA",
        "005000000000001AAA",
        "Acme expansion",
        "Acme Corporation",
        stage,
        new BigDecimal("42500"),
        null,
        TODAY.plusDays(3),
        50,
        "Pipeline",
        "Send the contract",
        TODAY.minusDays(2),
        HEARD);
  }

  private static Refusal refusal(Check<?> check) {
    assertThat(check).isInstanceOf(Check.Refused.class);
    return ((Check.Refused<?>) check).reason();
  }

  @Test
  void aStageChangeReadsBackFromAndTo_withWhatSalesforceSetsWithTheNewStage() {
    Check<StageChange> check =
        service.stage(acme("Proposal/Price Quote"), "NEGOTIATION", "negotiation", Map.of());
    StageChange change = ((Check.Valid<StageChange>) check).value();
    assertThat(change.from().value()).isEqualTo("Proposal/Price Quote");
    assertThat(change.to().value()).isEqualTo("Negotiation/Review");
    assertThat(change.to().defaultProbability()).isEqualTo(90);
    assertThat(change.to().forecastCategory()).isEqualTo("Pipeline");
  }

  @Test
  void theStageItHas_anUnknownOne_andNone() {
    Deal deal = acme("Negotiation/Review");
    assertThat(service.stage(deal, "NEGOTIATION", "negotiation", Map.of()))
        .isInstanceOf(Check.Same.class);
    assertThat(refusal(service.stage(deal, null, "lunch", Map.of())))
        .isEqualTo(Refusal.UNKNOWN_STAGE);
    assertThat(refusal(service.stage(deal, null, " ", Map.of()))).isEqualTo(Refusal.MISSING);
    assertThat(
            ((Check.Valid<StageChange>)
                    service.stage(
                        deal, null, "closed one", Map.of("CLOSED_WON", List.of("closed one"))))
                .value()
                .to()
                .value())
        .isEqualTo("Closed Won");
  }

  @Test
  void amounts_negativeAbsurdOrNotANumberAreRefused() {
    Deal deal = acme("Prospecting");
    assertThat(((Check.Valid<BigDecimal>) service.amount(deal, "50000")).value())
        .isEqualByComparingTo("50000");
    assertThat(((Check.Valid<BigDecimal>) service.amount(deal, "0")).value())
        .isEqualByComparingTo("0");
    assertThat(service.amount(deal, "42500")).isInstanceOf(Check.Same.class);
    assertThat(refusal(service.amount(deal, "-5000"))).isEqualTo(Refusal.NEGATIVE);
    assertThat(refusal(service.amount(deal, "5000000000"))).isEqualTo(Refusal.TOO_LARGE);
    assertThat(refusal(service.amount(deal, "?"))).isEqualTo(Refusal.NOT_A_NUMBER);
    assertThat(refusal(service.amount(deal, null))).isEqualTo(Refusal.MISSING);
  }

  @Test
  void closeDates_aPastDayIsMarked_notADayIsRefused() {
    Deal deal = acme("Prospecting");
    CloseDate next =
        ((Check.Valid<CloseDate>) service.closeDate(deal, "2026-12-11", TODAY)).value();
    assertThat(next.date()).isEqualTo(LocalDate.of(2026, 12, 11));
    assertThat(next.past()).isFalse();
    assertThat(
            ((Check.Valid<CloseDate>) service.closeDate(deal, "2026-12-01", TODAY)).value().past())
        .isTrue();
    assertThat(
            ((Check.Valid<CloseDate>) service.closeDate(deal, "2026-12-02", TODAY)).value().past())
        .as("today is not past")
        .isFalse();
    assertThat(service.closeDate(deal, TODAY.plusDays(3).toString(), TODAY))
        .isInstanceOf(Check.Same.class);
    assertThat(refusal(service.closeDate(deal, "2026-W50", TODAY))).isEqualTo(Refusal.NOT_A_DAY);
    assertThat(refusal(service.closeDate(deal, "2026-12", TODAY))).isEqualTo(Refusal.NOT_A_DAY);
  }

  @Test
  void nextSteps_capitalisedAndCutToWhatSalesforceHolds() {
    Deal deal = acme("Prospecting");
    assertThat(((Check.Valid<String>) service.nextStep(deal, "book  the demo")).value())
        .isEqualTo("Book the demo");
    assertThat(service.nextStep(deal, "send the contract")).isInstanceOf(Check.Same.class);
    assertThat(((Check.Valid<String>) service.nextStep(deal, "x".repeat(300))).value())
        .hasSize(Deal.NEXT_STEP_MAX);
  }

  @Test
  void theCommandCarriesWhatTheUserHeard_andItsVersion() {
    Deal deal = acme("Proposal/Price Quote");
    UpdateOpportunity command =
        service.command("c1", deal.ownerId(), deal, DealChanges.stage("Negotiation/Review"));
    assertThat(command.heardModifiedAt()).isEqualTo(HEARD);
    assertThat(command.heardStage()).isEqualTo("Proposal/Price Quote");
    assertThat(command.heardAmount()).isEqualByComparingTo("42500");
    assertThat(command.heardCloseDate()).isEqualTo(TODAY.plusDays(3));
    assertThat(command.heardNextStep()).isEqualTo("Send the contract");
    assertThat(command.dealName()).isEqualTo("Acme expansion");
    assertThat(command.requestedAt()).isEqualTo(NOW);
  }

  @Test
  void aDealInAClosedStageIsClosed() {
    assertThat(service.isClosed(acme("Closed Won"))).isTrue();
    assertThat(service.isClosed(acme("Prospecting"))).isFalse();
    assertThat(service.isClosed(acme("Some custom stage"))).isFalse();
  }
}
