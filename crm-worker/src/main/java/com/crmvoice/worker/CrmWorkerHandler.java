package com.crmvoice.worker;

import static com.crmvoice.core.config.EnvironmentVariables.COMMAND_QUEUE_VISIBILITY_SECONDS;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.FunctionStartup;
import com.crmvoice.adapters.aws.LazySalesforceGateway;
import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.adapters.sqs.SqsDeadLetterQueue;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.WorkerConfig;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.service.worker.CommandProcessor;
import com.crmvoice.core.service.worker.CommandProcessor.BatchResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the command queue: an SQS batch in, the ids of the messages to redeliver
 * out (ReportBatchItemFailures). Wires everything once per container; the work is {@link
 * CommandProcessor}'s.
 *
 * <p>The Salesforce settings are not needed to start: a first deployment's secret is blank, and the
 * init must not fail for it. Until they are complete, each batch is handed back whole as item
 * failures, untouched (no command is claimed or recorded), so SQS keeps every message for a later
 * delivery and, after maxReceiveCount deliveries, the dead-letter queue; the ERROR log names the
 * missing setting.
 */
public final class CrmWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(CrmWorkerHandler.class);

  /** Leave this much of the invocation for recording outcomes after the last CRM call. */
  static final Duration SAFETY_MARGIN = Duration.ofSeconds(3);

  static final String APPROXIMATE_RECEIVE_COUNT = "ApproximateReceiveCount";

  /**
   * Owners whose command-log writes (claims, outcomes, cache adds) go out at once: a batch of 200
   * makes about 600 of them, each a round trip that waits on DynamoDB, not on the CPU.
   */
  static final int COMMAND_LOG_CONCURRENCY = 8;

  private final CommandProcessor processor;
  private final ResilientCrmGateway crm;
  private final Runnable requireConfigured;
  private final OpenCircuitDeferral deferral;
  private final int maxReceiveCount;

  /** Called by the Lambda runtime once per container. */
  public CrmWorkerHandler() {
    this(System.getenv());
  }

  /** Wires the worker from an environment map: the Lambda runtime's, or the simulator's. */
  public CrmWorkerHandler(Map<String, String> environment) {
    FunctionStartup start = FunctionStartup.of(FunctionEnvironments.WORKER, environment);
    EnvironmentReader env = start.env();
    AwsClients aws = start.aws();
    WorkerConfig worker = WorkerConfig.fromEnv(env);
    CacheConfig cache = CacheConfig.fromEnv(env);
    LazySalesforceGateway salesforce = start.salesforce();
    this.requireConfigured = salesforce::gateway;
    this.crm = new ResilientCrmGateway(salesforce, worker);
    CommandCodec codec = new CommandCodec();
    this.processor =
        new CommandProcessor(
            codec::decode,
            WorkerNotifications.wrap(start.commandLog(), env, aws),
            crm,
            start.leadCache(cache, Clock.systemUTC()),
            new SqsDeadLetterQueue(aws.sqs(), start.storage().requireCommandDlqUrl()),
            Clock.systemUTC(),
            worker.lease(),
            cache.topN(),
            worker.maxReceiveCount(),
            start.closedStatuses(),
            crm.guard(salesforce.calendar()),
            start.agendaCache(cache, Clock.systemUTC()));
    // Deal updates share the breaker with the lead writes; the settings (stages, periods) are
    // read at most hourly, for the write-back's figures.
    com.crmvoice.core.port.DealGateway deals = crm.guard(salesforce.deals());
    processor.withLogConcurrency(COMMAND_LOG_CONCURRENCY);
    processor.withDealWrites(
        new com.crmvoice.core.service.worker.DealWrites(
            deals,
            start.dealCache(cache, Clock.systemUTC()),
            new com.crmvoice.core.service.deals.DealSettings(
                deals, Duration.ofHours(1), Clock.systemUTC()),
            Clock.systemUTC()));
    this.deferral =
        new OpenCircuitDeferral(
            aws.sqs(),
            start.storage().requireCommandQueueUrl(),
            Duration.ofSeconds(env.intValue(COMMAND_QUEUE_VISIBILITY_SECONDS, 0, 0, 43_200)));
    this.maxReceiveCount = worker.maxReceiveCount();
  }

  /** Without deferral of refused messages (a test's). */
  CrmWorkerHandler(CommandProcessor processor, ResilientCrmGateway crm) {
    this(processor, crm, null, Integer.MAX_VALUE, () -> {});
  }

  /**
   * @param requireConfigured throws {@link CrmNotConfiguredException} while the CRM settings are
   *     incomplete
   */
  CrmWorkerHandler(
      CommandProcessor processor, ResilientCrmGateway crm, Runnable requireConfigured) {
    this(processor, crm, null, Integer.MAX_VALUE, requireConfigured);
  }

  CrmWorkerHandler(
      CommandProcessor processor,
      ResilientCrmGateway crm,
      OpenCircuitDeferral deferral,
      int maxReceiveCount) {
    this(processor, crm, deferral, maxReceiveCount, () -> {});
  }

  CrmWorkerHandler(
      CommandProcessor processor,
      ResilientCrmGateway crm,
      OpenCircuitDeferral deferral,
      int maxReceiveCount,
      Runnable requireConfigured) {
    this.processor = processor;
    this.crm = crm;
    this.deferral = deferral;
    this.maxReceiveCount = maxReceiveCount;
    this.requireConfigured = requireConfigured;
  }

  /**
   * Hands the batch back whole while Salesforce is not configured; defers what an open circuit
   * refuses; processes the rest; defers the redeliveries of a batch whose failures opened the
   * circuit; logs the batch's figures.
   */
  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    long remaining = context == null ? 60_000 : context.getRemainingTimeInMillis();
    crm.deadline(Instant.now().plusMillis(remaining).minus(SAFETY_MARGIN));
    List<SQSEvent.SQSMessage> records =
        event == null || event.getRecords() == null ? List.of() : event.getRecords();
    try {
      requireConfigured.run();
    } catch (CrmNotConfiguredException e) {
      LOG.error(
          "batch messages={} handed back: Salesforce is not configured yet ({})",
          records.size(),
          e.getMessage());
      return failures(records.stream().map(SQSEvent.SQSMessage::getMessageId).toList(), List.of());
    }
    Optional<Duration> refusing = deferral == null ? Optional.empty() : crm.refusingFor();
    List<SQSEvent.SQSMessage> refused = List.of();
    List<SQSEvent.SQSMessage> taken = records;
    if (refusing.isPresent()) {
      // The circuit refuses every call now: return the messages for after it half-opens,
      // unclaimed (the command's attempts are not counted), except those on their last delivery,
      // which the processor records FAILED (retryable) before SQS dead-letters them.
      refused = records.stream().filter(r -> !lastDelivery(r)).toList();
      deferral.defer(refused, refusing.get());
      taken = records.stream().filter(this::lastDelivery).toList();
    }
    BatchResult result = processor.process(messages(taken));
    deferRedeliveriesIfOpened(taken, result);
    LOG.info(
        "batch messages={} created={} rejected={} retried={} gaveUp={} poisoned={} skipped={}"
            + " deferred={} failed={} circuit={}",
        taken.size() + refused.size(),
        result.created(),
        result.rejected(),
        result.retried(),
        result.gaveUp(),
        result.poisoned(),
        result.skipped(),
        refused.size(),
        result.failedMessageIds().size() + refused.size(),
        crm.circuitState());
    return failures(
        refused.stream().map(SQSEvent.SQSMessage::getMessageId).toList(),
        result.failedMessageIds());
  }

  /** This batch's own failures opened the circuit: what it will redeliver waits it out too. */
  private void deferRedeliveriesIfOpened(List<SQSEvent.SQSMessage> taken, BatchResult result) {
    Optional<Duration> nowRefusing = deferral == null ? Optional.empty() : crm.refusingFor();
    if (nowRefusing.isPresent() && !result.failedMessageIds().isEmpty()) {
      Set<String> failedIds = Set.copyOf(result.failedMessageIds());
      deferral.defer(
          taken.stream()
              .filter(r -> failedIds.contains(r.getMessageId()) && !lastDelivery(r))
              .toList(),
          nowRefusing.get());
    }
  }

  private static List<CommandProcessor.Message> messages(List<SQSEvent.SQSMessage> records) {
    return records.stream()
        .map(
            r ->
                new CommandProcessor.Message(
                    r.getMessageId(), r.getBody(), receiveCount(r.getAttributes())))
        .toList();
  }

  private static SQSBatchResponse failures(List<String> refused, List<String> failed) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    refused.forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
    failed.forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
    return new SQSBatchResponse(failures);
  }

  /** See {@link ResilientCrmGateway#refusingFor()}. */
  Optional<Duration> circuitRefusingFor() {
    return crm.refusingFor();
  }

  private boolean lastDelivery(SQSEvent.SQSMessage record) {
    return receiveCount(record.getAttributes()) >= maxReceiveCount;
  }

  /**
   * SQS's ApproximateReceiveCount system attribute: how many times the message has been delivered,
   * this time included. Missing or unreadable counts as a first delivery, so the worker never gives
   * a command up early.
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
   */
  static int receiveCount(Map<String, String> attributes) {
    String value = attributes == null ? null : attributes.get(APPROXIMATE_RECEIVE_COUNT);
    if (value == null) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
