package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import java.time.Duration;

/**
 * How long the intent function waits for anything but the CRM: each DynamoDB and SQS call (the
 * whole call, and one attempt of it) and the progressive response. Alexa waits 8 seconds for an
 * answer; with these bounds and the live-lookup budget the slowest path still answers in time.
 *
 * @param awsApiCall the whole of one AWS call, its retries included (default 1200 ms)
 * @param awsApiCallAttempt one attempt of it (default 550 ms): a stalled connection is given up
 *     after this, and the one retry still fits in {@code awsApiCall}; generous enough for the first
 *     call of a restored container, which also loads the SDK classes of that call
 * @param awsMaxAttempts attempts per AWS call, the first included
 * @param progressiveWait how long the skill waits, before it answers, for Alexa to take the
 *     progressive response it sent (default 300 ms)
 */
public record CallBounds(
    Duration awsApiCall, Duration awsApiCallAttempt, int awsMaxAttempts, Duration progressiveWait) {

  /** One retry: a second attempt on another connection after a stalled or refused one. */
  public static final int AWS_MAX_ATTEMPTS = 2;

  public CallBounds {
    if (awsApiCallAttempt.compareTo(awsApiCall) > 0) {
      throw new ConfigException(
          AWS_API_CALL_ATTEMPT_TIMEOUT_MS + " must not be above " + AWS_API_CALL_TIMEOUT_MS);
    }
    if (awsMaxAttempts < 1) {
      throw new IllegalArgumentException("awsMaxAttempts must be at least 1");
    }
  }

  public static CallBounds fromEnv(EnvironmentReader env) {
    return new CallBounds(
        Duration.ofMillis(env.intValue(AWS_API_CALL_TIMEOUT_MS, 1200, 100, 3000)),
        Duration.ofMillis(env.intValue(AWS_API_CALL_ATTEMPT_TIMEOUT_MS, 550, 50, 3000)),
        AWS_MAX_ATTEMPTS,
        Duration.ofMillis(env.intValue(PROGRESSIVE_RESPONSE_WAIT_MS, 300, 0, 1000)));
  }
}
