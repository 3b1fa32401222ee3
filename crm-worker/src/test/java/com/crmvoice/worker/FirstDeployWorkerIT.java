package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.testkit.aws.FakeSecretsManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first {@code sam deploy} creates the Salesforce secret blank: the worker must start anyway,
 * and hand every batch back untouched (batch item failures) until the secret is filled in, so no
 * command is lost or given up; then the same container delivers them.
 */
class FirstDeployWorkerIT {

  private static final String SECRET_ARN =
      "arn:aws:secretsmanager:us-east-1:000000000000:secret:crm-voice-salesforce-WoRkEr";
  private static final String BLANK_SECRET =
      "{\"SALESFORCE_CLIENT_ID\":\"\",\"SALESFORCE_USERNAME\":\"\",\"SALESFORCE_PRIVATE_KEY\":\"\"}";

  @Test
  void startsWithABlankSecret_handsBatchesBackUntouched_andDeliversOnceTheSecretIsFilled() {
    try (FakeSecretsManager secrets = FakeSecretsManager.start()) {
      secrets.put(SECRET_ARN, BLANK_SECRET);
      try (WorkerStack stack =
          new WorkerStack(
              Map.of(
                  "SALESFORCE_SECRET_ARN",
                  SECRET_ARN,
                  "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                  secrets.endpoint().toString()),
              5)) {
        stack.submit("first-deploy-1", "Blank");

        assertThat(stack.eventSource.pollOnce()).isEqualTo(1);

        // Not claimed, not recorded, not sent: the message is only back on the queue.
        assertThat(stack.log.find("first-deploy-1").orElseThrow().state())
            .isEqualTo(CommandState.QUEUED);
        assertThat(stack.log.find("first-deploy-1").orElseThrow().attempts()).isZero();
        assertThat(stack.salesforce.leadCount()).isZero();
        assertThat(stack.depth(stack.queue.queueUrl())).isEqualTo(1);
        assertThat(stack.deadLetters()).isEmpty();

        secrets.put(SECRET_ARN, credentials(stack));

        assertThat(
                stack.pollUntil(
                    () ->
                        stack
                            .log
                            .find("first-deploy-1")
                            .map(r -> r.state() == CommandState.DONE)
                            .orElse(false),
                    Duration.ofSeconds(20)))
            .isTrue();
        assertThat(stack.salesforce.leadCount()).isEqualTo(1);
      }
    }
  }

  private static String credentials(WorkerStack stack) {
    Map<String, String> env = stack.salesforce.clientCredentialsEnv();
    return "{\"SALESFORCE_CLIENT_ID\":\""
        + env.get("SALESFORCE_CLIENT_ID")
        + "\",\"SALESFORCE_CLIENT_SECRET\":\""
        + env.get("SALESFORCE_CLIENT_SECRET")
        + "\"}";
  }
}
