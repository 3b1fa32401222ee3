package com.crmvoice.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.testkit.http.StallingServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Bounded clients against an engine that accepts connections and never answers. Without bounds the
 * SDK waits on each attempt for the HTTP client's socket timeout (30 s) and retries, minutes in
 * all; the class timeout fails that. With them, a call fails after at most its attempts, each cut
 * off at the attempt timeout.
 * https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/timeouts.html
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AwsClientsBoundsIT {

  private static final AwsClients.Bounds BOUNDS =
      new AwsClients.Bounds(Duration.ofMillis(1000), Duration.ofMillis(400), 2);

  private static Map<String, String> env(StallingServer server) {
    return Map.of(
        "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "test",
        "AWS_SECRET_ACCESS_KEY", "test",
        "AWS_ENDPOINT_URL", server.endpoint().toString());
  }

  @Test
  void aStalledDynamoDbCallFailsAfterAtMostTwoAttempts() {
    try (StallingServer server = StallingServer.start();
        AwsClients clients = AwsClients.fromEnv(env(server), BOUNDS)) {

      assertThatThrownBy(() -> clients.dynamoDb().listTables())
          .isInstanceOf(SdkClientException.class);
      assertThat(server.accepted()).isBetween(1, 2);
    }
  }

  @Test
  void aStalledSqsCallFailsAfterAtMostTwoAttempts() {
    try (StallingServer server = StallingServer.start();
        AwsClients clients = AwsClients.fromEnv(env(server), BOUNDS)) {

      assertThatThrownBy(
              () ->
                  clients
                      .sqs()
                      .sendMessage(r -> r.queueUrl(server.endpoint() + "/q").messageBody("x")))
          .isInstanceOf(SdkClientException.class);
      assertThat(server.accepted()).isBetween(1, 2);
    }
  }

  @Test
  void aStalledSecretsManagerReadEndsAtTheHttpClientsReadTimeout() {
    try (StallingServer server = StallingServer.start();
        AwsClients clients = AwsClients.fromEnv(env(server), BOUNDS)) {

      assertThatThrownBy(() -> clients.secretsManager().getSecretValue(r -> r.secretId("s")))
          .isInstanceOf(SdkClientException.class);
      // The SDK's standard retries (3 attempts), each ended by the read timeout; HttpURLConnection
      // itself may resend a POST once after a read timeout (sun.net.http.retryPost), so each
      // attempt opens one or two connections. The class timeout is what bounds the time.
      assertThat(server.accepted()).isBetween(1, 6);
    }
  }

  @Test
  void anAttemptLongerThanTheCallIsRefused() {
    assertThatThrownBy(
            () -> new AwsClients.Bounds(Duration.ofMillis(100), Duration.ofMillis(200), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
