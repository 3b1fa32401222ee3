package com.crmvoice.adapters.sqs;

import com.crmvoice.adapters.codec.NotificationJobCodec;
import com.crmvoice.core.port.NotificationQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts notification jobs on their SQS queue in the {@link NotificationJobCodec} format. */
public final class SqsNotificationQueue implements NotificationQueue {

  private final SqsClient sqs;
  private final String queueUrl;
  private final NotificationJobCodec codec = new NotificationJobCodec();

  public SqsNotificationQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(String commandId) {
    try {
      sqs.sendMessage(
          r ->
              r.queueUrl(queueUrl)
                  .messageBody(codec.encode(commandId))
                  .messageAttributes(
                      Map.of(
                          SqsCommandQueue.ATTR_TYPE,
                          SqsCommandQueue.string(NotificationJobCodec.KIND),
                          SqsCommandQueue.ATTR_VERSION,
                          SqsCommandQueue.number(NotificationJobCodec.VERSION),
                          SqsCommandQueue.ATTR_COMMAND_ID,
                          SqsCommandQueue.string(commandId))));
    } catch (SdkException e) {
      throw new StorageUnavailableException("notification queue unavailable", e);
    }
  }
}
