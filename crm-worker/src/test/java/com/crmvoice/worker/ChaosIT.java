package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A smaller chaos run in every build; {@link ChaosRun#main} runs the full thousand. */
class ChaosIT {

  @Test
  void everyCommandEndsAsExactlyOneLeadUnderInjectedFaults() {
    ChaosRun.Counts counts = ChaosRun.run(Integer.getInteger("chaos.commands", 150), 7L);
    System.out.println(counts);

    assertThat(counts.faults().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    assertThat(counts.lost()).isZero();
    assertThat(counts.duplicated()).isZero();
    assertThat(counts.leads()).isEqualTo(counts.commands());
    assertThat(counts.done()).isEqualTo(counts.commands());
    assertThat(counts.deadLettered()).isZero();
  }
}
