package com.crmvoice.simulator.pipeline;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An SQS event source in front of a stream handler, as Lambda does it: the batch goes in as the
 * JSON Lambda emits ({"Records":[...]} with messageId, receiptHandle, body, attributes,
 * messageAttributes, md5OfBody, eventSource, eventSourceARN, awsRegion), and the handler's
 * {"batchItemFailures":[{"itemIdentifier":...}]} comes back as the ids to redeliver. An empty or
 * null answer means the whole batch succeeded; an answer that is not JSON fails the whole batch, as
 * Lambda treats an invalid response.
 */
public final class SqsStreamAdapter implements Function<SQSEvent, SQSBatchResponse> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LambdaFunction function;

  public SqsStreamAdapter(LambdaFunction function) {
    this.function = function;
  }

  @Override
  public SQSBatchResponse apply(SQSEvent event) {
    byte[] output = function.invokeStream(toJson(event));
    return parseResponse(output);
  }

  /** The event as Lambda serialises it for a function. */
  public static byte[] toJson(SQSEvent event) {
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
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads {"batchItemFailures":[...]}; empty output is success. */
  public static SQSBatchResponse parseResponse(byte[] output) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    if (output.length == 0) {
      return new SQSBatchResponse(failures);
    }
    JsonNode node;
    try {
      node = JSON.readTree(output);
    } catch (IOException e) {
      throw new IllegalStateException("the function's answer is not JSON: " + e.getMessage());
    }
    if (node == null || node.isNull()) {
      return new SQSBatchResponse(failures);
    }
    for (JsonNode failure : node.path("batchItemFailures")) {
      failures.add(new SQSBatchResponse.BatchItemFailure(failure.path("itemIdentifier").asText()));
    }
    return new SQSBatchResponse(failures);
  }
}
