package com.crmvoice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefresherConfigTest {

  @Test
  void defaultsToTopFiveATwoMinuteOverlapAndFourThreads() {
    RefresherConfig config = RefresherConfig.fromEnv(EnvironmentReader.of(Map.of()));

    assertThat(config.topN()).isEqualTo(5);
    assertThat(config.watermarkOverlap()).isEqualTo(Duration.ofSeconds(120));
    assertThat(config.incrementalMaxChanges()).isEqualTo(2000);
    assertThat(config.concurrency()).isEqualTo(4);
  }

  @Test
  void readsEachSettingByItsName() {
    RefresherConfig config =
        RefresherConfig.fromEnv(
            EnvironmentReader.of(
                Map.of(
                    "LEAD_CACHE_TOP_N", "3",
                    "REFRESH_WATERMARK_OVERLAP_SECONDS", "0",
                    "REFRESH_INCREMENTAL_MAX_CHANGES", "50",
                    "REFRESH_CONCURRENCY", "1")));

    assertThat(config).isEqualTo(new RefresherConfig(3, Duration.ZERO, 50, 1));
  }

  @Test
  void refusesAConcurrencyOutOfRangeNamingTheVariable() {
    assertThatThrownBy(
            () ->
                RefresherConfig.fromEnv(EnvironmentReader.of(Map.of("REFRESH_CONCURRENCY", "64"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REFRESH_CONCURRENCY");
  }
}
