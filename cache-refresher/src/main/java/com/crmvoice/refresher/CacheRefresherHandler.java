package com.crmvoice.refresher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.LazySalesforceGateway;
import com.crmvoice.adapters.dynamodb.DynamoDbLeadCache;
import com.crmvoice.adapters.dynamodb.DynamoDbWatermarkStore;
import com.crmvoice.adapters.sqs.SqsRefreshQueue;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.Env;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.RefresherConfig;
import com.crmvoice.core.config.StorageConfig;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.service.refresher.CacheRefresher;
import com.crmvoice.core.service.refresher.PassReport;
import com.crmvoice.core.service.refresher.RefreshRequests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point of the cache refresher, for two event sources:
 *
 * <ul>
 *   <li>EventBridge Scheduler, whose templated Lambda target delivers the schedule's Input JSON as
 *       the event as it is (<a
 *       href="https://docs.aws.amazon.com/scheduler/latest/APIReference/API_Target.html">Target.Input</a>):
 *       {@code {"pass":"full"}} or {@code {"pass":"incremental"}}. The answer is the pass's
 *       figures; a failed pass fails the invocation (the next scheduled pass repairs what it
 *       missed).
 *   <li>The refresh queue (SQS, {@code {"Records":[...]}}), each body {@code
 *       {"version":1,"ownerId":"..."}}: one owner pass per distinct owner in the batch, answered
 *       with an SQS batch response naming the messages to redeliver (ReportBatchItemFailures). A
 *       malformed body, or an owner the CRM refuses, is acknowledged and logged, never retried; a
 *       CRM or DynamoDB outage is retried, and the queue's redrive policy parks what keeps failing.
 * </ul>
 *
 * <p>Wires everything once per container; the work is {@link CacheRefresher}'s. The Salesforce
 * settings are read on first use, not at init: with the secret still blank (a first deployment) the
 * function starts, and each invocation fails instead (a scheduled pass fails; a queue batch is
 * handed back whole as item failures), with an ERROR log naming the missing setting.
 */
public final class CacheRefresherHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CacheRefresher refresher;
  private final RefreshRequests requests;
  private final Runnable requireConfigured;

  /** Called by the Lambda runtime once per container. */
  public CacheRefresherHandler() {
    this(System.getenv());
  }

  /** Wires the refresher from an environment map: the Lambda runtime's, or the simulator's. */
  public CacheRefresherHandler(Map<String, String> environment) {
    FunctionEnvironments.REFRESHER.check(environment);
    Env env = Env.of(environment);
    AwsClients aws = AwsClients.fromEnv(environment);
    StorageConfig storage = StorageConfig.fromEnv(env);
    CacheConfig cache = CacheConfig.fromEnv(env);
    RefresherConfig config = RefresherConfig.fromEnv(env);
    String table = storage.requireLeadsTable();
    LazySalesforceGateway crm = LazySalesforceGateway.fromSettings(env, aws);
    crm.tryNow();
    this.requireConfigured = crm::gateway;
    this.refresher =
        new CacheRefresher(
            crm,
            new DynamoDbLeadCache(aws.dynamoDb(), table, cache, Clock.systemUTC()),
            new DynamoDbWatermarkStore(aws.dynamoDb(), table),
            config,
            Clock.systemUTC(),
            crm::requestCount);
    this.requests = new RefreshRequests(refresher::ownerPass, SqsRefreshQueue::ownerIdOf);
  }

  CacheRefresherHandler(CacheRefresher refresher) {
    this(refresher, () -> {});
  }

  /**
   * @param requireConfigured throws {@link CrmNotConfiguredException} while the CRM settings are
   *     incomplete
   */
  CacheRefresherHandler(CacheRefresher refresher, Runnable requireConfigured) {
    this.refresher = refresher;
    this.requests = new RefreshRequests(refresher::ownerPass, SqsRefreshQueue::ownerIdOf);
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
    JsonNode answer;
    if (event != null && event.path("Records").isArray()) {
      answer = configured() ? onQueue(event.get("Records")) : handBack(event.get("Records"));
    } else if (event != null && event.path("pass").isTextual()) {
      // Fails the invocation; the schedule's retry policy decides whether it is tried again.
      requireConfigured.run();
      answer = onSchedule(event.get("pass").asText());
    } else {
      throw new IllegalArgumentException(
          "expected a schedule input {\"pass\":\"full\"|\"incremental\"} or an SQS event");
    }
    output.write(JSON.writeValueAsBytes(answer));
    output.flush();
  }

  private JsonNode onSchedule(String pass) {
    PassReport report =
        switch (pass) {
          case "full" -> refresher.fullPass();
          case "incremental" -> refresher.incrementalPass();
          default ->
              throw new IllegalArgumentException(
                  "unknown pass '" + pass + "': expected \"full\" or \"incremental\"");
        };
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

  private boolean configured() {
    try {
      requireConfigured.run();
      return true;
    } catch (CrmNotConfiguredException e) {
      return false;
    }
  }

  /** Every message back to the queue, untouched: Salesforce is not configured yet. */
  private JsonNode handBack(JsonNode records) {
    ObjectNode response = JSON.createObjectNode();
    ArrayNode failures = response.putArray("batchItemFailures");
    for (JsonNode record : records) {
      failures.addObject().put("itemIdentifier", record.path("messageId").asText(null));
    }
    return response;
  }

  private JsonNode onQueue(JsonNode records) {
    List<RefreshRequests.Message> messages = new ArrayList<>();
    for (JsonNode record : records) {
      messages.add(
          new RefreshRequests.Message(
              record.path("messageId").asText(null), record.path("body").asText(null)));
    }
    RefreshRequests.Outcome outcome = requests.handle(messages);
    ObjectNode response = JSON.createObjectNode();
    ArrayNode failures = response.putArray("batchItemFailures");
    outcome.failedMessageIds().forEach(id -> failures.addObject().put("itemIdentifier", id));
    return response;
  }
}
