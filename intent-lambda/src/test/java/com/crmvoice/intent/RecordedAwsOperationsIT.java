package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.aws.AwsOperationRecorder;
import com.crmvoice.testkit.aws.AwsOperationRecorder.Call;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The AWS operations recorder as this module registers it (test resources,
 * software/amazon/awssdk/global/handlers/execution.interceptors): what the deployment module's IAM
 * check reads is recorded here, and only what the intent function's own code calls, though its
 * handleRequest is the ASK SDK's and the test's stack lives in the same package.
 */
class RecordedAwsOperationsIT {

  @Test
  void recordsWhatTheSkillCallsOnACacheMiss_andNotTheTablesAndQueuesTheTestCreated() {
    try (IntentStack stack = new IntentStack(Map.of())) {
      String owner = "005RC0000000001AAA";
      String token = stack.salesforce.issueUserToken(owner);
      stack.salesforce.insertLead(
          Map.of("OwnerId", owner, "FirstName", "Ada", "LastName", "Lovelace", "Company", "AE"));

      stack.invoke(stack.request(AlexaRequests.intent("GetTopLeadIntent"), token));
    }

    Set<Call> calls = AwsOperationRecorder.calls();
    assertThat(calls).extracting(Call::function).containsOnly(AwsOperationRecorder.INTENT);
    assertThat(calls)
        .extracting(Call::operation)
        .contains("DynamoDb:Query", "DynamoDb:TransactWriteItems.Put")
        .doesNotContain(
            "DynamoDb:CreateTable",
            "DynamoDb:UpdateTimeToLive",
            "Sqs:CreateQueue",
            "Sqs:ReceiveMessage");
  }
}
