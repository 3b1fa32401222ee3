package com.crmvoice.testkit.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What Lambda's SQS event source mapping does, on one machine: long-polls a queue, hands each batch
 * to the handler as an {@link SQSEvent} shaped like Lambda's, deletes the messages that succeeded
 * and leaves the reported batch item failures to reappear after the visibility timeout, so the
 * queue's redrive policy moves them to the dead-letter queue after maxReceiveCount. A handler that
 * throws fails the whole batch, as in Lambda.
 */
public final class LocalSqsEventSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalSqsEventSource.class);

  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final Function<SQSEvent, SQSBatchResponse> handler;
  private final int batchSize;
  private final int waitSeconds;
  private final AtomicBoolean running = new AtomicBoolean();
  private Thread poller;

  public LocalSqsEventSource(
      SqsClient sqs,
      String queueUrl,
      Function<SQSEvent, SQSBatchResponse> handler,
      int batchSize,
      int waitSeconds) {
    if (batchSize < 1 || batchSize > 10) {
      throw new IllegalArgumentException("SQS receives 1 to 10 messages a call");
    }
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.handler = handler;
    this.batchSize = batchSize;
    this.waitSeconds = waitSeconds;
    this.queueArn =
        sqs.getQueueAttributes(
                r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
  }

  /**
   * One receive, one handler call, deletion of the successes.
   *
   * @return how many messages were handed to the handler
   */
  public int pollOnce() {
    List<Message> messages =
        sqs.receiveMessage(
                r ->
                    r.queueUrl(queueUrl)
                        .maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(waitSeconds)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
            .messages();
    if (messages.isEmpty()) {
      return 0;
    }
    SQSEvent event = toEvent(messages);
    Set<String> failed = new HashSet<>();
    try {
      SQSBatchResponse response = handler.apply(event);
      if (response != null && response.getBatchItemFailures() != null) {
        response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
      }
    } catch (RuntimeException e) {
      LOG.warn("handler failed the whole batch: {}", e.toString());
      messages.forEach(m -> failed.add(m.messageId()));
    }
    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
    for (Message message : messages) {
      if (!failed.contains(message.messageId())) {
        deletes.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(message.messageId())
                .receiptHandle(message.receiptHandle())
                .build());
      }
    }
    if (!deletes.isEmpty()) {
      sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(deletes));
    }
    return messages.size();
  }

  /** Polls until the queue answers empty or {@code max} has passed; answers messages handled. */
  public int drain(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    int handled = 0;
    while (System.nanoTime() < deadline) {
      int n = pollOnce();
      if (n == 0) {
        break;
      }
      handled += n;
    }
    return handled;
  }

  /** Polls in a background thread until {@link #close()}. */
  public synchronized void start() {
    if (running.getAndSet(true)) {
      return;
    }
    poller =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  pollOnce();
                } catch (RuntimeException e) {
                  if (running.get()) {
                    LOG.warn("poll failed: {}", e.toString());
                  }
                }
              }
            },
            "sqs-event-source");
    poller.setDaemon(true);
    poller.start();
  }

  @Override
  public synchronized void close() {
    running.set(false);
    if (poller != null) {
      try {
        poller.join(Duration.ofSeconds(waitSeconds + 5L).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private SQSEvent toEvent(List<Message> messages) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message message : messages) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setReceiptHandle(message.receiptHandle());
      record.setBody(message.body());
      record.setMd5OfBody(message.md5OfBody());
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(queueArn);
      record.setAwsRegion(EmbeddedAws.REGION);
      Map<String, String> attributes = new HashMap<>();
      message.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
      record.setAttributes(attributes);
      Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
      message
          .messageAttributes()
          .forEach(
              (k, v) -> {
                SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                attribute.setDataType(v.dataType());
                attribute.setStringValue(v.stringValue());
                messageAttributes.put(k, attribute);
              });
      record.setMessageAttributes(messageAttributes);
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }
}
