package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import java.time.Duration;

/**
 * How the CRM worker treats Salesforce: retries with exponential backoff and jitter on retryable
 * failures, a circuit breaker, a concurrency cap, and the lease it holds on a command while it
 * works on it (shorter than the queue's visibility timeout).
 *
 * @param maxReceiveCount the command queue's redrive policy maxReceiveCount (SQS allows 1 to 1000):
 *     the delivery on which a command that still cannot reach Salesforce is given up as FAILED
 *     (retryable) and left to SQS to move to the dead-letter queue
 */
public record WorkerConfig(
    int maxAttempts,
    Duration retryInitial,
    Duration retryMax,
    Duration lease,
    int circuitFailureRatePercent,
    int circuitMinimumCalls,
    Duration circuitOpen,
    int maxConcurrency,
    int maxReceiveCount) {

  /**
   * The default of {@link EnvironmentVariables#COMMAND_MAX_RECEIVE_COUNT}: template.yaml's redrive
   * policy.
   */
  public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;

  public WorkerConfig {
    if (retryMax.compareTo(retryInitial) < 0) {
      throw new ConfigException(
          WORKER_RETRY_MAX_MS + " must not be below " + WORKER_RETRY_INITIAL_MS);
    }
  }

  public static WorkerConfig fromEnv(EnvironmentReader env) {
    return new WorkerConfig(
        env.intValue(WORKER_MAX_ATTEMPTS, 3, 1, 10),
        Duration.ofMillis(env.intValue(WORKER_RETRY_INITIAL_MS, 200, 1, 60_000)),
        Duration.ofMillis(env.intValue(WORKER_RETRY_MAX_MS, 3_000, 1, 300_000)),
        Duration.ofSeconds(env.intValue(WORKER_LEASE_SECONDS, 90, 5, 43_200)),
        env.intValue(CIRCUIT_FAILURE_RATE_PERCENT, 50, 1, 100),
        env.intValue(CIRCUIT_MINIMUM_CALLS, 5, 1, 1000),
        Duration.ofSeconds(env.intValue(CIRCUIT_OPEN_SECONDS, 30, 1, 3600)),
        env.intValue(SALESFORCE_MAX_CONCURRENCY, 5, 1, 25),
        env.intValue(COMMAND_MAX_RECEIVE_COUNT, DEFAULT_MAX_RECEIVE_COUNT, 1, 1000));
  }
}
