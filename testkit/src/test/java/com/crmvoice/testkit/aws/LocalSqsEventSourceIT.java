package com.crmvoice.testkit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalSqsEventSourceIT {

  private final EmbeddedAws aws = EmbeddedAws.shared();
  private final SqsClient sqs =
      SqsClient.builder()
          .httpClient(UrlConnectionHttpClient.create())
          .endpointOverride(URI.create(aws.sqsEndpoint().toString()))
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l")))
          .build();

  @Test
  void successesAreDeletedAndAReportedFailureEndsInTheDeadLetterQueue() throws Exception {
    String name = EmbeddedAws.uniqueName("src");
    String dlq = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
    String dlqArn =
        sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String queue =
        sqs.createQueue(
                r ->
                    r.queueName(name)
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "1",
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\""
                                    + dlqArn
                                    + "\",\"maxReceiveCount\":\"2\"}")))
            .queueUrl();
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("good"));
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("bad"));
    List<String> seen = new ArrayList<>();
    List<String> receiveCounts = new ArrayList<>();

    try (LocalSqsEventSource source =
        new LocalSqsEventSource(
            sqs,
            queue,
            (SQSEvent event) -> {
              List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
              for (SQSEvent.SQSMessage m : event.getRecords()) {
                seen.add(m.getBody());
                assertThat(m.getEventSource()).isEqualTo("aws:sqs");
                if (m.getBody().equals("bad")) {
                  receiveCounts.add(m.getAttributes().get("ApproximateReceiveCount"));
                  failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                }
              }
              return new SQSBatchResponse(failures);
            },
            10,
            1)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline && receiveCounts.size() < 2) {
        source.pollOnce();
      }
      // One more visibility timeout: the third receive moves it to the dead-letter queue.
      Thread.sleep(1500);
      source.pollOnce();
    }

    assertThat(seen).containsOnlyOnce("good");
    assertThat(receiveCounts).containsExactly("1", "2");
    List<String> dead =
        sqs.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(2)).messages().stream()
            .map(m -> m.body())
            .toList();
    assertThat(dead).containsExactly("bad");
  }

  @Test
  void gathersABatchLargerThanOneReceiveWithinTheWindowAndDeletesItAll() {
    String queue = sqs.createQueue(r -> r.queueName(EmbeddedAws.uniqueName("big"))).queueUrl();
    for (int i = 0; i < 25; i++) {
      int n = i;
      sqs.sendMessage(r -> r.queueUrl(queue).messageBody("m" + n));
    }
    List<Integer> batchSizes = new ArrayList<>();

    try (LocalSqsEventSource source =
        new LocalSqsEventSource(
            sqs,
            queue,
            (SQSEvent event) -> {
              batchSizes.add(event.getRecords().size());
              return new SQSBatchResponse(List.of());
            },
            200,
            1,
            Duration.ofSeconds(1))) {
      source.pollOnce();
    }

    // One handler call for all 25 (three or more receives), and all of them deleted (in chunks of
    // at most 10, as DeleteMessageBatch takes).
    assertThat(batchSizes).containsExactly(25);
    assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages()).isEmpty();
  }

  @Test
  void refusesWhatLambdaRefuses_aBatchAboveTenWithoutWindowOrAboveTenThousand() {
    String queue = sqs.createQueue(r -> r.queueName(EmbeddedAws.uniqueName("rules"))).queueUrl();

    assertThatThrownBy(() -> new LocalSqsEventSource(sqs, queue, e -> null, 11, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new LocalSqsEventSource(sqs, queue, e -> null, 10_001, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new LocalSqsEventSource(sqs, queue, e -> null, 100, 0, Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
