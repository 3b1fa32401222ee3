package com.crmvoice.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.crmvoice.adapters.alexa.ProactiveEventsNotifier;
import com.crmvoice.adapters.aws.AlexaSettings;
import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.FunctionStartup;
import com.crmvoice.adapters.codec.NotificationJobCodec;
import com.crmvoice.adapters.dynamodb.DynamoDbNotificationLog;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.NotificationConfig;
import com.crmvoice.core.service.notify.NotificationSender;
import com.crmvoice.core.service.notify.NotificationSender.BatchResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the notification queue: a batch of notification jobs in, the ids of the
 * jobs to redeliver out (ReportBatchItemFailures). Wires everything once per container; the work is
 * {@link NotificationSender}'s.
 */
public final class NotificationWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationWorkerHandler.class);

  /** How long a job holds a notice while it sends it: longer than one send with a token fetch. */
  static final Duration LEASE = Duration.ofSeconds(30);

  private final NotificationSender sender;

  /** Called by the Lambda runtime once per container. */
  public NotificationWorkerHandler() {
    this(System.getenv());
  }

  /** Wires the sender from an environment map: the Lambda runtime's, or the simulator's. */
  public NotificationWorkerHandler(Map<String, String> environment) {
    FunctionStartup start = FunctionStartup.of(FunctionEnvironments.NOTIFIER, environment);
    AwsClients aws = start.aws();
    NotificationConfig config = AlexaSettings.load(start.env(), aws);
    Clock clock = Clock.systemUTC();
    NotificationJobCodec codec = new NotificationJobCodec();
    this.sender =
        new NotificationSender(
            codec::decode,
            start.commandLog(),
            new DynamoDbNotificationLog(aws.dynamoDb(), start.storage().requireCommandsTable()),
            ProactiveEventsNotifier.create(config, clock),
            clock,
            LEASE,
            config.maxReceiveCount());
  }

  NotificationWorkerHandler(NotificationSender sender) {
    this.sender = sender;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSEvent.SQSMessage> records =
        event == null || event.getRecords() == null ? List.of() : event.getRecords();
    List<NotificationSender.Job> jobs =
        records.stream()
            .map(
                r ->
                    new NotificationSender.Job(
                        r.getMessageId(),
                        r.getBody(),
                        CrmWorkerHandler.receiveCount(r.getAttributes())))
            .toList();
    BatchResult result = sender.process(jobs);
    LOG.info(
        "notification batch jobs={} sent={} skipped={} dropped={} retried={}",
        jobs.size(),
        result.sent(),
        result.skipped(),
        result.dropped(),
        result.retried());
    return new SQSBatchResponse(
        result.failedMessageIds().stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
  }
}
