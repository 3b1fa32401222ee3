package com.crmvoice.adapters.aws;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Gives the first call of one client the whole call bound as its attempt timeout. On a cold JVM
 * that first call loads the SDK's marshalling, signing and HTTP classes and opens the first (TLS)
 * connection, all inside its attempt timer, and under load that alone can exceed the attempt bound
 * (550 ms in the intent function), which then throws the work away and retries. From the second
 * call on the attempt bound applies as configured. The stalled-endpoint bound is unchanged: the
 * HTTP client's connect and socket timeouts (the attempt bound) still end a stalled connect or
 * read, the attempt is retried, and the whole call keeps its own bound (apiCallTimeout), on which
 * the intent function's worst case is computed.
 */
final class FirstCallAttemptTimeout implements ExecutionInterceptor {

  private final Duration firstAttempt;
  private final AtomicBoolean first = new AtomicBoolean(true);

  FirstCallAttemptTimeout(Duration firstAttempt) {
    this.firstAttempt = firstAttempt;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (!(request instanceof AwsRequest aws) || !first.compareAndSet(true, false)) {
      return request;
    }
    AwsRequestOverrideConfiguration.Builder config =
        aws.overrideConfiguration()
            .map(AwsRequestOverrideConfiguration::toBuilder)
            .orElseGet(AwsRequestOverrideConfiguration::builder);
    if (config.apiCallAttemptTimeout() != null) {
      return request; // a caller's own bound for this call wins
    }
    return aws.toBuilder()
        .overrideConfiguration(config.apiCallAttemptTimeout(firstAttempt).build())
        .build();
  }
}
