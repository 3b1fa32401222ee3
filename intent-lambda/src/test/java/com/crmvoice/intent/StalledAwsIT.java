package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.http.StallingServer;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DynamoDB and SQS stall (they accept the connection and never answer): the intent function's calls
 * give up within their bounds (AWS_API_CALL_TIMEOUT_MS, AWS_API_CALL_ATTEMPT_TIMEOUT_MS, two
 * attempts) and the user still gets a valid answer, from Salesforce. Without the bounds each call
 * waits out the HTTP client's 30 s socket timeout, three times, and the class timeout (generous,
 * for a loaded machine's cold JVM) fails it.
 */
@Timeout(value = 75, unit = TimeUnit.SECONDS)
class StalledAwsIT {

  private static final String OWNER = "005STALLEDAWS001AAA";
  private static final String USER = "amzn1.ask.account.STALLED";

  @Test
  void aStalledCacheAndQueueStillLeaveAValidAnswer() {
    try (StallingServer stalled = StallingServer.start();
        FakeSalesforce salesforce = FakeSalesforce.start()) {
      salesforce.insertLead(
          Map.of("OwnerId", OWNER, "FirstName", "Grace", "LastName", "Hopper", "Company", "Navy"));
      Map<String, String> env = new HashMap<>();
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ACCESS_KEY_ID", "test");
      env.put("AWS_SECRET_ACCESS_KEY", "test");
      env.put("AWS_ENDPOINT_URL_DYNAMODB", stalled.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_SQS", stalled.endpoint().toString());
      env.put("SKILL_ID", AlexaRequests.DEFAULT_SKILL_ID);
      env.put("LEADS_TABLE", "leads");
      env.put("COMMANDS_TABLE", "commands");
      env.put("COMMAND_QUEUE_URL", stalled.endpoint() + "/000000000000/crm-commands");
      env.put("REFRESH_QUEUE_URL", stalled.endpoint() + "/000000000000/crm-refresh");
      env.put("IDENTITY_MODE", "single-user");
      env.put("SINGLE_USER_OWNER_ID", OWNER);
      env.put("ALLOWED_ALEXA_USER_IDS", USER);
      env.putAll(salesforce.clientCredentialsEnv());
      IntentStreamHandler handler = new IntentStreamHandler(env);

      JsonNode topLead =
          ResponseEnvelopes.invoke(handler, AlexaRequests.intent("GetTopLeadIntent").userId(USER));
      JsonNode status =
          ResponseEnvelopes.invoke(handler, AlexaRequests.intent("LeadStatusIntent").userId(USER));

      ResponseEnvelopes.assertValidEnvelope(topLead);
      assertThat(ResponseEnvelopes.speech(topLead)).contains("Grace Hopper from Navy");
      ResponseEnvelopes.assertValidEnvelope(status);
      // The cache read, the cache write and the status read each stalled and were given up.
      assertThat(stalled.accepted()).isGreaterThanOrEqualTo(3);
    }
  }
}
