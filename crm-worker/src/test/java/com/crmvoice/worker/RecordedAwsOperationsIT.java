package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.testkit.aws.AwsOperationRecorder;
import com.crmvoice.testkit.aws.AwsOperationRecorder.Call;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The AWS operations recorder as this module registers it (test resources,
 * software/amazon/awssdk/global/handlers/execution.interceptors): what the deployment module's IAM
 * check reads is recorded here, and only what the worker's own code calls.
 */
class RecordedAwsOperationsIT {

  @Test
  void recordsTheWorkersCalls_andNeitherSetupNorTheEventSourceMapping() {
    try (WorkerStack stack = new WorkerStack(Map.of(), 5)) {
      stack.submit("recorded-1", "Recorded");

      assertThat(
              stack.pollUntil(
                  () ->
                      stack
                          .log
                          .find("recorded-1")
                          .map(r -> r.state() == CommandState.DONE)
                          .orElse(false),
                  Duration.ofSeconds(20)))
          .isTrue();
    }

    Set<Call> calls = AwsOperationRecorder.calls();
    // Other ITs in this JVM read statuses through the skill's LeadStatusService: those calls are
    // the intent function's, rightly, so look at the worker's alone.
    assertThat(calls)
        .filteredOn(call -> call.function().equals(AwsOperationRecorder.WORKER))
        .extracting(Call::operation)
        .contains("DynamoDb:UpdateItem");
    assertThat(calls)
        .extracting(Call::operation)
        .doesNotContain(
            "DynamoDb:CreateTable",
            "DynamoDb:UpdateTimeToLive",
            "Sqs:CreateQueue",
            "Sqs:ReceiveMessage",
            "Sqs:DeleteMessageBatch",
            "Sqs:GetQueueAttributes");
  }

  @Test
  void recordsTheVisibilityChangeOfAMessageTheOpenCircuitRefused() {
    Map<String, String> env =
        Map.of(
            "WORKER_MAX_ATTEMPTS", "1",
            "CIRCUIT_MINIMUM_CALLS", "1",
            "CIRCUIT_OPEN_SECONDS", "60");
    try (WorkerStack stack = new WorkerStack(env, 5)) {
      stack.salesforce.faults().failNext(1, 503);
      stack.submit("recorded-deferred-1", "Deferred");

      assertThat(
              stack.pollUntil(
                  () -> stack.handlerCircuitOpen() && stack.visible(stack.queue.queueUrl()) == 0,
                  Duration.ofSeconds(20)))
          .isTrue();
    }

    assertThat(AwsOperationRecorder.calls())
        .filteredOn(call -> call.function().equals(AwsOperationRecorder.WORKER))
        .extracting(Call::operation)
        .contains("Sqs:ChangeMessageVisibilityBatch");
  }
}
