package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A smaller chaos run in every build; {@link ChaosRun#main} runs the full thousand. */
class ChaosIT {

  @Test
  void everyCommandOfEveryTypeEndsAsExactlyOneEffectUnderInjectedFaults() {
    ChaosRun.Counts counts = ChaosRun.run(Integer.getInteger("chaos.commands", 150), 7L);
    System.out.println(counts);

    assertThat(counts.faults().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    assertThat(counts.lost()).isZero();
    assertThat(counts.duplicated()).isZero();
    assertThat(counts.byType()).hasSize(4);
    assertThat(counts.effects()).isEqualTo(counts.commands());
    assertThat(counts.leads()).isEqualTo(counts.byType().get("CreateLead"));
    assertThat(counts.done()).isEqualTo(counts.commands());
    assertThat(counts.deadLettered()).isZero();
  }
}
