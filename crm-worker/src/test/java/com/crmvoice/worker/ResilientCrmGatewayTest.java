package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.WorkerConfig;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.CrmUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResilientCrmGatewayTest {

  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(Clock.systemUTC());

  private static WorkerConfig config(int attempts, int minimumCalls) {
    return new WorkerConfig(
        attempts,
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofSeconds(60),
        50,
        minimumCalls,
        Duration.ofSeconds(60),
        2,
        5);
  }

  @Test
  void retriesARetryableFailureUntilItSucceeds() {
    ResilientCrmGateway gateway = new ResilientCrmGateway(crm, config(3, 10));
    crm.failNextCalls(2);

    assertThat(gateway.topOpenLeads("005A", 1)).isEmpty();
    assertThat(crm.calls("topOpenLeads")).isEqualTo(3);
  }

  @Test
  void givesUpAfterMaxAttempts() {
    ResilientCrmGateway gateway = new ResilientCrmGateway(crm, config(2, 10));
    crm.failNextCalls(5);

    assertThatThrownBy(() -> gateway.topOpenLeads("005A", 1))
        .isInstanceOf(CrmUnavailableException.class);
    assertThat(crm.calls("topOpenLeads")).isEqualTo(2);
  }

  @Test
  void doesNotRetryWhenTheDeadlineIsNear() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    ResilientCrmGateway gateway = new ResilientCrmGateway(crm, config(5, 10), clock);
    // Two backoff waits (2 ms each at most) no longer fit before the deadline.
    gateway.deadline(clock.instant().plusMillis(3));
    crm.failNextCalls(5);

    assertThatThrownBy(() -> gateway.topOpenLeads("005A", 1))
        .isInstanceOf(CrmUnavailableException.class);
    assertThat(crm.calls("topOpenLeads")).isEqualTo(1);
  }

  @Test
  void retriesWhileTheDeadlineIsFarEnough() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    ResilientCrmGateway gateway = new ResilientCrmGateway(crm, config(5, 10), clock);
    gateway.deadline(clock.instant().plusSeconds(10));
    crm.failNextCalls(2);

    assertThat(gateway.topOpenLeads("005A", 1)).isEmpty();
    assertThat(crm.calls("topOpenLeads")).isEqualTo(3);
  }

  @Test
  void anOpenCircuitStopsCallsReachingTheCrm() {
    ResilientCrmGateway gateway = new ResilientCrmGateway(crm, config(1, 2));
    crm.failNextCalls(100);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> gateway.topOpenLeads("005A", 1))
          .isInstanceOf(CrmUnavailableException.class);
    }
    assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

    assertThatThrownBy(() -> gateway.topOpenLeads("005A", 1))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class,
            e -> assertThat(e.errorCode()).isEqualTo("CIRCUIT_OPEN"));
    assertThat(crm.calls("topOpenLeads")).isEqualTo(2);
  }

  @Test
  void aRetryAfterKeepsEveryCallAwayUntilItHasPassed() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    int[] calls = {0};
    com.crmvoice.core.port.CrmGateway throttled =
        new com.crmvoice.core.port.ForwardingCrmGateway() {
          @Override
          protected com.crmvoice.core.port.CrmGateway delegate() {
            return crm;
          }

          @Override
          public java.util.List<com.crmvoice.core.domain.Lead> topOpenLeads(
              String owner, int limit) {
            calls[0]++;
            if (calls[0] == 1) {
              throw new CrmUnavailableException(
                  "0x80072322", "limit", null, Duration.ofSeconds(30));
            }
            return crm.topOpenLeads(owner, limit);
          }
        };
    ResilientCrmGateway gateway = new ResilientCrmGateway(throttled, config(5, 10), clock);
    // 30 s of Retry-After do not fit before the deadline: no retry inside this invocation.
    gateway.deadline(clock.instant().plusSeconds(10));

    assertThatThrownBy(() -> gateway.topOpenLeads("005A", 1))
        .isInstanceOf(CrmUnavailableException.class);
    assertThat(calls[0]).isEqualTo(1);
    assertThat(gateway.refusingFor()).contains(Duration.ofSeconds(30));
    assertThatThrownBy(() -> gateway.topOpenLeads("005A", 1))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class, e -> assertThat(e.errorCode()).isEqualTo("RETRY_AFTER"));
    assertThat(calls[0]).isEqualTo(1);

    clock.advance(Duration.ofSeconds(31));
    gateway.deadline(clock.instant().plusSeconds(10));
    assertThat(gateway.refusingFor()).isEmpty();
    assertThat(gateway.topOpenLeads("005A", 1)).isEmpty();
    assertThat(calls[0]).isEqualTo(2);
  }
}
