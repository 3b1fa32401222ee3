package com.crmvoice.refresher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.testkit.aws.FakeSecretsManager;
import com.crmvoice.testkit.lambda.LambdaEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first {@code sam deploy} creates the Salesforce secret blank: the refresher must start
 * anyway; a scheduled pass fails its invocation and a refresh request is handed back to its queue,
 * until the secret is filled in, when the same container works.
 */
class FirstDeployRefresherIT {

  private static final String SECRET_ARN =
      "arn:aws:secretsmanager:us-east-1:000000000000:secret:crm-voice-salesforce-ReFrEs";
  private static final String BLANK_SECRET =
      "{\"SALESFORCE_CLIENT_ID\":\"\",\"SALESFORCE_USERNAME\":\"\",\"SALESFORCE_PRIVATE_KEY\":\"\"}";
  private static final String OWNER = "005FIRSTREFRESH1AAA";

  @Test
  void startsWithABlankSecret_failsOnlyTheInvocations_andWorksOnceTheSecretIsFilled() {
    try (FakeSecretsManager secrets = FakeSecretsManager.start()) {
      secrets.put(SECRET_ARN, BLANK_SECRET);
      try (RefresherStack stack =
          new RefresherStack(
              Map.of(
                  "SALESFORCE_SECRET_ARN",
                  SECRET_ARN,
                  "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                  secrets.endpoint().toString()))) {
        stack.salesforce.insertLead(
            Map.of("OwnerId", OWNER, "FirstName", "Ada", "LastName", "Lovelace", "Company", "AE"));

        assertThatThrownBy(() -> stack.pass("full"))
            .isInstanceOf(CrmNotConfiguredException.class)
            .hasMessageContaining("SALESFORCE_CLIENT_ID");
        SQSBatchResponse handedBack =
            LambdaEvents.batchResponse(
                stack.invoke(
                    LambdaEvents.sqsEventJson(
                        LambdaEvents.sqsEvent(
                            List.of("{\"version\":1,\"ownerId\":\"" + OWNER + "\"}")))));
        assertThat(handedBack.getBatchItemFailures()).hasSize(1);
        assertThat(stack.cachedIds(OWNER)).isNull();

        Map<String, String> credentials = stack.salesforce.clientCredentialsEnv();
        secrets.put(
            SECRET_ARN,
            "{\"SALESFORCE_CLIENT_ID\":\""
                + credentials.get("SALESFORCE_CLIENT_ID")
                + "\",\"SALESFORCE_CLIENT_SECRET\":\""
                + credentials.get("SALESFORCE_CLIENT_SECRET")
                + "\"}");

        assertThat(stack.pass("full").path("ownersSeen").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stack.cachedIds(OWNER)).hasSize(1);
      }
    }
  }
}
