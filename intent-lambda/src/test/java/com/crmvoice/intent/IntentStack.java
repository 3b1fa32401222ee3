package com.crmvoice.intent;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.aws.ResourceDefinitions.QueuePair;
import com.crmvoice.adapters.dynamodb.DynamoDbCommandLog;
import com.crmvoice.adapters.dynamodb.DynamoDbLeadCache;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.alexa.FakeAlexaApi;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The intent function wired as AWS wires it, on one machine: fresh tables and queues in the
 * embedded engines, the fake Salesforce, the fake Alexa API for progressive responses, and the
 * handler built from an environment map. Shared by the integration tests and the benchmark.
 */
public final class IntentStack implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  public final EmbeddedAws aws = EmbeddedAws.shared();
  public final AwsClients clients = AwsClients.fromEnv(aws.env());
  public final FakeSalesforce salesforce = FakeSalesforce.start();
  public final FakeAlexaApi alexa = FakeAlexaApi.start();
  public final String leadsTable = EmbeddedAws.uniqueName("leads");
  public final String commandsTable = EmbeddedAws.uniqueName("commands");
  public final QueuePair commandQueue;
  public final String refreshQueueUrl;
  public final Map<String, String> env = new HashMap<>();
  public final IntentStreamHandler handler;
  public final DynamoDbLeadCache cache;
  public final DynamoDbCommandLog log;

  public IntentStack(Map<String, String> overrides) {
    ResourceDefinitions.createLeadsTable(clients.dynamoDb(), leadsTable);
    ResourceDefinitions.createCommandsTable(clients.dynamoDb(), commandsTable);
    commandQueue =
        ResourceDefinitions.createQueueWithDlq(
            clients.sqs(), EmbeddedAws.uniqueName("crm-commands"), 5, 30);
    refreshQueueUrl =
        clients
            .sqs()
            .createQueue(r -> r.queueName(EmbeddedAws.uniqueName("crm-refresh")))
            .queueUrl();
    env.putAll(aws.env());
    env.put("SKILL_ID", AlexaRequests.DEFAULT_SKILL_ID);
    env.put("LEADS_TABLE", leadsTable);
    env.put("COMMANDS_TABLE", commandsTable);
    env.put("COMMAND_QUEUE_URL", commandQueue.queueUrl());
    env.put("REFRESH_QUEUE_URL", refreshQueueUrl);
    env.putAll(salesforce.clientCredentialsEnv());
    env.put("SALESFORCE_TIMEOUT_MS", "3000");
    env.put("LIVE_LOOKUP_BUDGET_MS", "2500");
    env.putAll(overrides);
    handler = new IntentStreamHandler(env);
    CacheConfig cacheConfig = CacheConfig.fromEnv(EnvironmentReader.of(env));
    cache = new DynamoDbLeadCache(clients.dynamoDb(), leadsTable, cacheConfig, Clock.systemUTC());
    log = new DynamoDbCommandLog(clients.dynamoDb(), commandsTable, Duration.ofDays(1));
  }

  /** A request from {@code token}'s user whose progressive responses go to the fake Alexa API. */
  public AlexaRequests request(AlexaRequests request, String token) {
    return request.accessToken(token).apiEndpoint(alexa.endpoint().toString());
  }

  public JsonNode invoke(AlexaRequests request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(request.toBytes()), out, null);
      JsonNode response = JSON.readTree(out.toByteArray());
      SsmlCheck.assertWellFormed(response);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String speech(JsonNode response) {
    return response.at("/response/outputSpeech/ssml").asText();
  }

  /** Every message on the queue now (received, then made visible again at once). */
  List<Message> peek(String queueUrl) {
    List<Message> all = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int wait = i == 0 ? 1 : 0;
      List<Message> batch =
          clients
              .sqs()
              .receiveMessage(
                  r ->
                      r.queueUrl(queueUrl)
                          .maxNumberOfMessages(10)
                          .messageAttributeNames("All")
                          .visibilityTimeout(30)
                          .waitTimeSeconds(wait))
              .messages();
      all.addAll(batch);
      if (batch.isEmpty()) {
        break;
      }
    }
    return all;
  }

  @Override
  public void close() {
    alexa.close();
    salesforce.close();
    clients.close();
  }
}
