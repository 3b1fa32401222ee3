package com.crmvoice.adapters.aws;

import static com.crmvoice.adapters.dynamodb.TableKeys.COMMANDS_BY_OWNER_INDEX;
import static com.crmvoice.adapters.dynamodb.TableKeys.COMMANDS_OWNER;
import static com.crmvoice.adapters.dynamodb.TableKeys.COMMANDS_PK;
import static com.crmvoice.adapters.dynamodb.TableKeys.COMMANDS_REQUESTED_AT;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_BY_LEAD_ID_INDEX;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_OWNERS_INDEX;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_OWNERS_PROJECTED;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_PK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEADS_SK;
import static com.crmvoice.adapters.dynamodb.TableKeys.LEAD_ID;
import static com.crmvoice.adapters.dynamodb.TableKeys.META_OWNER;
import static com.crmvoice.adapters.dynamodb.TableKeys.TTL_ATTRIBUTE;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The tables and queues, defined once: tests, the simulator and the checks on template.yaml all
 * read these definitions (the tables' key names are {@link
 * com.crmvoice.adapters.dynamodb.TableKeys}).
 */
public final class ResourceDefinitions {

  private ResourceDefinitions() {}

  /** Queue settings shared with template.yaml. */
  public static final int MAX_RECEIVE_COUNT = 5;

  public static CreateTableRequest leadsTable(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attr(LEADS_PK), attr(LEADS_SK), attr(LEAD_ID), attr(META_OWNER))
        .keySchema(hash(LEADS_PK), range(LEADS_SK))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder()
                .indexName(LEADS_BY_LEAD_ID_INDEX)
                .keySchema(hash(LEAD_ID))
                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                .build(),
            GlobalSecondaryIndex.builder()
                .indexName(LEADS_OWNERS_INDEX)
                .keySchema(hash(META_OWNER))
                .projection(
                    Projection.builder()
                        .projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes(LEADS_OWNERS_PROJECTED)
                        .build())
                .build())
        .build();
  }

  public static CreateTableRequest commandsTable(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attr(COMMANDS_PK), attr(COMMANDS_OWNER), attr(COMMANDS_REQUESTED_AT))
        .keySchema(hash(COMMANDS_PK))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder()
                .indexName(COMMANDS_BY_OWNER_INDEX)
                .keySchema(hash(COMMANDS_OWNER), range(COMMANDS_REQUESTED_AT))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build())
        .build();
  }

  public static void createLeadsTable(DynamoDbClient dynamoDb, String name) {
    create(dynamoDb, leadsTable(name));
  }

  public static void createCommandsTable(DynamoDbClient dynamoDb, String name) {
    create(dynamoDb, commandsTable(name));
  }

  /** A queue's URL with its dead-letter queue's URL and ARN. */
  public record QueuePair(String queueUrl, String dlqUrl, String dlqArn) {}

  /**
   * Creates {@code name} and {@code name-dlq}, the first redriving to the second after {@code
   * maxReceiveCount} receives.
   */
  public static QueuePair createQueueWithDlq(
      SqsClient sqs, String name, int maxReceiveCount, int visibilitySeconds) {
    String dlqUrl =
        sqs.createQueue(
                r ->
                    r.queueName(name + "-dlq")
                        .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")))
            .queueUrl();
    String dlqArn =
        sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String redrive =
        "{\"deadLetterTargetArn\":\""
            + dlqArn
            + "\",\"maxReceiveCount\":\""
            + maxReceiveCount
            + "\"}";
    String queueUrl =
        sqs.createQueue(
                r ->
                    r.queueName(name)
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(visibilitySeconds),
                                QueueAttributeName.REDRIVE_POLICY,
                                redrive)))
            .queueUrl();
    return new QueuePair(queueUrl, dlqUrl, dlqArn);
  }

  private static void create(DynamoDbClient dynamoDb, CreateTableRequest request) {
    dynamoDb.createTable(request);
    dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(request.tableName()));
    dynamoDb.updateTimeToLive(
        r ->
            r.tableName(request.tableName())
                .timeToLiveSpecification(t -> t.attributeName(TTL_ATTRIBUTE).enabled(true)));
  }

  private static AttributeDefinition attr(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }

  /** All key attribute names of both tables (for checks on template.yaml). */
  public static List<String> keyAttributes() {
    return List.of(
        LEADS_PK,
        LEADS_SK,
        LEAD_ID,
        META_OWNER,
        COMMANDS_PK,
        COMMANDS_OWNER,
        COMMANDS_REQUESTED_AT);
  }
}
