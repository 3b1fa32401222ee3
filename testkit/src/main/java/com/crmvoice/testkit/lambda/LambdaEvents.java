package com.crmvoice.testkit.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lambda events shaped as AWS emits them, for handler tests. */
public final class LambdaEvents {

  public static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:crm-commands";

  private LambdaEvents() {}

  /** An SQS event with one record per body, receive count 1. */
  public static SQSEvent sqsEvent(List<String> bodies) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (String body : bodies) {
      records.add(sqsMessage(UUID.randomUUID().toString(), body, 1));
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  public static SQSEvent.SQSMessage sqsMessage(String messageId, String body, int receiveCount) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(messageId);
    message.setReceiptHandle("receipt-" + messageId);
    message.setBody(body);
    message.setEventSource("aws:sqs");
    message.setEventSourceArn(QUEUE_ARN);
    message.setAwsRegion("us-east-1");
    message.setAttributes(
        Map.of(
            "ApproximateReceiveCount", Integer.toString(receiveCount),
            "SentTimestamp", "1767225600000",
            "SenderId", "AIDAEXAMPLE",
            "ApproximateFirstReceiveTimestamp", "1767225600001"));
    message.setMessageAttributes(Map.of());
    return message;
  }

  /**
   * An EventBridge Scheduler invocation: the schedule's Input, delivered to the function as it is,
   * as a JSON string.
   */
  public static String scheduledInput(String pass) {
    return "{\"pass\":\"" + pass + "\"}";
  }
}
