package com.crmvoice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.FunctionEnvironments.FunctionEnvironment;
import com.crmvoice.deployment.IamStatements.Grant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each function's role allows what its code really calls: the AWS operations testkit's
 * AwsOperationRecorder saw the function's code call in the Lambda modules' tests (written to {@code
 * <module>/target/aws-operations/<function>.txt}), mapped to IAM actions, against the function's
 * statements and expanded SAM policy templates. Granted actions no test called are printed as a
 * warning, not failed: a test may not reach every path (Secrets Manager has no embedded engine
 * here), and the queue poller's actions are used by the event source mapping, not by the code.
 * Resource scoping is TemplateIamTest's; this checks actions only.
 */
class TemplateIamCoversRecordedCallsTest {

  private static final Template TEMPLATE = Template.load();

  /** Used by Lambda's event source mapping on the role's behalf, never by the handler's code. */
  private static final String EVENT_SOURCE_POLICY = "SQSPollerPolicy";

  static Stream<FunctionEnvironment> functions() {
    return FunctionEnvironments.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void theRoleAllowsEveryOperationTheFunctionsCodeCalledInTheTests(FunctionEnvironment function) {
    Optional<Set<String>> recorded = recorded(TEMPLATE.repositoryRoot, function.name());
    assumeTrue(
        recorded.isPresent(),
        () ->
            "no AWS operations recorded for the "
                + function.name()
                + " function (no */target/aws-operations/"
                + function.name()
                + ".txt): run `mvn verify` from the repository root, which runs the Lambda"
                + " modules' integration tests before this module");
    String id = TEMPLATE.functionWithHandler(FunctionHandlers.handler(function));

    List<String> unused = unused(TEMPLATE, id, recorded.get());
    if (!unused.isEmpty()) {
      System.out.println(
          "WARNING: "
              + id
              + " is granted actions its code did not call in the tests (unused, or a path the"
              + " tests do not reach): "
              + unused);
    }
    assertThat(missing(TEMPLATE, id, recorded.get()))
        .as(
            "IAM actions the %s function's code calls (recorded: %s) that %s's policies do not"
                + " allow in template.yaml",
            function.name(), recorded.get(), id)
        .isEmpty();
  }

  @Test
  void findsTheActionsARoleLacks_countingPolicyTemplatesPatternsAndDenies() {
    Template template =
        Template.of(
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - SQSSendMessagePolicy:
                        QueueName: q
                    - Statement:
                        - Sid: Reads
                          Effect: Allow
                          Action: [dynamodb:GetItem, "dynamodb:query*", dynamodb:DeleteItem]
                          Resource: arn:aws:dynamodb:us-east-1:1:table/t
                        - Sid: NoDeletes
                          Effect: Deny
                          Action: dynamodb:DeleteItem
                          Resource: arn:aws:dynamodb:us-east-1:1:table/t
            """);
    Set<String> recorded =
        Set.of(
            "DynamoDb:GetItem",
            "DynamoDb:Query",
            "Sqs:SendMessageBatch",
            "DynamoDb:BatchWriteItem",
            "DynamoDb:DeleteItem",
            "DynamoDb:TransactWriteItems.ConditionCheck",
            "DynamoDb:TransactWriteItems.Put");

    assertThat(missing(template, "Fn", recorded))
        .containsExactly(
            "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem",
            "dynamodb:DeleteItem",
            "dynamodb:PutItem");
  }

  @Test
  void listsGrantsNoRecordedCallNeeded_butNotTheQueuePollersOwn() {
    Template template =
        Template.of(
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - SQSPollerPolicy:
                        QueueName: q
                    - Statement:
                        - Sid: Cache
                          Effect: Allow
                          Action: [dynamodb:GetItem, dynamodb:PutItem]
                          Resource: arn:aws:dynamodb:us-east-1:1:table/t
            """);

    assertThat(unused(template, "Fn", Set.of("DynamoDb:GetItem")))
        .containsExactly("Cache: dynamodb:PutItem");
    assertThat(missing(template, "Fn", Set.of("DynamoDb:GetItem"))).isEmpty();
  }

  @Test
  void mapsOperationsToTheActionsIamAuthorisesThemWith() {
    assertThat(IamActions.of("DynamoDb:BatchWriteItem")).isEqualTo("dynamodb:BatchWriteItem");
    assertThat(IamActions.of("Sqs:SendMessage")).isEqualTo("sqs:SendMessage");
    assertThat(IamActions.of("Sqs:DeleteMessageBatch")).isEqualTo("sqs:DeleteMessage");
    assertThat(IamActions.of("SecretsManager:GetSecretValue"))
        .isEqualTo("secretsmanager:GetSecretValue");
    assertThat(IamActions.of("DynamoDb:TransactWriteItems.Update"))
        .isEqualTo("dynamodb:UpdateItem");
    assertThat(IamActions.of("DynamoDb:TransactGetItems.Get")).isEqualTo("dynamodb:GetItem");
    assertThatThrownBy(() -> IamActions.of("DynamoDb:TransactWriteItems"))
        .hasMessageContaining("per kind of item");
    assertThatThrownBy(() -> IamActions.of("CloudWatch:PutMetricData"))
        .hasMessageContaining("SERVICE_PREFIXES");
    assertThat(IamActions.matches("sqs:SendMessage*", "sqs:SendMessage")).isTrue();
    assertThat(IamActions.matches("dynamodb:Get?tem", "dynamodb:GetItem")).isTrue();
    assertThat(IamActions.matches("dynamodb:GetItem", "dynamodb:GetItems")).isFalse();
  }

  /**
   * The operations every module's tests recorded for the function, merged; empty when no module
   * wrote a file for it (a build of this module alone).
   */
  static Optional<Set<String>> recorded(Path root, String function) {
    Set<String> operations = new TreeSet<>();
    boolean found = false;
    try (DirectoryStream<Path> modules = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path module : modules) {
        Path file = module.resolve("target/aws-operations/" + function + ".txt");
        if (Files.isRegularFile(file)) {
          found = true;
          for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
              operations.add(line.strip());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found ? Optional.of(operations) : Optional.empty();
  }

  /** The actions the recorded operations need that the function's statements do not allow. */
  static Set<String> missing(Template template, String functionId, Collection<String> recorded) {
    List<Grant> grants = grantsOf(template, functionId);
    Set<String> missing = new TreeSet<>();
    for (String action : IamActions.of(recorded)) {
      boolean allowed = grants.stream().anyMatch(g -> grants(g, "Allow", action));
      boolean denied = grants.stream().anyMatch(g -> grants(g, "Deny", action));
      if (!allowed || denied) {
        missing.add(action);
      }
    }
    return missing;
  }

  /** "grant: action" for each allowed action that no recorded operation needs. */
  static List<String> unused(Template template, String functionId, Collection<String> recorded) {
    Set<String> needed = IamActions.of(recorded);
    List<String> unused = new ArrayList<>();
    for (Grant grant : grantsOf(template, functionId)) {
      if (grant.name().equals(EVENT_SOURCE_POLICY)
          || !"Allow".equals(grant.statement().path("Effect").asText())) {
        continue;
      }
      for (String pattern : IamActions.actions(grant.statement())) {
        if (needed.stream().noneMatch(action -> IamActions.matches(pattern, action))) {
          unused.add(grant.name() + ": " + pattern);
        }
      }
    }
    return unused;
  }

  private static List<Grant> grantsOf(Template template, String functionId) {
    return IamStatements.of(template).stream()
        .filter(g -> g.resourceId().equals(functionId))
        .toList();
  }

  private static boolean grants(Grant grant, String effect, String action) {
    if (grant.statement().has("NotAction")) {
      throw new AssertionError(grant.resourceId() + "/" + grant.name() + ": NotAction");
    }
    return effect.equals(grant.statement().path("Effect").asText())
        && IamActions.actions(grant.statement()).stream()
            .anyMatch(pattern -> IamActions.matches(pattern, action));
  }
}
