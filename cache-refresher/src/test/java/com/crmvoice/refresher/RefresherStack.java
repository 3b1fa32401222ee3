package com.crmvoice.refresher;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.aws.ResourceDefinitions.QueuePair;
import com.crmvoice.adapters.dynamodb.DynamoDbLeadCache;
import com.crmvoice.adapters.dynamodb.DynamoDbWatermarkStore;
import com.crmvoice.adapters.sqs.SqsRefreshQueue;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.port.LeadCache.Snapshot;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.aws.LocalSqsEventSource;
import com.crmvoice.testkit.aws.QueueDepth;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import com.crmvoice.testkit.lambda.LambdaEvents;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The refresher wired as AWS wires it, on one machine: a fresh leads table and refresh queue in the
 * embedded engines, the fake Salesforce (or the fake Dataverse with the CRM "dynamics"), the
 * handler built from an environment map, invoked with the JSON a schedule or the SQS event source
 * would hand it. Shared by the ITs and the benchmark.
 */
public final class RefresherStack implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  public static final int TOP_N = 5;

  public final AwsTestEnvironment aws;
  public final AwsClients clients;

  /** The fake Salesforce; null on Dynamics. */
  public final FakeSalesforce salesforce;

  /** The fake Dataverse on Dynamics; null on Salesforce. */
  public final FakeDataverse dataverse;

  public final String leadsTable = EmbeddedAws.uniqueName("leads");
  public final QueuePair queue;
  public final Map<String, String> env = new HashMap<>();
  public final CacheRefresherHandler handler;
  public final DynamoDbLeadCache cache;
  public final DynamoDbWatermarkStore watermarks;
  public final SqsRefreshQueue refreshQueue;
  public final List<SQSBatchResponse> batchResponses = new ArrayList<>();
  public final LocalSqsEventSource eventSource;

  public RefresherStack(Map<String, String> overrides) {
    this(EmbeddedAws.shared(), overrides);
  }

  /** The same stack against another AWS environment (LocalStack). */
  public RefresherStack(AwsTestEnvironment aws, Map<String, String> overrides) {
    this(aws, overrides, "salesforce");
  }

  /** The stack against {@code crm}: "salesforce" or "dynamics" (the CRM setting). */
  public RefresherStack(Map<String, String> overrides, String crm) {
    this(EmbeddedAws.shared(), overrides, crm);
  }

  private RefresherStack(AwsTestEnvironment aws, Map<String, String> overrides, String crm) {
    boolean dynamics = crm.equals("dynamics");
    this.salesforce = dynamics ? null : FakeSalesforce.start();
    this.dataverse = dynamics ? FakeDataverse.start() : null;
    this.aws = aws;
    this.clients = AwsClients.fromEnv(aws.env());
    ResourceDefinitions.createLeadsTable(clients.dynamoDb(), leadsTable);
    queue =
        ResourceDefinitions.createQueueWithDlq(
            clients.sqs(), EmbeddedAws.uniqueName("crm-refresh"), 3, 1);
    env.putAll(aws.env());
    env.put("LEADS_TABLE", leadsTable);
    env.put("REFRESH_QUEUE_URL", queue.queueUrl());
    if (dynamics) {
      env.putAll(dataverse.env());
      env.put("DYNAMICS_TIMEOUT_MS", "10000");
    } else {
      env.putAll(salesforce.clientCredentialsEnv());
      env.put("SALESFORCE_TIMEOUT_MS", "10000");
    }
    env.put("LEAD_CACHE_TOP_N", Integer.toString(TOP_N));
    env.putAll(overrides);
    handler = new CacheRefresherHandler(env);
    cache =
        new DynamoDbLeadCache(
            clients.dynamoDb(),
            leadsTable,
            new CacheConfig(TOP_N, Duration.ofHours(72)),
            Clock.systemUTC());
    watermarks = new DynamoDbWatermarkStore(clients.dynamoDb(), leadsTable);
    refreshQueue = new SqsRefreshQueue(clients.sqs(), queue.queueUrl());
    eventSource =
        new LocalSqsEventSource(
            clients.sqs(),
            queue.queueUrl(),
            event -> {
              SQSBatchResponse response =
                  LambdaEvents.batchResponse(invoke(LambdaEvents.sqsEventJson(event)));
              synchronized (batchResponses) {
                batchResponses.add(response);
              }
              return response;
            },
            10,
            0);
  }

  /** Invokes the handler as the schedule does; answers the pass's figures. */
  public JsonNode pass(String pass) {
    try {
      return JSON.readTree(invoke(LambdaEvents.scheduledInput(pass)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Invokes the handler with a raw event; answers its raw output. */
  public String invoke(String event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** An owner's cached lead ids, oldest first; null when the owner was never refreshed. */
  public List<String> cachedIds(String ownerId) {
    Snapshot snapshot = cache.topLeads(ownerId, TOP_N);
    if (snapshot instanceof Snapshot.Known known) {
      return known.leads().stream().map(Lead::id).toList();
    }
    return null;
  }

  /** What the cache should hold for the owner: their oldest open leads in the fake. */
  @SuppressWarnings("unchecked")
  public List<String> expectedIds(String ownerId) {
    return salesforce.leads().stream()
        .filter(l -> ownerId.equals(l.get("OwnerId")))
        .filter(l -> !Boolean.TRUE.equals(l.get("IsConverted")))
        .filter(l -> !FakeSalesforce.CLOSED_STATUSES.contains(l.get("Status")))
        .sorted(
            Comparator.comparing((Map<String, Object> l) -> (Instant) l.get("CreatedDate"))
                .thenComparing(l -> (String) l.get("Id")))
        .limit(TOP_N)
        .map(l -> (String) l.get("Id"))
        .toList();
  }

  /** Every owner id the fake holds leads for. */
  public Set<String> crmOwners() {
    Set<String> owners = new HashSet<>();
    salesforce.leads().forEach(l -> owners.add((String) l.get("OwnerId")));
    return owners;
  }

  /** The owners with a cache item written at or after {@code since} (by its refreshedAt). */
  public Set<String> ownersWrittenSince(Instant since) {
    Set<String> owners = new HashSet<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page =
          clients
              .dynamoDb()
              .scan(ScanRequest.builder().tableName(leadsTable).exclusiveStartKey(from).build());
      for (Map<String, AttributeValue> item : page.items()) {
        AttributeValue refreshed = item.get("refreshedAt");
        if (refreshed != null && !Instant.parse(refreshed.s()).isBefore(since)) {
          owners.add(item.get("ownerId").s());
        }
      }
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return owners;
  }

  public int queueDepth(String url) {
    return QueueDepth.of(clients.sqs(), url).total();
  }

  @Override
  public void close() {
    eventSource.close();
    if (salesforce != null) {
      salesforce.close();
    }
    if (dataverse != null) {
      dataverse.close();
    }
    clients.close();
  }
}
