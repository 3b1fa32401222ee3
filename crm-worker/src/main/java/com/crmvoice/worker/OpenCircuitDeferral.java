package com.crmvoice.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;

/**
 * Keeps messages the open circuit breaker turns away from using up their deliveries.
 *
 * <p>SQS counts every receive toward the redrive policy's maxReceiveCount (the message's
 * ApproximateReceiveCount goes up on each ReceiveMessage, whatever the consumer then does), and a
 * failed message becomes visible again when its visibility timeout ends. When that timeout is
 * shorter than the time the circuit stays open, a command would be received, refused without any
 * CRM call, and received again, until SQS dead-letters it, although the CRM may be healthy a second
 * after the circuit half-opens. So a refused message's visibility is set (ChangeMessageVisibility,
 * which counts from the call) to outlast the open circuit: it is received once per open period, not
 * once per visibility timeout. The timeout is never shortened: when the queue's own visibility
 * timeout already outlasts the circuit, nothing is changed (in AWS, 420 s against 30 s).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 */
final class OpenCircuitDeferral {

  private static final Logger LOG = LoggerFactory.getLogger(OpenCircuitDeferral.class);

  /** Past the circuit's half-open moment, so the message finds it letting calls through. */
  static final Duration MARGIN = Duration.ofSeconds(1);

  /** SQS's maximum visibility timeout: 12 hours. */
  static final int MAX_VISIBILITY_SECONDS = 43_200;

  /** ChangeMessageVisibilityBatch takes at most 10 entries. */
  private static final int BATCH = 10;

  private final SqsClient sqs;
  private final String queueUrl;
  private final Duration queueVisibility;

  /**
   * @param queueVisibility the queue's own visibility timeout; zero when not known, and then every
   *     refused message is deferred
   */
  OpenCircuitDeferral(SqsClient sqs, String queueUrl, Duration queueVisibility) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.queueVisibility = queueVisibility;
  }

  /** The visibility to give a refused message, or 0 when the queue's own timeout is long enough. */
  int visibilitySeconds(Duration refusingFor) {
    Duration wanted = refusingFor.plus(MARGIN);
    if (!queueVisibility.isZero() && queueVisibility.compareTo(wanted) >= 0) {
      return 0;
    }
    long seconds = (wanted.toMillis() + 999) / 1000;
    return (int) Math.min(MAX_VISIBILITY_SECONDS, Math.max(1, seconds));
  }

  /**
   * Sets the messages' visibility to outlast the open circuit. Best effort: a message whose change
   * fails comes back after the queue's visibility timeout, as it would have anyway.
   *
   * @return how many messages were deferred
   */
  int defer(List<SQSEvent.SQSMessage> messages, Duration refusingFor) {
    int seconds = visibilitySeconds(refusingFor);
    if (seconds == 0 || messages.isEmpty()) {
      return 0;
    }
    int deferred = 0;
    for (int from = 0; from < messages.size(); from += BATCH) {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      List<SQSEvent.SQSMessage> chunk =
          messages.subList(from, Math.min(messages.size(), from + BATCH));
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id("m" + i)
                .receiptHandle(chunk.get(i).getReceiptHandle())
                .visibilityTimeout(seconds)
                .build());
      }
      try {
        ChangeMessageVisibilityBatchResponse response =
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries));
        deferred += response.successful().size();
        if (!response.failed().isEmpty()) {
          LOG.warn(
              "circuit-open deferral failed for {} messages: {}",
              response.failed().size(),
              response.failed().get(0).code());
        }
      } catch (SdkException e) {
        LOG.warn("circuit-open deferral failed: {}", e.getClass().getSimpleName());
      }
    }
    LOG.info("batch outcome=deferred-circuit-open messages={} visibility={}s", deferred, seconds);
    return deferred;
  }
}
