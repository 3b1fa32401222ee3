package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  @Test
  void defaultsToTheInteractiveConsoleWithTheSignatureCheckOn() {
    Simulator.Arguments arguments = Simulator.Arguments.parse(new String[0], Map.of());

    assertThat(arguments.script()).isNull();
    assertThat(arguments.httpPort()).isNull();
    assertThat(arguments.skipSignatureCheck()).isFalse();
    assertThat(arguments.locale()).isEqualTo("en-US");
    assertThat(arguments.schedule()).isTrue();
  }

  @Test
  void readsTheModesAndOptions() {
    Simulator.Arguments arguments =
        Simulator.Arguments.parse(
            new String[] {
              "--http", "8080", "--insecure-skip-signature-check", "--no-schedule",
              "--refresh-every", "5", "--skill-package", "pkg"
            },
            Map.of());

    assertThat(arguments.httpPort()).isEqualTo(8080);
    assertThat(arguments.skipSignatureCheck()).isTrue();
    assertThat(arguments.schedule()).isFalse();
    assertThat(arguments.refreshEvery()).isEqualTo(Duration.ofSeconds(5));
    assertThat(arguments.skillPackage()).isEqualTo(Path.of("pkg"));
  }

  @Test
  void theEnvironmentSwitchAlsoTurnsTheSignatureCheckOff() {
    assertThat(
            Simulator.Arguments.parse(
                    new String[] {"--http", "1"}, Map.of("SIMULATOR_SKIP_SIGNATURE_CHECK", "true"))
                .skipSignatureCheck())
        .isTrue();
  }

  @Test
  void refusesUnknownArgumentsAndTwoModes() {
    assertThatThrownBy(() -> Simulator.Arguments.parse(new String[] {"--bogus"}, Map.of()))
        .hasMessageContaining("--bogus");
    assertThatThrownBy(
            () ->
                Simulator.Arguments.parse(new String[] {"--script", "a", "--http", "1"}, Map.of()))
        .hasMessageContaining("separate modes");
  }

  @Test
  void theCrmIsSalesforceUnlessTheOptionOrTheCrmVariableSaysDynamics() {
    assertThat(Simulator.Arguments.parse(new String[0], Map.of()).crm()).isEqualTo("salesforce");
    assertThat(Simulator.Arguments.parse(new String[] {"--crm", "Dynamics"}, Map.of()).crm())
        .isEqualTo("dynamics");
    assertThat(Simulator.Arguments.parse(new String[0], Map.of("CRM", "dynamics")).crm())
        .isEqualTo("dynamics");
    assertThat(
            Simulator.Arguments.parse(
                    new String[] {"--crm", "salesforce"}, Map.of("CRM", "dynamics"))
                .crm())
        .isEqualTo("salesforce");
    assertThatThrownBy(() -> Simulator.Arguments.parse(new String[] {"--crm", "hubspot"}, Map.of()))
        .hasMessageContaining("salesforce or dynamics");
  }

  @Test
  void findsTheModelUnderAGivenSkillPackage() {
    Path fixture = Path.of("src/test/resources/skill-package");

    assertThat(Simulator.findModel(fixture, "en-US")).isPresent();
    assertThat(Simulator.findModel(fixture, "de-DE")).isEmpty();
  }
}
