package com.crmvoice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.dynamodb.TableKeys;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.WorkerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** Tables, queues, consumers, schedules, the secret and the alarms in template.yaml. */
class TemplateResourcesTest {

  private static final Template TEMPLATE = Template.load();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String tableFor(String variable) {
    String function =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.WORKER));
    return Template.target(TEMPLATE.environment(function).get(variable));
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> tables() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            tableFor(EnvironmentVariables.LEADS_TABLE), ResourceDefinitions.leadsTable("leads")),
        org.junit.jupiter.params.provider.Arguments.of(
            tableFor(EnvironmentVariables.COMMANDS_TABLE),
            ResourceDefinitions.commandsTable("commands")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void theTableIsTheOneResourceDefinitionsCreates(String tableId, CreateTableRequest code) {
    JsonNode table = TEMPLATE.properties(tableId);

    assertThat(table.path("BillingMode").asText()).isEqualTo(code.billingModeAsString());
    assertThat(keySchema(table.path("KeySchema"))).isEqualTo(keySchema(code.keySchema()));
    Map<String, String> attributes = new LinkedHashMap<>();
    table
        .path("AttributeDefinitions")
        .forEach(
            a ->
                attributes.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
    Map<String, String> codeAttributes = new LinkedHashMap<>();
    code.attributeDefinitions()
        .forEach(a -> codeAttributes.put(a.attributeName(), a.attributeTypeAsString()));
    assertThat(attributes).isEqualTo(codeAttributes);

    Map<String, String> indexes = new LinkedHashMap<>();
    table
        .path("GlobalSecondaryIndexes")
        .forEach(i -> indexes.put(i.path("IndexName").asText(), describe(i)));
    Map<String, String> codeIndexes = new LinkedHashMap<>();
    code.globalSecondaryIndexes().forEach(i -> codeIndexes.put(i.indexName(), describe(i)));
    assertThat(indexes).isEqualTo(codeIndexes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void theTableExpiresItemsByTtlAndKeepsPointInTimeRecovery(
      String tableId, CreateTableRequest code) {
    JsonNode table = TEMPLATE.properties(tableId);

    assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText())
        .isEqualTo(TableKeys.TTL_ATTRIBUTE);
    assertThat(table.at("/TimeToLiveSpecification/Enabled").asBoolean()).isTrue();
    assertThat(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean())
        .isTrue();
    assertThat(table.has("ProvisionedThroughput")).isFalse();
  }

  @Test
  void theCommandsTableHasTheOwnerIndex() {
    JsonNode indexes =
        TEMPLATE
            .properties(tableFor(EnvironmentVariables.COMMANDS_TABLE))
            .path("GlobalSecondaryIndexes");

    assertThat(indexes.findValuesAsText("IndexName")).contains(TableKeys.COMMANDS_BY_OWNER_INDEX);
  }

  /** An event source mapping with the function it feeds. */
  record Consumer(String id, JsonNode mapping, String queueId, String functionId) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Consumer> consumers() {
    List<Consumer> consumers = new ArrayList<>();
    TEMPLATE
        .resourcesOfType("AWS::Lambda::EventSourceMapping")
        .forEach(
            (id, resource) -> {
              JsonNode properties = resource.path("Properties");
              consumers.add(
                  new Consumer(
                      id,
                      properties,
                      Template.target(properties.path("EventSourceArn")),
                      Template.target(properties.path("FunctionName"))));
            });
    return consumers.stream();
  }

  @Test
  void theWorkerConsumesTheCommandQueueAndTheRefresherTheRefreshQueue() {
    Map<String, String> feeds = new LinkedHashMap<>();
    consumers().forEach(c -> feeds.put(c.queueId(), c.functionId()));
    String intent =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.INTENT));

    assertThat(feeds)
        .containsOnly(
            Map.entry(
                Template.target(
                    TEMPLATE.environment(intent).get(EnvironmentVariables.COMMAND_QUEUE_URL)),
                TEMPLATE.functionWithHandler(
                    FunctionHandlers.handler(FunctionEnvironments.WORKER))),
            Map.entry(
                Template.target(
                    TEMPLATE.environment(intent).get(EnvironmentVariables.REFRESH_QUEUE_URL)),
                TEMPLATE.functionWithHandler(
                    FunctionHandlers.handler(FunctionEnvironments.REFRESHER))),
            // The worker queues notification jobs; the notifier consumes them.
            Map.entry(
                Template.target(
                    TEMPLATE
                        .environment(
                            TEMPLATE.functionWithHandler(
                                FunctionHandlers.handler(FunctionEnvironments.WORKER)))
                        .get(EnvironmentVariables.NOTIFICATION_QUEUE_URL)),
                TEMPLATE.functionWithHandler(
                    FunctionHandlers.handler(FunctionEnvironments.NOTIFIER))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consumers")
  void theConsumerReportsPartialBatchFailuresWithinSalesforcesLimits(Consumer consumer) {
    JsonNode mapping = consumer.mapping();

    assertThat(mapping.path("FunctionResponseTypes").toString())
        .isEqualTo("[\"ReportBatchItemFailures\"]");
    int batchSize = TEMPLATE.intValue(mapping.path("BatchSize"));
    int window = TEMPLATE.intValue(mapping.path("MaximumBatchingWindowInSeconds"));
    // At most one sObject Collections call (200 records); above 10 records Lambda requires a
    // batching window of at least 1 s
    // (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).
    assertThat(batchSize).isBetween(1, 200);
    assertThat(window).isBetween(batchSize > 10 ? 1 : 0, 10);
    int concurrency = TEMPLATE.intValue(mapping.at("/ScalingConfig/MaximumConcurrency"));
    // 2 is Lambda's minimum; the cap keeps Salesforce's concurrent-request limit (25) far away.
    assertThat(concurrency).isBetween(2, 5);
  }

  /**
   * Salesforce allows 25 concurrent long-running API requests per production org
   * (https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm);
   * the worker at its highest setting must leave room for the refresher, the skill's live look-ups
   * and the org's other integrations.
   */
  @Test
  void theWorkerAtFullScaleStaysWellInsideSalesforcesConcurrentRequestLimit() {
    String worker =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.WORKER));
    JsonNode mapping =
        consumers().filter(c -> c.functionId().equals(worker)).findFirst().orElseThrow().mapping();
    JsonNode concurrency = mapping.at("/ScalingConfig/MaximumConcurrency");
    int instances =
        concurrency.has("Ref")
            ? TEMPLATE
                .root
                .path("Parameters")
                .path(concurrency.get("Ref").asText())
                .path("MaxValue")
                .asInt()
            : TEMPLATE.intValue(concurrency);
    int callsPerInstance =
        TEMPLATE.intValue(
            TEMPLATE.environment(worker).get(EnvironmentVariables.SALESFORCE_MAX_CONCURRENCY));

    assertThat(instances).isPositive();
    assertThat(instances * callsPerInstance).isLessThanOrEqualTo(25 * 4 / 5);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consumers")
  void theQueueRedrivesToADeadLetterQueueAfterTheSharedReceiveCount(Consumer consumer) {
    JsonNode redrive = TEMPLATE.properties(consumer.queueId()).path("RedrivePolicy");
    String dlq = Template.target(redrive.path("deadLetterTargetArn"));

    assertThat(redrive.path("deadLetterTargetArn").path("Fn::GetAtt").path(1).asText())
        .isEqualTo("Arn");
    assertThat(TEMPLATE.resource(dlq).path("Type").asText()).isEqualTo("AWS::SQS::Queue");
    assertThat(TEMPLATE.properties(dlq).has("RedrivePolicy")).isFalse();
    assertThat(redrive.path("maxReceiveCount").asInt())
        .isEqualTo(ResourceDefinitions.MAX_RECEIVE_COUNT);
    // The dead-letter queue keeps a message longer than its source could (14 days, the maximum).
    assertThat(TEMPLATE.intValue(TEMPLATE.properties(dlq).path("MessageRetentionPeriod")))
        .isEqualTo(1_209_600);
  }

  /**
   * The worker records a command it gives up on as FAILED on the delivery it believes is the last;
   * if that were not the queue's, a command would be FAILED while still being retried, or dead-
   * lettered while the log still says QUEUED.
   */
  @Test
  void theWorkerGivesUpOnTheDeliveryTheCommandQueuesRedrivePolicyMakesTheLast() {
    String worker =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.WORKER));
    String queue =
        consumers().filter(c -> c.functionId().equals(worker)).findFirst().orElseThrow().queueId();
    JsonNode workerSetting =
        TEMPLATE.environment(worker).get(EnvironmentVariables.COMMAND_MAX_RECEIVE_COUNT);

    assertThat(workerSetting)
        .as(EnvironmentVariables.COMMAND_MAX_RECEIVE_COUNT + " in the worker")
        .isNotNull();
    assertThat(TEMPLATE.intValue(workerSetting))
        .isEqualTo(
            TEMPLATE.intValue(TEMPLATE.properties(queue).at("/RedrivePolicy/maxReceiveCount")))
        .isEqualTo(WorkerConfig.DEFAULT_MAX_RECEIVE_COUNT)
        .isEqualTo(ResourceDefinitions.MAX_RECEIVE_COUNT);
  }

  /**
   * The worker defers a message the open circuit refuses only when the queue's own visibility
   * timeout would bring it back while the circuit is still open; that needs the queue's real one.
   */
  @Test
  void theWorkerKnowsTheCommandQueuesVisibilityTimeout_andItOutlastsTheOpenCircuit() {
    String worker =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.WORKER));
    String queue =
        consumers().filter(c -> c.functionId().equals(worker)).findFirst().orElseThrow().queueId();
    JsonNode visibility =
        TEMPLATE.environment(worker).get(EnvironmentVariables.COMMAND_QUEUE_VISIBILITY_SECONDS);
    JsonNode open = TEMPLATE.environment(worker).get(EnvironmentVariables.CIRCUIT_OPEN_SECONDS);

    assertThat(visibility).as(EnvironmentVariables.COMMAND_QUEUE_VISIBILITY_SECONDS).isNotNull();
    assertThat(TEMPLATE.intValue(visibility))
        .isEqualTo(TEMPLATE.intValue(TEMPLATE.properties(queue).path("VisibilityTimeout")))
        .isGreaterThan(TEMPLATE.intValue(open));
    assertThat(
            Template.target(
                TEMPLATE.environment(worker).get(EnvironmentVariables.COMMAND_QUEUE_URL)))
        .isEqualTo(queue);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consumers")
  void theVisibilityTimeoutIsSixFunctionTimeoutsPlusTheBatchingWindow(Consumer consumer) {
    int timeout = TEMPLATE.intValue(TEMPLATE.functionProperty(consumer.functionId(), "Timeout"));
    int window = TEMPLATE.intValue(consumer.mapping().path("MaximumBatchingWindowInSeconds"));
    int visibility =
        TEMPLATE.intValue(TEMPLATE.properties(consumer.queueId()).path("VisibilityTimeout"));

    assertThat(visibility).isGreaterThanOrEqualTo(6 * timeout + window).isLessThanOrEqualTo(43_200);
  }

  @Test
  void theWorkersLeaseOutlivesAnInvocationAndEndsBeforeRedelivery() {
    String worker =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.WORKER));
    int timeout = TEMPLATE.intValue(TEMPLATE.functionProperty(worker, "Timeout"));
    int lease =
        TEMPLATE.intValue(
            TEMPLATE.environment(worker).get(EnvironmentVariables.WORKER_LEASE_SECONDS));
    String queue =
        consumers().filter(c -> c.functionId().equals(worker)).findFirst().orElseThrow().queueId();
    int visibility = TEMPLATE.intValue(TEMPLATE.properties(queue).path("VisibilityTimeout"));

    assertThat(lease).isGreaterThan(timeout).isLessThan(visibility);
  }

  @Test
  void bothDeadLetterQueuesRaiseAnAlarmWhenAMessageArrives() {
    Set<String> watched = new LinkedHashSet<>();
    TEMPLATE
        .resourcesOfType("AWS::CloudWatch::Alarm")
        .values()
        .forEach(
            alarm -> {
              JsonNode p = alarm.path("Properties");
              if (p.path("MetricName").asText().equals("ApproximateNumberOfMessagesVisible")) {
                assertThat(p.path("Namespace").asText()).isEqualTo("AWS/SQS");
                assertThat(p.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
                assertThat(p.path("Threshold").asInt()).isZero();
                assertThat(p.path("AlarmActions")).isNotEmpty();
                JsonNode dimension = p.path("Dimensions").get(0);
                assertThat(dimension.path("Name").asText()).isEqualTo("QueueName");
                assertThat(dimension.at("/Value/Fn::GetAtt/1").asText()).isEqualTo("QueueName");
                watched.add(Template.target(dimension.path("Value")));
              }
            });
    Set<String> deadLetterQueues = new LinkedHashSet<>();
    consumers()
        .forEach(
            c ->
                deadLetterQueues.add(
                    Template.target(
                        TEMPLATE
                            .properties(c.queueId())
                            .at("/RedrivePolicy/deadLetterTargetArn"))));

    assertThat(watched).isEqualTo(deadLetterQueues).hasSize(3);
  }

  @Test
  void workerErrorsRaiseAnAlarm() {
    String worker =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.WORKER));

    assertThat(TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").values())
        .anySatisfy(
            alarm -> {
              JsonNode p = alarm.path("Properties");
              assertThat(p.path("Namespace").asText()).isEqualTo("AWS/Lambda");
              assertThat(p.path("MetricName").asText()).isEqualTo("Errors");
              assertThat(Template.target(p.path("Dimensions").get(0).path("Value")))
                  .isEqualTo(worker);
            });
  }

  @Test
  void anOpenCircuitInTheWorkersBatchLineRaisesAnAlarm() throws IOException {
    String worker =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.WORKER));
    String workerLogGroup =
        Template.target(TEMPLATE.properties(worker).at("/LoggingConfig/LogGroup"));
    String handler =
        Files.readString(
            TEMPLATE.repositoryRoot.resolve(
                "crm-worker/src/main/java/com/crmvoice/worker/CrmWorkerHandler.java"));
    assertThat(handler).contains("circuit={}").contains("crm.circuitState()");

    JsonNode filter =
        TEMPLATE
            .resourcesOfType("AWS::Logs::MetricFilter")
            .values()
            .iterator()
            .next()
            .path("Properties");
    assertThat(Template.target(filter.path("LogGroupName"))).isEqualTo(workerLogGroup);
    String pattern = filter.path("FilterPattern").asText();
    assertThat(pattern).isEqualTo("\"circuit=OPEN\"");
    String term = pattern.substring(1, pattern.length() - 1);
    // resilience4j's CircuitBreaker.State names, as the batch line prints them.
    assertThat("batch messages=3 created=0 failed=3 circuit=OPEN").contains(term);
    assertThat("batch messages=3 created=3 failed=0 circuit=HALF_OPEN").doesNotContain(term);
    assertThat("batch messages=3 created=3 failed=0 circuit=CLOSED").doesNotContain(term);

    JsonNode metric = filter.path("MetricTransformations").get(0);
    assertThat(TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").values())
        .anySatisfy(
            alarm -> {
              JsonNode p = alarm.path("Properties");
              assertThat(p.path("Namespace").asText())
                  .isEqualTo(metric.path("MetricNamespace").asText());
              assertThat(p.path("MetricName").asText())
                  .isEqualTo(metric.path("MetricName").asText());
              assertThat(p.path("AlarmActions")).isNotEmpty();
            });
  }

  @Test
  void theLeadAndAgendaPassesAreScheduledThroughARoleThatMayOnlyInvokeTheRefresher() {
    String refresher =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.REFRESHER));
    Map<String, JsonNode> schedules = TEMPLATE.resourcesOfType("AWS::Scheduler::Schedule");
    Set<String> passes = new LinkedHashSet<>();

    for (JsonNode schedule : schedules.values()) {
      JsonNode target = schedule.at("/Properties/Target");
      assertThat(Template.target(target.path("Arn"))).isEqualTo(refresher);
      passes.add(readJson(target.path("Input").asText()).path("pass").asText());
      JsonNode role = TEMPLATE.resource(Template.target(target.path("RoleArn")));
      assertThat(role.path("Type").asText()).isEqualTo("AWS::IAM::Role");
      assertThat(
              role.at("/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service")
                  .asText())
          .isEqualTo("scheduler.amazonaws.com");
      JsonNode statements = role.at("/Properties/Policies/0/PolicyDocument/Statement");
      assertThat(statements).hasSize(1);
      assertThat(statements.get(0).path("Action").asText()).isEqualTo("lambda:InvokeFunction");
      assertThat(Template.target(statements.get(0).path("Resource"))).isEqualTo(refresher);
    }

    assertThat(passes)
        .containsExactlyInAnyOrder(
            "full",
            "incremental",
            "agenda-full",
            "agenda-incremental",
            "deals-full",
            "deals-incremental");
  }

  @Test
  void theSecretsHoldNoCredentialOnlyTheKeysTheSettingsRead() {
    Map<String, JsonNode> secrets = TEMPLATE.resourcesOfType("AWS::SecretsManager::Secret");
    assertThat(secrets).containsOnlyKeys("SalesforceSecret", "AlexaSkillSecret");

    assertThat(emptyKeys(secrets.get("SalesforceSecret")))
        .allSatisfy(key -> assertThat(key).startsWith("SALESFORCE_"))
        .contains(
            EnvironmentVariables.SALESFORCE_CLIENT_ID, EnvironmentVariables.SALESFORCE_USERNAME)
        .containsAll(List.of(EnvironmentVariables.SALESFORCE_PRIVATE_KEY));
    // AlexaSettings reads the skill's client id and secret from its own secret.
    assertThat(emptyKeys(secrets.get("AlexaSkillSecret")))
        .containsExactlyInAnyOrder(
            EnvironmentVariables.ALEXA_CLIENT_ID, EnvironmentVariables.ALEXA_CLIENT_SECRET);
  }

  private static List<String> emptyKeys(JsonNode resource) {
    JsonNode secret = readJson(resource.at("/Properties/SecretString").asText());
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = secret.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      keys.add(field.getKey());
      assertThat(field.getValue().asText()).as(field.getKey()).isEmpty();
    }
    return keys;
  }

  @Test
  void noCredentialIsWrittenInTheTemplate() throws IOException {
    String text = Files.readString(TEMPLATE.repositoryRoot.resolve("template.yaml"));

    assertThat(text).doesNotContain("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY");
    assertThat(text).doesNotContainPattern("3MVG9[A-Za-z0-9._]{20,}"); // a connected app's key
    assertThat(text)
        .doesNotContainPattern("(?i)(password|secret)\\s*[:=]\\s*[\"']?[A-Za-z0-9]{8,}");
  }

  @Test
  void everyReferenceNamesAParameterAResourceOrAPseudoParameter() {
    Set<String> known = new LinkedHashSet<>(Intrinsics.PSEUDO_PARAMETERS);
    TEMPLATE.root.path("Parameters").fieldNames().forEachRemaining(known::add);
    TEMPLATE.root.path("Conditions").fieldNames().forEachRemaining(known::add);
    TEMPLATE.resources().fieldNames().forEachRemaining(known::add);
    TEMPLATE
        .resourcesOfType("AWS::Serverless::Function")
        .forEach(
            (id, function) -> {
              if (function.path("Properties").has("AutoPublishAlias")) {
                known.add(id + ".Alias");
                known.add(id + ".Version");
              }
            });

    Set<String> references = Intrinsics.references(TEMPLATE.root);

    assertThat(references).isNotEmpty();
    assertThat(references)
        .allSatisfy(
            name ->
                assertThat(
                        known.contains(name)
                            || known.contains(name.substring(0, Math.max(0, name.indexOf('.')))))
                    .as(name)
                    .isTrue());
  }

  @Test
  void theOutputsGiveTheSkillEndpointQueuesTablesAndSecret() {
    assertThat(TEMPLATE.root.path("Outputs").fieldNames())
        .toIterable()
        .contains(
            "IntentFunctionAliasArn",
            "CommandQueueUrl",
            "CommandDeadLetterQueueUrl",
            "RefreshQueueUrl",
            "LeadsTableName",
            "CommandsTableName",
            "SalesforceSecretArn");
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static List<String> keySchema(JsonNode keySchema) {
    List<String> keys = new ArrayList<>();
    keySchema.forEach(
        k -> keys.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
    return keys;
  }

  private static List<String> keySchema(List<KeySchemaElement> keySchema) {
    return keySchema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
  }

  private static String describe(JsonNode index) {
    List<String> nonKey = new ArrayList<>();
    index.at("/Projection/NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
    return keySchema(index.path("KeySchema"))
        + " "
        + index.at("/Projection/ProjectionType").asText()
        + " "
        + nonKey.stream().sorted().toList();
  }

  private static String describe(GlobalSecondaryIndex index) {
    return keySchema(index.keySchema())
        + " "
        + index.projection().projectionTypeAsString()
        + " "
        + index.projection().nonKeyAttributes().stream().sorted().toList();
  }
}
