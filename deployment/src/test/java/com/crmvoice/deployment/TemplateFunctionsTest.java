package com.crmvoice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.FunctionEnvironments.FunctionEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The functions in template.yaml against the code: handlers, jars, environment, runtime. */
class TemplateFunctionsTest {

  private static final Template TEMPLATE = Template.load();

  /** Variables the Lambda runtime reads, not our code: allowed on any function. */
  private static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

  static Stream<FunctionEnvironment> functions() {
    return FunctionEnvironments.ALL.stream();
  }

  private static String functionId(FunctionEnvironment function) {
    return TEMPLATE.functionWithHandler(FunctionHandlers.handler(function));
  }

  /** The module folder a function's CodeUri points into (its first path segment). */
  private static String module(String functionId) {
    String codeUri = TEMPLATE.properties(functionId).path("CodeUri").asText();
    return codeUri.substring(0, codeUri.indexOf('/'));
  }

  @Test
  void handlersNameTheirClassAndMethod() {
    assertThat(FunctionHandlers.handlerClass(FunctionEnvironments.WORKER))
        .isEqualTo("com.crmvoice.worker.CrmWorkerHandler");
    assertThat(FunctionHandlers.handler(FunctionEnvironments.REFRESHER))
        .endsWith("::handleRequest");
    assertThat(FunctionHandlers.handlerClass(FunctionEnvironments.INTENT))
        .isEqualTo("com.crmvoice.intent.IntentStreamHandler");
  }

