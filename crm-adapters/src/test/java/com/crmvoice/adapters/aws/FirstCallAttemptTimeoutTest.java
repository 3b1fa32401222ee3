package com.crmvoice.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

class FirstCallAttemptTimeoutTest {

  private static final Duration CALL = Duration.ofMillis(1200);

  private static Duration attemptTimeout(SdkRequest request) {
    return request.overrideConfiguration().flatMap(c -> c.apiCallAttemptTimeout()).orElse(null);
  }

  @Test
  void onlyTheFirstCallGetsTheWholeCallBoundForItsAttempt() {
    FirstCallAttemptTimeout interceptor = new FirstCallAttemptTimeout(CALL);
    QueryRequest query = QueryRequest.builder().tableName("leads").build();

    SdkRequest first = interceptor.modifyRequest(() -> query, new ExecutionAttributes());
    SdkRequest second = interceptor.modifyRequest(() -> query, new ExecutionAttributes());

    assertThat(attemptTimeout(first)).isEqualTo(CALL);
    assertThat(((QueryRequest) first).tableName()).isEqualTo("leads");
    assertThat(second).isSameAs(query);
    assertThat(attemptTimeout(second)).isNull();
  }

  @Test
  void aCallersOwnAttemptBoundWinsAndItsOtherSettingsStay() {
    FirstCallAttemptTimeout interceptor = new FirstCallAttemptTimeout(CALL);
    QueryRequest own =
        QueryRequest.builder()
            .tableName("leads")
            .overrideConfiguration(
                c -> c.apiCallAttemptTimeout(Duration.ofMillis(100)).putHeader("x-test", "1"))
            .build();
    QueryRequest headerOnly =
        QueryRequest.builder()
            .tableName("leads")
            .overrideConfiguration(c -> c.putHeader("x-test", "1"))
            .build();

    assertThat(attemptTimeout(interceptor.modifyRequest(() -> own, new ExecutionAttributes())))
        .isEqualTo(Duration.ofMillis(100));
    SdkRequest other =
        new FirstCallAttemptTimeout(CALL)
            .modifyRequest(() -> headerOnly, new ExecutionAttributes());
    assertThat(attemptTimeout(other)).isEqualTo(CALL);
    assertThat(other.overrideConfiguration().orElseThrow().headers()).containsKey("x-test");
  }
}
