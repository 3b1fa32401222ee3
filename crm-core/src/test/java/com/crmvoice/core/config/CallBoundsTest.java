package com.crmvoice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallBoundsTest {

  @Test
  void defaultsBoundEveryAwsCall_withOneRetry_andWaitAShortTimeForTheProgressiveResponse() {
    CallBounds bounds = CallBounds.fromEnv(EnvironmentReader.of(Map.of()));

    assertThat(bounds.awsApiCall()).isEqualTo(Duration.ofMillis(1200));
    assertThat(bounds.awsApiCallAttempt()).isEqualTo(Duration.ofMillis(550));
    assertThat(bounds.awsMaxAttempts()).isEqualTo(2);
    assertThat(bounds.progressiveWait()).isEqualTo(Duration.ofMillis(300));
    // Both attempts fit in the call's bound.
    assertThat(bounds.awsApiCallAttempt().multipliedBy(bounds.awsMaxAttempts()))
        .isLessThanOrEqualTo(bounds.awsApiCall());
  }

  @Test
  void anAttemptLongerThanTheCallIsRefused() {
    assertThatThrownBy(
            () ->
                CallBounds.fromEnv(
                    EnvironmentReader.of(
                        Map.of(
                            "AWS_API_CALL_TIMEOUT_MS", "500",
                            "AWS_API_CALL_ATTEMPT_TIMEOUT_MS", "800"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("AWS_API_CALL_ATTEMPT_TIMEOUT_MS");
    assertThatThrownBy(
            () ->
                CallBounds.fromEnv(
                    EnvironmentReader.of(Map.of("PROGRESSIVE_RESPONSE_WAIT_MS", "5000"))))
        .hasMessageContaining("PROGRESSIVE_RESPONSE_WAIT_MS");
  }
}
