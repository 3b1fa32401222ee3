package com.crmvoice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.FunctionEnvironments.FunctionEnvironment;
import com.crmvoice.deployment.IamStatements.Grant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege in template.yaml: policy templates, wildcards, which resources each role reaches.
 */
class TemplateIamTest {

  private static final Template TEMPLATE = Template.load();

  static Stream<FunctionEnvironment> functions() {
    return FunctionEnvironments.ALL.stream();
  }

  @Test
  void everyPolicyTemplateExistsAndGetsExactlyItsParameters() {
    Map<String, List<String>> known = Schemas.policyTemplates();
    int used = 0;
    for (var function : TEMPLATE.resourcesOfType("AWS::Serverless::Function").entrySet()) {
      for (var template : IamStatements.policyTemplatesUsed(function.getValue()).entrySet()) {
        assertThat(known).as(function.getKey()).containsKey(template.getKey());
        List<String> given = new ArrayList<>();
        template.getValue().fieldNames().forEachRemaining(given::add);
        assertThat(given)
            .as(function.getKey() + " " + template.getKey())
            .containsExactlyInAnyOrderElementsOf(known.get(template.getKey()));
        used++;
      }
    }
    assertThat(used).isPositive();
  }

  @Test
  void noWildcardWithoutAReasonNextToIt() {
    assertThat(unjustifiedWildcards(TEMPLATE)).isEmpty();
  }

  @Test
  void theWildcardRuleCatchesAnUnjustifiedWildcardInAStatementOrAPolicyTemplate() {
    Template broad =
        Template.of(
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - DynamoDBReadPolicy:
                        TableName: t
                    - Statement:
                        - Sid: Everything
                          Effect: Allow
                          Action: dynamodb:*
                          Resource: "*"
              Role:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: p
                      PolicyDocument:
                        Statement:
                          - Sid: AllTables
                            Effect: Allow
                            Action: dynamodb:GetItem
                            Resource: !Sub "arn:${AWS::Partition}:dynamodb:*:*:table/*"
            """);

    assertThat(unjustifiedWildcards(broad))
        .containsExactlyInAnyOrder(
            "Fn/DynamoDBReadPolicy: resource arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*",
            "Fn/Everything: action dynamodb:*",
            "Fn/Everything: resource *",
            "Role/AllTables: resource arn:${AWS::Partition}:dynamodb:*:*:table/*");
  }

  @Test
  void aWildcardWithItsReasonInMetadataIsAccepted() {
    Template justified =
        Template.of(
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Metadata:
                  WildcardJustifications:
                    PutMetrics: cloudwatch:PutMetricData has no resource-level permissions.
                Properties:
                  Policies:
                    - Statement:
                        - Sid: PutMetrics
                          Effect: Allow
                          Action: cloudwatch:PutMetricData
                          Resource: "*"
            """);

    assertThat(unjustifiedWildcards(justified)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void aFunctionReachesOnlyTheResourcesItsConfigurationNames(FunctionEnvironment function) {
    String id = TEMPLATE.functionWithHandler(FunctionHandlers.handler(function));
    Set<String> named = new LinkedHashSet<>();
    TEMPLATE.environment(id).values().forEach(value -> addTarget(named, value));
    TEMPLATE
        .resourcesOfType("AWS::Lambda::EventSourceMapping")
        .values()
        .forEach(
            mapping -> {
              JsonNode p = mapping.path("Properties");
              if (id.equals(Template.target(p.path("FunctionName")))) {
                addTarget(named, p.path("EventSourceArn"));
              }
            });

    Set<String> reached = new LinkedHashSet<>();
    for (Grant grant : IamStatements.of(TEMPLATE)) {
      if (grant.resourceId().equals(id)) {
        reached.addAll(Intrinsics.references(grant.statement().path("Resource")));
      }
    }
    JsonNode policies = TEMPLATE.properties(id).path("Policies");
    for (Map.Entry<String, JsonNode> template :
        IamStatements.policyTemplatesUsed(TEMPLATE.resource(id)).entrySet()) {
      template.getValue().elements().forEachRemaining(value -> addTarget(reached, value));
    }
    Set<String> reachedResources = new LinkedHashSet<>();
    for (String name : reached) {
      String resource = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      if (TEMPLATE.resources().has(resource)) {
        reachedResources.add(resource);
      }
    }

    assertThat(policies).isNotEmpty();
    assertThat(reachedResources).isEqualTo(named);
  }

  /**
   * The worker's handler returns messages the open circuit refuses with ChangeMessageVisibility:
   * granted in a statement of its own on the command queue, not left to the poller policy, whose
   * actions belong to the event source mapping.
   */
  @Test
  void theWorkerMayDeferTheCommandQueuesMessagesInAStatementOfItsOwn() {
    String worker =
        TEMPLATE.functionWithHandler(FunctionHandlers.handler(FunctionEnvironments.WORKER));

    assertThat(IamStatements.of(TEMPLATE))
        .filteredOn(g -> g.resourceId().equals(worker))
        .filteredOn(g -> !g.name().equals("SQSPollerPolicy"))
        .anySatisfy(
            g -> {
              assertThat(IamActions.actions(g.statement())).contains("sqs:ChangeMessageVisibility");
              assertThat(Intrinsics.references(g.statement().path("Resource")))
                  .containsExactly("CommandQueue.Arn");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void noFunctionMayChangeATableOrAQueueItself(FunctionEnvironment function) {
    String id = TEMPLATE.functionWithHandler(FunctionHandlers.handler(function));
    List<String> actions = new ArrayList<>();
    for (Grant grant : IamStatements.of(TEMPLATE)) {
      if (grant.resourceId().equals(id)) {
        JsonNode action = grant.statement().path("Action");
        if (action.isArray()) {
          action.forEach(a -> actions.add(a.asText()));
        } else {
          actions.add(action.asText());
        }
      }
    }

    assertThat(actions)
        .isNotEmpty()
        .noneMatch(
            a ->
                a.matches(
                    "dynamodb:(Create|Delete|Update)Table.*|sqs:(CreateQueue|DeleteQueue|SetQueueAttributes|PurgeQueue)|secretsmanager:(Put|Update|Delete).*"));
  }

  private static void addTarget(Set<String> names, JsonNode value) {
    String target = Template.target(value);
    if (target != null && TEMPLATE.resources().has(target)) {
      names.add(target);
    }
  }

  /** "resource/statement: what" for each wildcard not explained in the resource's Metadata. */
  static List<String> unjustifiedWildcards(Template template) {
    List<String> found = new ArrayList<>();
    for (Grant grant : IamStatements.of(template)) {
      JsonNode reasons =
          template.resource(grant.resourceId()).path("Metadata").path("WildcardJustifications");
      String reason = reasons.path(grant.name()).asText("");
      if (!reason.isBlank()) {
        continue;
      }
      for (String wildcard : IamStatements.wildcards(grant.statement())) {
        found.add(grant.resourceId() + "/" + grant.name() + ": " + wildcard);
      }
    }
    return found;
  }
}
