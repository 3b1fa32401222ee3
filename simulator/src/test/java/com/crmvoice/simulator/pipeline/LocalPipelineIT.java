package com.crmvoice.simulator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.simulator.console.Console;
import com.crmvoice.simulator.console.TranscriptPrinter;
import com.crmvoice.simulator.dialog.Conversation;
import com.crmvoice.simulator.dialog.DirectivesEndpoint;
import com.crmvoice.simulator.dialog.Output;
import com.crmvoice.simulator.model.Fixtures;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's wiring with stand-in intent and refresher handlers (the worker is the real one):
 * the environment names, the refresher's schedule and refresh queue, the directives endpoint, the
 * switch of user, and the console commands over the fake Salesforce.
 */
class LocalPipelineIT {

  private static LocalPipeline pipeline;

  @BeforeAll
  static void start() {
    RecordingRefresher.INPUTS.clear();
    pipeline =
        LocalPipeline.start(
            LocalPipeline.Options.defaults()
                .withNamePrefix(EmbeddedAws.uniqueName("pipeline"))
                .withIncrementalEvery(Duration.ofMillis(300))
                .withVisibilitySeconds(2)
                .withHandlers(
                    new LocalPipeline.Handlers(
                        StubSkillHandler.class.getName(),
                        LocalPipeline.WORKER_HANDLER,
                        RecordingRefresher.class.getName())),
            Map.of("LEAD_CACHE_TOP_N", "7"),
            line -> {});
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }

  @Test
  void eachFunctionGetsTheVariablesItReads_underTheNamesTemplateYamlSets() {
    // Other test classes load the same stand-in: find this pipeline's by its table.
    Map<String, String> refresher =
        RecordingRefresher.ENVIRONMENTS.stream()
            .filter(
                e ->
                    pipeline
                        .env()
                        .get(EnvironmentVariables.LEADS_TABLE)
                        .equals(e.get(EnvironmentVariables.LEADS_TABLE)))
            .findFirst()
            .orElseThrow();
    Map<String, String> intent = pipeline.envFor(FunctionEnvironments.INTENT);
    Map<String, String> worker = pipeline.envFor(FunctionEnvironments.WORKER);

    assertThat(refresher)
        .containsKeys(
            EnvironmentVariables.LEADS_TABLE,
            EnvironmentVariables.SALESFORCE_LOGIN_URL,
            EnvironmentVariables.SALESFORCE_CLIENT_ID,
            EnvironmentVariables.SALESFORCE_CLIENT_SECRET,
            "AWS_ENDPOINT_URL_DYNAMODB",
            "AWS_REGION")
        .containsEntry("LEAD_CACHE_TOP_N", "7")
        .doesNotContainKeys(
            EnvironmentVariables.COMMAND_QUEUE_URL,
            EnvironmentVariables.SKILL_ID,
            EnvironmentVariables.IDENTITY_MODE);
    assertThat(refresher.get("AWS_ENDPOINT_URL_DYNAMODB")).startsWith("http://127.0.0.1:");
    assertThat(intent)
        .containsKeys(
            EnvironmentVariables.LEADS_TABLE,
            EnvironmentVariables.COMMANDS_TABLE,
            EnvironmentVariables.COMMAND_QUEUE_URL,
            EnvironmentVariables.REFRESH_QUEUE_URL,
            EnvironmentVariables.SKILL_ID,
            "AWS_ENDPOINT_URL_SQS")
        .containsEntry(EnvironmentVariables.IDENTITY_MODE, "single-user")
        .containsEntry(EnvironmentVariables.SINGLE_USER_OWNER_ID, FakeSalesforce.DEMO_USER_ID)
        .doesNotContainKeys(
            EnvironmentVariables.COMMAND_DLQ_URL, EnvironmentVariables.WORKER_LEASE_SECONDS);
    assertThat(worker)
        .containsKeys(
            EnvironmentVariables.COMMANDS_TABLE,
            EnvironmentVariables.LEADS_TABLE,
            EnvironmentVariables.COMMAND_DLQ_URL)
        .containsEntry(EnvironmentVariables.WORKER_LEASE_SECONDS, "5")
        .doesNotContainKeys(EnvironmentVariables.SKILL_ID, EnvironmentVariables.REFRESH_QUEUE_URL);
    for (var function : FunctionEnvironments.ALL) {
      assertThat(function.missingFrom(pipeline.envFor(function))).as(function.name()).isEmpty();
    }
    assertThat(pipeline.problems()).isEmpty();
    assertThat(pipeline.accessToken()).as("single-user mode sends no token").isNull();
  }

