package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A smaller chaos run in every build, against each CRM's fake; {@link ChaosRun#main} runs the full
 * thousand.
 */
class ChaosIT {

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void everyCommandOfEveryTypeEndsAsExactlyOneEffectUnderInjectedFaults(String crm) {
    ChaosRun.Counts counts = ChaosRun.run(Integer.getInteger("chaos.commands", 150), 7L, crm);
    System.out.println(crm + " " + counts);

    assertThat(counts.faults().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    // Every kind of fault the CRM's fake injects met at least one call.
    assertThat(counts.faults().keySet())
        .containsAll(
            crm.equals("dynamics")
                ? java.util.List.of(
                    "503",
                    "500",
                    "429-retry-after",
                    "drop",
                    "commit-then-drop",
                    "token-expiry",
                    "commit-then-stall")
                : java.util.List.of(
                    "503",
                    "lock",
                    "limit",
                    "drop",
                    "commit-then-drop",
                    "token-expiry",
                    "commit-then-stall"));
    assertThat(counts.lost()).isZero();
    assertThat(counts.duplicated()).isZero();
    assertThat(counts.byType()).hasSize(4);
    assertThat(counts.effects()).isEqualTo(counts.commands());
    assertThat(counts.leads()).isEqualTo(counts.byType().get("CreateLead"));
    assertThat(counts.done()).isEqualTo(counts.commands());
    assertThat(counts.deadLettered()).isZero();
  }
}
