package com.crmvoice.refresher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.crmvoice.adapters.aws.FunctionStartup;
import com.crmvoice.adapters.aws.LazySalesforceGateway;
import com.crmvoice.adapters.codec.RefreshMessageCodec;
import com.crmvoice.adapters.dynamodb.DynamoDbWatermarkStore;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.RefresherConfig;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.service.deals.DealSettings;
import com.crmvoice.core.service.refresher.AgendaRefresher;
import com.crmvoice.core.service.refresher.CacheRefresher;
import com.crmvoice.core.service.refresher.DealRefresher;
import com.crmvoice.core.service.refresher.PassReport;
import com.crmvoice.core.service.refresher.RefreshRequests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point of the cache refresher, for its two event sources, each with a typed entry:
 * {@link #handleSchedule} for the EventBridge Scheduler schedules ({@link ScheduleInput}: the lead
 * passes "full" and "incremental", the agenda passes "agenda-full" and "agenda-incremental", the
 * deal passes "deals-full" and "deals-incremental"; the answer is the pass's figures, and a failed
 * pass fails the invocation: the next pass repairs what it missed) and {@link #handleQueue} for the
 * refresh queue ({@link SQSEvent} in, {@link SQSBatchResponse} out, as the event source mapping's
 * ReportBatchItemFailures expects). One function serves both, so {@link #handleRequest} tells them
 * apart by shape and hands each to its entry. Wires everything once per container; the work is
 * {@link CacheRefresher}'s, the rules of a batch are {@link RefreshRequests}', see
 * docs/refresher.md.
 *
 * <p>The Salesforce settings are read on first use, not at init: with the secret still blank (a
 * first deployment) the function starts, and each invocation fails instead (a scheduled pass fails;
 * a queue batch is handed back whole as item failures), with an ERROR log naming the missing
 * setting.
 */
public final class CacheRefresherHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads an SQS event as Lambda emits it into the aws-lambda-java-events types: {@code Records}
   * and {@code eventSourceARN} differ from the bean names only in case, and fields AWS adds later
   * are ignored (CacheRefresherHandlerTest checks it against aws-lambda-java-tests' EventLoader).
   */
  static final ObjectMapper EVENTS =
      JsonMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final CacheRefresher refresher;
  private final AgendaRefresher agendas;
  private final DealRefresher deals;
  private final RefreshRequests requests;
  private final Runnable requireConfigured;

  /** Called by the Lambda runtime once per container. */
  public CacheRefresherHandler() {
    this(System.getenv());
  }

  /** Wires the refresher from an environment map: the Lambda runtime's, or the simulator's. */
  public CacheRefresherHandler(Map<String, String> environment) {
    FunctionStartup start = FunctionStartup.of(FunctionEnvironments.REFRESHER, environment);
    EnvironmentReader env = start.env();
    CacheConfig cache = CacheConfig.fromEnv(env);
    RefresherConfig config = RefresherConfig.fromEnv(env);
    LazySalesforceGateway crm = start.salesforce();
    this.requireConfigured = crm::gateway;
    this.refresher =
        new CacheRefresher(
            crm,
            start.leadCache(cache, Clock.systemUTC()),
            new DynamoDbWatermarkStore(start.aws().dynamoDb(), start.storage().requireLeadsTable()),
            config,
            Clock.systemUTC(),
            crm::requestCount);
    this.agendas =
        new AgendaRefresher(
            crm.calendar(),
            start.agendaCache(cache, Clock.systemUTC()),
            new DynamoDbWatermarkStore(
                start.aws().dynamoDb(),
                start.storage().requireLeadsTable(),
                DynamoDbWatermarkStore.AGENDA_WATERMARK_SK),
            config.watermarkOverlap(),
            config.incrementalMaxChanges(),
            config.concurrency(),
            Clock.systemUTC(),
            crm::requestCount);
    this.deals =
        new DealRefresher(
            crm.deals(),
            start.dealCache(cache, Clock.systemUTC()),
            new DealSettings(crm.deals(), Duration.ofHours(1), Clock.systemUTC()),
            new DynamoDbWatermarkStore(
                start.aws().dynamoDb(),
                start.storage().requireLeadsTable(),
                DynamoDbWatermarkStore.DEALS_WATERMARK_SK),
            config.watermarkOverlap(),
            config.incrementalMaxChanges(),
            config.concurrency(),
            Clock.systemUTC(),
            crm::requestCount);
    DealRefresher dealPasses = deals;
    // A refresh request refreshes the owner's leads and deals: one message, both caches.
    this.requests =
        new RefreshRequests(
            owner -> {
              refresher.ownerPass(owner);
              dealPasses.ownerPass(owner);
            },
            new RefreshMessageCodec()::decode);
  }

  CacheRefresherHandler(CacheRefresher refresher) {
    this(refresher, () -> {});
  }

  CacheRefresherHandler(CacheRefresher refresher, AgendaRefresher agendas, Runnable required) {
    this.refresher = refresher;
    this.agendas = agendas;
    this.deals = null;
    this.requests = new RefreshRequests(refresher::ownerPass, new RefreshMessageCodec()::decode);
    this.requireConfigured = required;
  }

  /**
   * @param requireConfigured throws {@link CrmNotConfiguredException} while the CRM settings are
   *     incomplete
   */
  CacheRefresherHandler(CacheRefresher refresher, Runnable requireConfigured) {
    this.refresher = refresher;
    this.agendas = null;
    this.deals = null;
    this.requests = new RefreshRequests(refresher::ownerPass, new RefreshMessageCodec()::decode);
    this.requireConfigured = requireConfigured;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event;
    try {
      event = JSON.readTree(input);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the refresher's event is not JSON");
    }
    Object answer;
    if (event != null && event.path("Records").isArray()) {
      answer = handleQueue(EVENTS.treeToValue(event, SQSEvent.class), context);
    } else if (event != null && event.path("pass").isTextual()) {
      answer = figures(handleSchedule(new ScheduleInput(event.get("pass").asText()), context));
    } else {
      throw new IllegalArgumentException(
          "expected a schedule input {\"pass\":\"full\"|\"incremental\"} or an SQS event");
    }
    output.write(JSON.writeValueAsBytes(answer));
    output.flush();
  }

  /** A scheduled pass: full or incremental, as the schedule's input names it. */
  public PassReport handleSchedule(ScheduleInput input, Context context) {
    String pass = input == null ? null : input.getPass();
    if (pass == null) {
      throw new IllegalArgumentException(
          "expected a schedule input {\"pass\":\"full\"|\"incremental\"}");
    }
    // Fails the invocation; the schedule's retry policy decides whether it is tried again.
    requireConfigured.run();
    return switch (pass) {
      case "full" -> refresher.fullPass();
      case "incremental" -> refresher.incrementalPass();
      case "agenda-full" -> agendas().fullPass();
      case "agenda-incremental" -> agendas().incrementalPass();
      case "deals-full" -> deals().fullPass();
      case "deals-incremental" -> deals().incrementalPass();
      default ->
          throw new IllegalArgumentException(
              "unknown pass '"
                  + pass
                  + "': expected \"full\", \"incremental\", \"agenda-full\","
                  + " \"agenda-incremental\", \"deals-full\" or \"deals-incremental\"");
    };
  }

  private DealRefresher deals() {
    if (deals == null) {
      throw new IllegalStateException("this handler was built without the deal refresher");
    }
    return deals;
  }

  private AgendaRefresher agendas() {
    if (agendas == null) {
      throw new IllegalStateException("this handler was built without the agenda refresher");
    }
    return agendas;
  }

  /**
   * A batch from the refresh queue: the ids of the messages to redeliver; every message while
   * Salesforce is not configured yet.
   */
  public SQSBatchResponse handleQueue(SQSEvent event, Context context) {
    List<SQSEvent.SQSMessage> records =
        event == null || event.getRecords() == null ? List.of() : event.getRecords();
    List<String> failed;
    if (configured()) {
      List<RefreshRequests.Message> messages =
          records.stream()
              .map(r -> new RefreshRequests.Message(r.getMessageId(), r.getBody()))
              .toList();
      failed = requests.handle(messages).failedMessageIds();
    } else {
      failed = records.stream().map(SQSEvent.SQSMessage::getMessageId).toList();
    }
    return new SQSBatchResponse(
        failed.stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
  }

  private boolean configured() {
    try {
      requireConfigured.run();
      return true;
    } catch (CrmNotConfiguredException e) {
      return false;
    }
  }

  private static JsonNode figures(PassReport report) {
    ObjectNode node = JSON.createObjectNode();
    node.put("pass", report.pass().label());
    node.put("ownersSeen", report.ownersSeen());
    node.put("ownersChanged", report.ownersChanged());
    node.put("leadsRead", report.leadsRead());
    node.put("itemsWritten", report.itemsWritten());
    node.put("itemsDeleted", report.itemsDeleted());
    node.put("crmCalls", report.crmCalls());
    node.put("durationMs", report.duration().toMillis());
    if (report.watermark() != null) {
      node.put("watermark", report.watermark().toString());
    }
    return node;
  }
}
