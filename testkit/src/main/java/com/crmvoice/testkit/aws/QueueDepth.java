package com.crmvoice.testkit.aws;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Messages in an SQS queue, from GetQueueAttributes' approximate counts: visible (a receive would
 * return them) and in flight (received, not yet deleted or back from their visibility timeout).
 *
 * @param visible ApproximateNumberOfMessages
 * @param inFlight ApproximateNumberOfMessagesNotVisible
 */
public record QueueDepth(int visible, int inFlight) {

  public static QueueDepth of(SqsClient sqs, String queueUrl) {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return new QueueDepth(
        Integer.parseInt(
            attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")),
        Integer.parseInt(
            attributes.getOrDefault(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")));
  }

  /** Visible and in flight together: what is still to be done. */
  public int total() {
    return visible + inFlight;
  }
}
