package com.crmvoice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeZoneConfigTest {

  @Test
  void defaultsToUtc_andAShortWaitForTheSettingsApi() {
    TimeZoneConfig config = TimeZoneConfig.fromEnv(EnvironmentReader.of(Map.of()));

    assertThat(config.defaultZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.settingsTimeout()).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void readsTheConfiguredZoneAndTimeout() {
    TimeZoneConfig config =
        TimeZoneConfig.fromEnv(
            EnvironmentReader.of(
                Map.of(
                    "DEFAULT_TIME_ZONE", " Europe/Berlin ", "ALEXA_SETTINGS_TIMEOUT_MS", "250")));

    assertThat(config.defaultZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(config.settingsTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void refusesAZoneThatIsNoTimeZone_andATimeoutOutOfRange() {
    assertThatThrownBy(
            () ->
                TimeZoneConfig.fromEnv(
                    EnvironmentReader.of(Map.of("DEFAULT_TIME_ZONE", "Mars/Olympus"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DEFAULT_TIME_ZONE");
    assertThatThrownBy(
            () ->
                TimeZoneConfig.fromEnv(
                    EnvironmentReader.of(Map.of("ALEXA_SETTINGS_TIMEOUT_MS", "9000"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ALEXA_SETTINGS_TIMEOUT_MS");
  }
}
