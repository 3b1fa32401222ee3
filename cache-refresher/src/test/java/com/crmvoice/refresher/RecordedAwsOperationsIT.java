package com.crmvoice.refresher;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.testkit.aws.AwsOperationRecorder;
import com.crmvoice.testkit.aws.AwsOperationRecorder.Call;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The AWS operations recorder as this module registers it (test resources,
 * software/amazon/awssdk/global/handlers/execution.interceptors): what the deployment module's IAM
 * check reads is recorded here, and only what the refresher's own code calls.
 */
class RecordedAwsOperationsIT {

  @Test
  void recordsTheWritesOfTheOwnerThreadsAsTheRefreshers_andNeitherSetupNorTheEventSource() {
    try (RefresherStack stack = new RefresherStack(Map.of("REFRESH_CONCURRENCY", "4"))) {
      stack.salesforce.seed(12, 3, 11);
      stack.refreshQueue.requestRefresh("005000000000001AAA");

      stack.pass("full");
      stack.eventSource.drain(Duration.ofSeconds(10));
    }

    Set<Call> calls = AwsOperationRecorder.calls();
    assertThat(calls)
        .anySatisfy(
            call -> {
              assertThat(call.function()).isEqualTo(AwsOperationRecorder.REFRESHER);
              assertThat(call.operation()).isEqualTo("DynamoDb:TransactWriteItems.Put");
              assertThat(call.thread()).startsWith("refresh-owner-");
            });
    assertThat(calls).extracting(Call::function).containsOnly(AwsOperationRecorder.REFRESHER);
    assertThat(calls)
        .extracting(Call::operation)
        .contains("DynamoDb:Query")
        .doesNotContain(
            "DynamoDb:CreateTable",
            "DynamoDb:UpdateTimeToLive",
            "Sqs:CreateQueue",
            "Sqs:SendMessage",
            "Sqs:ReceiveMessage",
            "Sqs:DeleteMessageBatch",
            "Sqs:GetQueueAttributes");
  }
}
