package com.crmvoice.adapters.sqs;

import com.crmvoice.core.port.DeadLetterQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Parks a poison message in the dead-letter queue at once, with its reason in the {@code
 * failureReason} message attribute (the body is kept as it arrived).
 */
public final class SqsDeadLetterQueue implements DeadLetterQueue {

  public static final String ATTR_REASON = "failureReason";

  /** SQS message attribute values are limited in size; a reason is short anyway. */
  private static final int MAX_REASON = 1000;

  private final SqsClient sqs;
  private final String dlqUrl;

  public SqsDeadLetterQueue(SqsClient sqs, String dlqUrl) {
    this.sqs = sqs;
    this.dlqUrl = dlqUrl;
  }

  @Override
  public void park(String body, String reason) {
    String trimmed =
        reason == null
            ? "unknown"
            : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    try {
      sqs.sendMessage(
          r ->
              r.queueUrl(dlqUrl)
                  .messageBody(body == null || body.isEmpty() ? "(empty)" : body)
                  .messageAttributes(Map.of(ATTR_REASON, SqsCommandQueue.string(trimmed))));
    } catch (SdkException e) {
      throw new StorageUnavailableException("dead-letter queue unavailable", e);
    }
  }
}