  @Test
  void theRefresherRunsAFullPassAtStartThenIncrementalPassesOnItsSchedule() throws Exception {
    assertThat(
            eventually(
                () ->
                    RecordingRefresher.INPUTS.stream()
                            .anyMatch(i -> i.path("pass").asText().equals("full"))
                        && RecordingRefresher.INPUTS.stream()
                                .filter(i -> i.path("pass").asText().equals("incremental"))
                                .count()
                            >= 2))
        .isTrue();
  }

  @Test
  void theRefreshQueueFeedsTheRefresherBatches_andRedeliversItsFailures() throws Exception {
    String queue = pipeline.env().get(EnvironmentVariables.REFRESH_QUEUE_URL);

    pipeline.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody("fail"));
    pipeline.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody("owner-005DEMO"));

    assertThat(
            eventually(
                () ->
                    records().stream()
                        .anyMatch(
                            r ->
                                r.path("body").asText().equals("fail")
                                    && r.path("attributes")
                                        .path("ApproximateReceiveCount")
                                        .asText()
                                        .equals("2"))))
        .as("the failed record comes back after the visibility timeout")
        .isTrue();
    assertThat(records().stream().filter(r -> r.path("body").asText().equals("owner-005DEMO")))
        .hasSize(1);
  }

  private static List<JsonNode> records() {
    List<JsonNode> records = new ArrayList<>();
    for (JsonNode input : RecordingRefresher.INPUTS) {
      input.path("Records").forEach(records::add);
    }
    return records;
  }

  @Test
  void theSkillsProgressiveResponsesReachTheDirectivesEndpoint_andUserSwitchesRebuildTheSkill() {
    List<Output> outputs = Collections.synchronizedList(new ArrayList<>());
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    TranscriptPrinter printer =
        new TranscriptPrinter(new PrintStream(transcript, true, StandardCharsets.UTF_8), true);
    try (DirectivesEndpoint directives =
        DirectivesEndpoint.start(
            o -> {
              outputs.add(o);
              printer.accept(o);
            })) {
      Conversation conversation =
          new Conversation(
              Fixtures.model(),
              new StreamSkillEndpoint(pipeline.intentFunction()),
              new Conversation.Device(
                  pipeline.env().get(EnvironmentVariables.SKILL_ID),
                  LocalPipeline.ALEXA_USER_ID,
                  "en-US",
                  directives.apiEndpoint(),
                  directives.apiAccessToken()),
              o -> {
                outputs.add(o);
                printer.accept(o);
              },
              Clock.systemUTC());
      Console console = new Console(pipeline, conversation, printer);

      console.runScript(
          List.of(
              "ask crm voice to get my top lead",
              ":user rep2",
              "ask crm voice to get my top lead",
              ":user",
              ":leads",
              ":queue",
              ":fault 503 x 2",
              ":fault clear",
              ":user demo"));

      assertThat(outputs)
          .containsSubsequence(
              new Output.Progressive("One moment"),
              new Output.Speech("Owner " + FakeSalesforce.DEMO_USER_ID + ", in time"),
              new Output.Progressive("One moment"),
              new Output.Speech("Owner 005000000000002AAA, in time"));
      String text = transcript.toString(StandardCharsets.UTF_8);
      assertThat(text)
          .contains("you> ask crm voice to get my top lead")
          .contains("[progressive response] One moment")
          .contains("the skill now works for Salesforce user 005000000000002AAA")
          .contains("crm-commands DLQ")
          .contains("Salesforce holds 3 leads owned by 005000000000002AAA")
          .contains("the next 2 Salesforce data calls answer HTTP 503");
      assertThat(pipeline.ownerId()).isEqualTo(FakeSalesforce.DEMO_USER_ID);
    }
  }
}
