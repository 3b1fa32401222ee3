package com.crmvoice.simulator.pipeline;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.crmvoice.testkit.lambda.LambdaEvents;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    return LambdaEvents.sqsEventJson(event).getBytes(StandardCharsets.UTF_8);
  }

  /** Reads {"batchItemFailures":[...]}; empty output is success. */
  public static SQSBatchResponse parseResponse(byte[] output) {
    String json = new String(output, StandardCharsets.UTF_8);
    if (json.isBlank() || json.strip().equals("null")) {
      return new SQSBatchResponse(new ArrayList<>());
    }
    try {
      return LambdaEvents.batchResponse(json);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("the function's answer is not JSON: " + e.getMessage());
    }
  }
}
