package com.crmvoice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** template.yaml against the AWS SAM schema and the CloudFormation resource schemas. */
class TemplateSchemaTest {

  private static final Template TEMPLATE = Template.load();

  @ParameterizedTest(name = "conditions hold: {0}")
  @ValueSource(booleans = {true, false})
  void theTemplateIsValidAgainstTheSamSchema(boolean conditionsHold) {
    JsonNode resolved = new Intrinsics(TEMPLATE.root, conditionsHold).resolve(TEMPLATE.root);

    assertThat(Schemas.samErrors(resolved)).isEmpty();
  }

  @ParameterizedTest(name = "conditions hold: {0}")
  @ValueSource(booleans = {true, false})
  void queuesAndTablesAreValidAgainstTheirResourceSchemas(boolean conditionsHold) {
    Intrinsics intrinsics = new Intrinsics(TEMPLATE.root, conditionsHold);
    int checked = 0;
    for (String type : Schemas.RESOURCE_SCHEMAS.keySet()) {
      for (Map.Entry<String, JsonNode> resource : TEMPLATE.resourcesOfType(type).entrySet()) {
        JsonNode properties = intrinsics.resolve(resource.getValue().path("Properties"));
        assertThat(Schemas.resourceErrors(type, properties)).as(resource.getKey()).isEmpty();
        checked++;
      }
    }
    assertThat(checked).as("6 queues and 2 tables").isEqualTo(8);
  }

  @Test
  void theSamSchemaRejectsAnUnknownFunctionProperty() {
    Template broken =
        Template.of(
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B::handleRequest
                  Runtime: java21
                  CodeUri: x.jar
                  MemorySizeMb: 512
            """);

    assertThat(Schemas.samErrors(new Intrinsics(broken.root, true).resolve(broken.root)))
        .isNotEmpty();
  }

  @Test
  void theSamSchemaRejectsAnAlexaEventWithoutItsShape() {
    Template broken =
        Template.of(
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B::handleRequest
                  Runtime: java21
                  CodeUri: x.jar
                  Events:
                    Skill:
                      Type: AlexaSkill
                      Properties:
                        SkillIdentifier: amzn1.ask.skill.1
            """);

    assertThat(Schemas.samErrors(new Intrinsics(broken.root, true).resolve(broken.root)))
        .isNotEmpty();
  }

  @Test
  void theQueueSchemaRejectsAWrongTypeAnOutOfRangeValueAndAReadOnlyProperty() {
    JsonNode properties =
        CloudFormationYaml.parse(
            """
            VisibilityTimeout: !Sub "${AWS::StackName}"
            MessageRetentionPeriod: 30
            Arn: arn:aws:sqs:us-east-1:1:q
            """);

    assertThat(
            Schemas.resourceErrors(
                "AWS::SQS::Queue", new Intrinsics(properties, true).resolve(properties)))
        .hasSize(3);
  }

  @Test
  void theTableSchemaRejectsAMisspeltProjectionAndAnUnknownAttributeType() {
    JsonNode properties =
        CloudFormationYaml.parse(
            """
            BillingMode: PAY_PER_REQUEST
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            AttributeDefinitions: [{AttributeName: id, AttributeType: STRING}]
            GlobalSecondaryIndexes:
              - IndexName: x
                KeySchema: [{AttributeName: id, KeyType: HASH}]
                Projection: {Type: ALL}
            """);

    assertThat(Schemas.resourceErrors("AWS::DynamoDB::Table", properties))
        .anySatisfy(error -> assertThat(error).contains("AttributeType"))
        .anySatisfy(error -> assertThat(error).contains("Type"))
        .hasSize(2);
  }

  @Test
  void aRefToANumberParameterResolvesToItsDefaultNumber() {
    Template template =
        Template.of(
            """
            Parameters:
              N: {Type: Number, Default: 7}
            Resources:
              Q: {Type: AWS::SQS::Queue, Properties: {DelaySeconds: !Ref N, QueueName: !If [C, a, !Ref AWS::NoValue]}}
            """);

    JsonNode whenTrue = new Intrinsics(template.root, true).resolve(template.root);
    JsonNode whenFalse = new Intrinsics(template.root, false).resolve(template.root);

    assertThat(whenTrue.at("/Resources/Q/Properties/DelaySeconds").asInt()).isEqualTo(7);
    assertThat(whenTrue.at("/Resources/Q/Properties/QueueName").asText()).isEqualTo("a");
    assertThat(whenFalse.at("/Resources/Q/Properties").has("QueueName")).isFalse();
  }
}
