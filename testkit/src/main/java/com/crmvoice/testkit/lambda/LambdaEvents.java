package com.crmvoice.testkit.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lambda events shaped as AWS emits them, for handler tests. */
public final class LambdaEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * The JSON Lambda hands a function for an SQS event ({@code Records}, {@code eventSourceARN}, as
   * AWS spells them), for stream handlers.
   */
  public static String sqsEventJson(SQSEvent event) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode records = root.putArray("Records");
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      ObjectNode record = records.addObject();
      record.put("messageId", message.getMessageId());
      record.put("receiptHandle", message.getReceiptHandle());
      record.put("body", message.getBody());
      ObjectNode attributes = record.putObject("attributes");
      if (message.getAttributes() != null) {
        message.getAttributes().forEach(attributes::put);
      }
      ObjectNode messageAttributes = record.putObject("messageAttributes");
      if (message.getMessageAttributes() != null) {
        message
            .getMessageAttributes()
            .forEach(
                (name, value) -> {
                  ObjectNode attribute = messageAttributes.putObject(name);
                  attribute.put("stringValue", value.getStringValue());
                  attribute.putArray("stringListValues");
                  attribute.putArray("binaryListValues");
                  attribute.put("dataType", value.getDataType());
                });
      }
      record.put("md5OfBody", message.getMd5OfBody());
      record.put("eventSource", message.getEventSource());
      record.put("eventSourceARN", message.getEventSourceArn());
      record.put("awsRegion", message.getAwsRegion());
    }
    return root.toString();
  }

  /** A stream handler's SQS batch response ({@code {"batchItemFailures":[...]}}) read back. */
  public static SQSBatchResponse batchResponse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (JsonNode failure : root.path("batchItemFailures")) {
      failures.add(new SQSBatchResponse.BatchItemFailure(failure.path("itemIdentifier").asText()));
    }
    return new SQSBatchResponse(failures);
  }
}
