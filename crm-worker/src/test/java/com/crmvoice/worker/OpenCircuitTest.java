package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.WorkerConfig;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.port.CrmGateway.CreateLeadRequest;
import com.crmvoice.core.port.CrmUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How long the open circuit refuses calls, and what a refused message's visibility becomes. */
class OpenCircuitTest {

  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(Clock.systemUTC());

  private static WorkerConfig config(int attempts, int minimumCalls, Duration open) {
    return new WorkerConfig(
        attempts,
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofSeconds(60),
        50,
        minimumCalls,
        open,
        2,
        5);
  }

  @Test
  void aClosedCircuitRefusesNothing_anOpenOneForAtMostItsOpenDuration() {
    ResilientCrmGateway gateway =
        new ResilientCrmGateway(crm, config(1, 2, Duration.ofSeconds(60)));
    assertThat(gateway.refusingFor()).isEmpty();

    crm.failNextCalls(2);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> gateway.topOpenLeads("005A", 1))
          .isInstanceOf(CrmUnavailableException.class);
    }

    assertThat(gateway.refusingFor())
        .hasValueSatisfying(
            left -> assertThat(left).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60)));
  }

  @Test
  void anUnansweredAttemptKeepsItsCodeWhenALaterAttemptFailsOtherwise() {
    ResilientCrmGateway gateway =
        new ResilientCrmGateway(crm, config(2, 100, Duration.ofSeconds(60)));
    // The first attempt commits and times out; the second answers SERVER_UNAVAILABLE.
    AtomicInteger attempts = new AtomicInteger();
    crm.overrideCreates(
        r -> {
          if (attempts.incrementAndGet() > 1) {
            throw new CrmUnavailableException("SERVER_UNAVAILABLE", "503");
          }
          return null;
        });
    crm.commitThenTimeout(1);
    List<CreateLeadRequest> requests =
        List.of(new CreateLeadRequest("c1", "005A", new NewLead(null, "L", "C", null, null)));

    assertThatThrownBy(() -> gateway.createLeads(requests))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("TIMEOUT");
              assertThat(e.outcomeUnknown()).isTrue();
            });
    assertThat(attempts).hasValue(2);
    assertThat(crm.allLeads()).hasSize(1);
  }

  @Test
  void aRefusedMessageOutlastsTheOpenCircuit_butNeverLosesVisibilityItAlreadyHas() {
    OpenCircuitDeferral unknownQueue = new OpenCircuitDeferral(null, "q", Duration.ZERO);
    OpenCircuitDeferral shortQueue = new OpenCircuitDeferral(null, "q", Duration.ofSeconds(1));
    OpenCircuitDeferral awsQueue = new OpenCircuitDeferral(null, "q", Duration.ofSeconds(420));

    assertThat(unknownQueue.visibilitySeconds(Duration.ofMillis(29_200))).isEqualTo(31);
    assertThat(shortQueue.visibilitySeconds(Duration.ofSeconds(30))).isEqualTo(31);
    assertThat(shortQueue.visibilitySeconds(Duration.ofMillis(1))).isEqualTo(2);
    assertThat(shortQueue.visibilitySeconds(Duration.ofDays(2))).isEqualTo(43_200);
    assertThat(awsQueue.visibilitySeconds(Duration.ofSeconds(30))).isZero();
    assertThat(awsQueue.defer(List.of(), Duration.ofSeconds(30))).isZero();
  }
}
