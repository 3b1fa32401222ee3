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
 *
 * <p>Batches larger than one ReceiveMessage call (at most 10 messages) are gathered as the event
 * source mapping gathers them: with a batching window, receives go on until the batch size is
 * reached or the window, counted from the first message received, has passed. As in Lambda, a batch
 * size above 10 needs a window of at least one second, the batch size is at most 10,000 and the
 * window at most 300 s (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).
 */
public final class LocalSqsEventSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalSqsEventSource.class);

  /** ReceiveMessage's MaxNumberOfMessages is at most 10. */
  private static final int MESSAGES_PER_RECEIVE = 10;

  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final Function<SQSEvent, SQSBatchResponse> handler;
  private final int batchSize;
  private final int waitSeconds;
  private final Duration batchingWindow;
  private final AtomicBoolean running = new AtomicBoolean();
  private Thread poller;

  public LocalSqsEventSource(
      SqsClient sqs,
      String queueUrl,
      Function<SQSEvent, SQSBatchResponse> handler,
      int batchSize,
      int waitSeconds) {
    this(sqs, queueUrl, handler, batchSize, waitSeconds, Duration.ZERO);
  }

  /**
   * @param batchSize the most messages handed to the handler at once: 1 to 10, or up to 10,000 with
   *     a batching window
   * @param batchingWindow how long to go on gathering a batch after its first message: zero, or
   *     whole seconds up to 300
   */
  public LocalSqsEventSource(
      SqsClient sqs,
      String queueUrl,
      Function<SQSEvent, SQSBatchResponse> handler,
      int batchSize,
      int waitSeconds,
      Duration batchingWindow) {
    if (batchingWindow.isNegative()
        || batchingWindow.compareTo(Duration.ofSeconds(300)) > 0
        || batchingWindow.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("a batching window is 0 to 300 whole seconds");
    }
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("a batch is 1 to 10,000 messages");
    }
    if (batchSize > MESSAGES_PER_RECEIVE && batchingWindow.isZero()) {
      throw new IllegalArgumentException("a batch size above 10 needs a batching window");
    }
    this.batchingWindow = batchingWindow;
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
        new ArrayList<>(receive(Math.min(batchSize, MESSAGES_PER_RECEIVE), waitSeconds));
    if (messages.isEmpty()) {
      return 0;
    }
    long windowEnds = System.nanoTime() + batchingWindow.toNanos();
    while (messages.size() < batchSize && !Thread.currentThread().isInterrupted()) {
      long left = windowEnds - System.nanoTime();
      if (left <= 0) {
        break;
      }
      List<Message> more =
          receive(
              Math.min(batchSize - messages.size(), MESSAGES_PER_RECEIVE),
              left >= 1_000_000_000L ? 1 : 0);
      if (more.isEmpty() && left < 1_000_000_000L) {
        pause(Math.min(left / 1_000_000, 50));
      }
      messages.addAll(more);
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
    // DeleteMessageBatch takes at most 10 entries.
    for (int from = 0; from < deletes.size(); from += MESSAGES_PER_RECEIVE) {
      List<DeleteMessageBatchRequestEntry> chunk =
          deletes.subList(from, Math.min(deletes.size(), from + MESSAGES_PER_RECEIVE));
      sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(chunk));
    }
    return messages.size();
  }

  private List<Message> receive(int max, int wait) {
    return sqs.receiveMessage(
            r ->
                r.queueUrl(queueUrl)
                    .maxNumberOfMessages(max)
                    .waitTimeSeconds(wait)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(Math.max(1, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