  @Test
  void theTemplateHasExactlyTheThreeFunctions() {
    assertThat(TEMPLATE.resourcesOfType("AWS::Serverless::Function"))
        .hasSize(FunctionEnvironments.ALL.size());
    for (FunctionEnvironment function : FunctionEnvironments.ALL) {
      assertThat(functionId(function)).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void theHandlerClassExistsInTheModuleThatShadesTheJar(FunctionEnvironment function) {
    Path module = TEMPLATE.repositoryRoot.resolve(module(functionId(function)));
    Path sources = module.resolve("src/main/java");
    assumeTrue(
        Files.isDirectory(sources),
        () -> module.getFileName() + " has no sources yet: the check runs once they land");

    Path handler =
        sources.resolve(FunctionHandlers.handlerClass(function).replace('.', '/') + ".java");

    assertThat(handler).isRegularFile();
    assertThat(source(handler))
        .containsPattern("public (final )?class " + simpleName(function) + "\\b")
        .contains("handleRequest(");
    // The jar the CodeUri names is the one maven-shade attaches with the "lambda" classifier.
    assertThat(source(module.resolve("pom.xml")))
        .contains("maven-shade-plugin")
        .contains("<shadedClassifierName>lambda</shadedClassifierName>");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void theCodeUriIsTheModulesShadedJarBuiltByMaven(FunctionEnvironment function) {
    String id = functionId(function);
    String module = module(id);
    String rootPom = source(TEMPLATE.repositoryRoot.resolve("pom.xml"));
    Matcher version =
        Pattern.compile("<artifactId>crm-voice-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(rootPom);
    assertThat(version.find()).isTrue();

    assertThat(TEMPLATE.properties(id).path("CodeUri").asText())
        .isEqualTo(module + "/target/" + module + "-" + version.group(1) + "-lambda.jar");
    assertThat(rootPom).contains("<module>" + module + "</module>");
    assertThat(source(TEMPLATE.repositoryRoot.resolve(module).resolve("pom.xml")))
        .contains("<artifactId>" + module + "</artifactId>");
    // sam build must not try its own Maven build of one module of the reactor.
    assertThat(TEMPLATE.resource(id).path("Metadata").path("SkipBuild").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void everyVariableTheFunctionRequiresIsSet(FunctionEnvironment function) {
    Map<String, JsonNode> env = TEMPLATE.environment(functionId(function));

    assertThat(env.keySet()).containsAll(function.requiredWhenDeployed());
    assertThat(env.values()).allSatisfy(value -> assertThat(value.isNull()).isFalse());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void nothingIsSetThatTheFunctionDoesNotRead(FunctionEnvironment function) {
    Set<String> allowed = new LinkedHashSet<>(function.reads());
    allowed.add(EnvironmentVariables.SALESFORCE_SECRET_ARN);
    allowed.addAll(RUNTIME_VARIABLES);
    // Globals reach every function; one that does not read them (the notifier) ignores them.
    TEMPLATE
        .root
        .at("/Globals/Function/Environment/Variables")
        .fieldNames()
        .forEachRemaining(allowed::add);

    assertThat(allowed).containsAll(TEMPLATE.environment(functionId(function)).keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void credentialsComeFromTheSecretNeverFromTheEnvironment(FunctionEnvironment function) {
    Map<String, JsonNode> env = TEMPLATE.environment(functionId(function));

    assertThat(env.keySet()).doesNotContainAnyElementsOf(FunctionEnvironments.SECRET_ONLY);
    for (String name : function.requiredWhenDeployed()) {
      if (name.endsWith("_SECRET_ARN")) {
        assertThat(TEMPLATE.resource(Template.target(env.get(name))).path("Type").asText())
            .as(name)
            .isEqualTo("AWS::SecretsManager::Secret");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void tableAndQueueVariablesNameATableAndAQueue(FunctionEnvironment function) {
    Map<String, JsonNode> env = TEMPLATE.environment(functionId(function));
    Map<String, String> expectedType =
        Map.of(
            EnvironmentVariables.LEADS_TABLE, "AWS::DynamoDB::Table",
            EnvironmentVariables.COMMANDS_TABLE, "AWS::DynamoDB::Table",
            EnvironmentVariables.COMMAND_QUEUE_URL, "AWS::SQS::Queue",
            EnvironmentVariables.COMMAND_DLQ_URL, "AWS::SQS::Queue",
            EnvironmentVariables.REFRESH_QUEUE_URL, "AWS::SQS::Queue");
    expectedType.forEach(
        (name, type) -> {
          if (env.containsKey(name)) {
            // Ref gives a table's name and a queue's URL, which is what the adapters take.
            assertThat(env.get(name).has("Ref")).as(name).isTrue();
            assertThat(TEMPLATE.resource(Template.target(env.get(name))).path("Type").asText())
                .as(name)
                .isEqualTo(type);
          }
        });
  }

  @Test
  void eachStorageVariableNamesTheSameResourceInEveryFunction() {
    Map<String, String> seen = new HashMap<>();
    for (FunctionEnvironment function : FunctionEnvironments.ALL) {
      TEMPLATE
          .environment(functionId(function))
          .forEach(
              (name, value) -> {
                if (name.endsWith("_TABLE") || name.endsWith("_URL") && value.has("Ref")) {
                  String target = Template.target(value);
                  assertThat(seen.putIfAbsent(name, target)).as(name).isIn(null, target);
                }
              });
    }
    assertThat(seen)
        .containsEntry(EnvironmentVariables.COMMAND_DLQ_URL, deadLetterQueueOf("CommandQueue"));
  }

  @Test
  void theIntentEnvironmentIsCompleteWithTheParameterDefaults() {
    Map<String, String> env = new HashMap<>();
    TEMPLATE
        .environment(functionId(FunctionEnvironments.INTENT))
        .forEach((name, value) -> env.put(name, literal(value)));

    assertThat(FunctionEnvironments.INTENT.missingFrom(env)).isEmpty();
  }

  @Test
  void singleUserModeWithoutAnOwnerIsRefusedByATemplateRule() {
    JsonNode rule = TEMPLATE.root.path("Rules").path("SingleUserNeedsAnOwner");

    assertThat(rule.at("/RuleCondition/Fn::Equals/0/Ref").asText()).isEqualTo("IdentityMode");
    assertThat(rule.at("/RuleCondition/Fn::Equals/1").asText())
        .isEqualTo(FunctionEnvironments.SINGLE_USER_MODE);
    assertThat(rule.at("/Assertions/0/Assert/Fn::Not/0/Fn::Equals/0/Ref").asText())
        .isEqualTo("SingleUserOwnerId");
    assertThat(TEMPLATE.root.at("/Parameters/IdentityMode/AllowedValues").toString())
        .contains(FunctionEnvironments.SINGLE_USER_MODE)
        .contains(FunctionEnvironments.ACCOUNT_LINKING_MODE);
  }

  @Test
  void everyVariableSingleUserModeRequiresIsAParameterTheRuleRefusesBlank() {
    Map<String, JsonNode> intent = TEMPLATE.environment(functionId(FunctionEnvironments.INTENT));
    Map<String, String> env = new HashMap<>();
    intent.forEach((name, value) -> env.put(name, literal(value)));
    env.put(EnvironmentVariables.IDENTITY_MODE, FunctionEnvironments.SINGLE_USER_MODE);
    List<String> missing = FunctionEnvironments.INTENT.missingFrom(env);

    // With the parameters' (blank) defaults, single-user mode lacks the owner and the Alexa users.
    assertThat(missing)
        .contains(
            EnvironmentVariables.SINGLE_USER_OWNER_ID, EnvironmentVariables.ALLOWED_ALEXA_USER_IDS);
    JsonNode rule = TEMPLATE.root.path("Rules").path("SingleUserNeedsAnOwner");
    assertThat(rule.at("/RuleCondition/Fn::Equals/0/Ref").asText()).isEqualTo("IdentityMode");
    Set<String> assertedNotBlank = new LinkedHashSet<>();
    for (JsonNode assertion : rule.path("Assertions")) {
      JsonNode equals = assertion.at("/Assert/Fn::Not/0/Fn::Equals");
      if (equals.path(1).isTextual() && equals.path(1).asText().isEmpty()) {
        assertedNotBlank.add(equals.path(0).path("Ref").asText());
      }
    }
    for (String name : missing) {
      String parameter = intent.get(name).path("Ref").asText();
      assertThat(TEMPLATE.root.path("Parameters").has(parameter)).as(name).isTrue();
      assertThat(assertedNotBlank).as(name).contains(parameter);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void theCrmIsOneParameterEveryFunctionThatTalksToItFollows(FunctionEnvironment function) {
    assumeTrue(function.reads().contains(EnvironmentVariables.CRM));
    assertThat(TEMPLATE.root.at("/Parameters/Crm/Default").asText()).isEqualTo("salesforce");
    assertThat(TEMPLATE.root.at("/Parameters/Crm/AllowedValues").toString())
        .isEqualTo("[\"salesforce\",\"dynamics\"]");
    JsonNode crm = TEMPLATE.environment(functionId(function)).get(EnvironmentVariables.CRM);
    assertThat(crm).as(function.name()).isNotNull();
    assertThat(crm.path("Ref").asText()).as(function.name()).isEqualTo("Crm");
  }

  @Test
  void theScheduledRefresherIsRetriedOnlyByItsSchedules() {
    String id = functionId(FunctionEnvironments.REFRESHER);
    // Lambda retries a failed asynchronous invocation twice unless told otherwise; Scheduler
    // invokes asynchronously, so without this a failed pass would run up to three times per
    // schedule retry.
    // https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
    assertThat(TEMPLATE.properties(id).at("/EventInvokeConfig/MaximumRetryAttempts").isInt())
        .isTrue();
    assertThat(TEMPLATE.properties(id).at("/EventInvokeConfig/MaximumRetryAttempts").asInt())
        .isZero();
    Map<String, JsonNode> schedules = TEMPLATE.resourcesOfType("AWS::Scheduler::Schedule");
    assertThat(schedules).isNotEmpty();
    schedules.forEach(
        (name, schedule) -> {
          JsonNode target = schedule.at("/Properties/Target");
          assertThat(target.at("/Arn/Fn::GetAtt/0").asText()).as(name).isEqualTo(id);
          assertThat(target.at("/RetryPolicy/MaximumRetryAttempts").isInt()).as(name).isTrue();
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void runsOnJava17Or21(FunctionEnvironment function) {
    assertThat(TEMPLATE.functionProperty(functionId(function), "Runtime").asText())
        .isIn("java17", "java21");
  }

  @Test
  void theIntentFunctionRunsFromASnapStartAliasAnsweringOnlyTheSkill() {
    String id = functionId(FunctionEnvironments.INTENT);
    JsonNode properties = TEMPLATE.properties(id);

    assertThat(properties.path("SnapStart").path("ApplyOn").asText())
        .isEqualTo("PublishedVersions");
    assertThat(properties.path("AutoPublishAlias").asText()).isNotBlank();
    assertThat(properties.path("Events")).hasSize(1);
    JsonNode event = properties.path("Events").elements().next();
    assertThat(event.path("Type").asText()).isEqualTo("AlexaSkill");
    assertThat(event.at("/Properties/SkillId/Ref").asText()).isEqualTo("SkillId");
    assertThat(TEMPLATE.environment(id).get(EnvironmentVariables.SKILL_ID).path("Ref").asText())
        .isEqualTo("SkillId");
    assertThat(TEMPLATE.root.at("/Parameters/SkillId/AllowedPattern").asText()).startsWith("amzn1");
    assertThat(TEMPLATE.root.at("/Outputs/IntentFunctionAliasArn/Value/Ref").asText())
        .isEqualTo(id + ".Alias");
  }

  @Test
  void theLiveLookupFitsInsideAlexasEightSeconds() {
    String id = functionId(FunctionEnvironments.INTENT);
    int timeoutSeconds = TEMPLATE.intValue(TEMPLATE.functionProperty(id, "Timeout"));
    int budgetMs =
        TEMPLATE.intValue(TEMPLATE.environment(id).get(EnvironmentVariables.LIVE_LOOKUP_BUDGET_MS));

    assertThat(timeoutSeconds).isLessThanOrEqualTo(8);
    assertThat(budgetMs).isLessThan(timeoutSeconds * 1000 / 2);
  }

  @Test
  void theSlowestAnswerFitsInsideAlexasEightSeconds() {
    Map<String, JsonNode> env = TEMPLATE.environment(functionId(FunctionEnvironments.INTENT));
    int budget = TEMPLATE.intValue(env.get(EnvironmentVariables.LIVE_LOOKUP_BUDGET_MS));
    int awsCall = TEMPLATE.intValue(env.get(EnvironmentVariables.AWS_API_CALL_TIMEOUT_MS));
    int attempt = TEMPLATE.intValue(env.get(EnvironmentVariables.AWS_API_CALL_ATTEMPT_TIMEOUT_MS));
    int progressive = TEMPLATE.intValue(env.get(EnvironmentVariables.PROGRESSIVE_RESPONSE_WAIT_MS));

    assertThat(attempt * 2).isLessThanOrEqualTo(awsCall);
    // userinfo and the live lookup (each bounded by the budget), the cache read and the cache write
    // or refresh request (each one AWS call), and the wait for the progressive response.
    assertThat(2 * budget + 2 * awsCall + progressive).isLessThan(8000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void logsGoToAGroupOfItsOwnWithRetention(FunctionEnvironment function) {
    JsonNode logGroup =
        TEMPLATE.properties(functionId(function)).path("LoggingConfig").path("LogGroup");
    JsonNode group = TEMPLATE.resource(Template.target(logGroup));

    assertThat(group.path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
    assertThat(TEMPLATE.intValue(group.path("Properties").path("RetentionInDays")))
        .isBetween(1, 3653);
  }

  @Test
  void everyFunctionHasItsOwnLogGroup() {
    Set<String> groups = new LinkedHashSet<>();
    for (FunctionEnvironment function : FunctionEnvironments.ALL) {
      groups.add(
          Template.target(
              TEMPLATE.properties(functionId(function)).path("LoggingConfig").path("LogGroup")));
    }
    assertThat(groups).hasSize(FunctionEnvironments.ALL.size());
  }

  static String deadLetterQueueOf(String queueId) {
    return Template.target(
        TEMPLATE.properties(queueId).path("RedrivePolicy").path("deadLetterTargetArn"));
  }

  /**
   * A literal value; for a Ref to a parameter its default, or a stand-in when it has none (a
   * parameter without a default must be given at deploy time); "resource" for a Ref to one.
   */
  private static String literal(JsonNode value) {
    if (value.isValueNode()) {
      return value.asText();
    }
    String ref = value.path("Ref").asText(null);
    if (ref != null && TEMPLATE.root.path("Parameters").has(ref)) {
      return TEMPLATE.root.path("Parameters").path(ref).path("Default").asText("given-at-deploy");
    }
    return "resource";
  }

  private static String simpleName(FunctionEnvironment function) {
    String name = FunctionHandlers.handlerClass(function);
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String source(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }
}
