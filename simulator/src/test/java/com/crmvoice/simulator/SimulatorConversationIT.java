package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.adapters.dynamodb.DynamoDbCommandLog;
import com.crmvoice.adapters.dynamodb.DynamoDbLeadCache;
import com.crmvoice.adapters.sqs.SqsCommandQueue;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.simulator.console.Console;
import com.crmvoice.simulator.console.TranscriptPrinter;
import com.crmvoice.simulator.dialog.Conversation;
import com.crmvoice.simulator.dialog.DirectivesEndpoint;
import com.crmvoice.simulator.dialog.Output;
import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.pipeline.LocalPipeline;
import com.crmvoice.simulator.pipeline.StreamSkillEndpoint;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator end to end: the real handlers wired by the local pipeline, the real interaction
 * model from skill-package/, and a scripted conversation typed into the console.
 */
class SimulatorConversationIT {

  private static LocalPipeline pipeline;
  private static FakeSalesforce salesforce;

  @BeforeAll
  static void start() {
    pipeline =
        LocalPipeline.start(
            LocalPipeline.Options.defaults()
                .withNamePrefix(EmbeddedAws.uniqueName("sim"))
                .withSchedule(false)
                .withVisibilitySeconds(10),
            Map.of(),
            line -> {});
    salesforce = pipeline.salesforce().orElseThrow();
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void theWorkerBehindTheLocalEventSourceCreatesAQueuedCommandInSalesforce() {
    assumeTrue(pipeline.workerAvailable(), "the CRM worker is on the class path");
    Map<String, String> env = pipeline.env();
    DynamoDbCommandLog log =
        new DynamoDbCommandLog(
            pipeline.clients().dynamoDb(),
            env.get(EnvironmentVariables.COMMANDS_TABLE),
            Duration.ofDays(1));
    CreateLead command =
        new CreateLead(
            "amzn1.echo-api.request." + UUID.randomUUID(),
            FakeSalesforce.DEMO_USER_ID,
            new NewLead("Ada", "Lovelace", "Analytical Engines", "ada@example.com", null),
            Instant.now());

    // What the intent function does on a confirmed create: record QUEUED, then send.
    log.recordQueued(command, Instant.now());
    new SqsCommandQueue(
            pipeline.clients().sqs(),
            env.get(EnvironmentVariables.COMMAND_QUEUE_URL),
            new CommandCodec())
        .send(command);
    boolean idle = pipeline.awaitIdle(Duration.ofSeconds(30));

    assertThat(idle).isTrue();
    assertThat(salesforce.leads())
        .anyMatch(
            l ->
                "Lovelace".equals(l.get("LastName"))
                    && FakeSalesforce.DEMO_USER_ID.equals(l.get("OwnerId")));
    assertThat(log.find(command.commandId()))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.DONE));
    assertThat(pipeline.queueDepths())
        .filteredOn(d -> d.name().endsWith("DLQ"))
        .allMatch(d -> d.visible() == 0);
  }

  @Test
  void
      aScriptedConversation_topLead_createThroughTheDialog_workerCreates_statusSaysCreated_refresherPicksItUp() {
    Optional<Path> modelFile = Simulator.findModel(null, "en-US");
    assumeTrue(modelFile.isPresent(), "skill-package/interactionModels/custom/en-US.json exists");
    assumeTrue(pipeline.intentAvailable(), "the intent function is on the class path");
    InteractionModel model = InteractionModel.load(modelFile.get());
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    TranscriptPrinter printer =
        new TranscriptPrinter(new PrintStream(transcript, true, StandardCharsets.UTF_8), true);
    List<Output> outputs = Collections.synchronizedList(new ArrayList<>());
    try (DirectivesEndpoint directives =
        DirectivesEndpoint.start(
            o -> {
              outputs.add(o);
              printer.accept(o);
            })) {
      Conversation conversation =
          new Conversation(
              model,
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

      // Top lead: the demo user's oldest open lead is Maria Garcia (Olu Adeyemi's is closed).
      console.runScript(List.of("ask crm voice to get my top lead"));
      assertThat(spokenSince(outputs, 0)).contains("Maria Garcia");

      // Create a lead through the whole dialog: the names in the first utterance, then whatever
      // Alexa asks for (the company at least), then the confirmation.
      int mark = outputs.size();
      conversation.say("ask crm voice to add a lead for Grace Hopper");
      assertThat(conversation.elicitedSlot()).contains("company");
      Map<String, String> answers =
          Map.of(
              "firstName", "Grace",
              "lastName", "Hopper",
              "company", "Cobol Systems",
              "email", "grace@cobol.example",
              "phone", "+1 555 0100");
      for (int turn = 0; turn < 12 && conversation.sessionOpen(); turn++) {
        Optional<String> slot = conversation.elicitedSlot();
        if (slot.isPresent()) {
          conversation.say(answers.getOrDefault(slot.get(), "none"));
        } else if (conversation.awaitingConfirmation()) {
          conversation.say("yes");
        } else {
          break;
        }
      }
      assertThat(conversation.activeIntent()).isEmpty();
      assertThat(spokenSince(outputs, mark)).contains("Cobol Systems");

      // The worker creates it in the fake Salesforce.
      console.runScript(List.of(":wait 30"));
      assertThat(salesforce.leads())
          .as("transcript:%n%s", transcript.toString(StandardCharsets.UTF_8))
          .anyMatch(
              l ->
                  "Hopper".equals(l.get("LastName"))
                      && "Grace".equals(l.get("FirstName"))
                      && FakeSalesforce.DEMO_USER_ID.equals(l.get("OwnerId")));

      // "What happened to my lead" says it was created.
      mark = outputs.size();
      console.runScript(List.of("ask c. r. m. voice what happened to my lead"));
      assertThat(spokenSince(outputs, mark).toLowerCase(Locale.ROOT))
          .as("transcript:%n%s", transcript.toString(StandardCharsets.UTF_8))
          .contains("created");

      // The refresher picks it up: after a pass, the cache holds the new lead.
      assumeTrue(pipeline.refresherAvailable(), "the cache refresher is on the class path");
      // The incremental pass reads the changes with queryAll, then owners with query.
      int queriesBefore = salesforce.calls("query") + salesforce.calls("queryAll");
      console.runScript(List.of(":refresh incremental", ":wait 30"));
      assertThat(salesforce.calls("query") + salesforce.calls("queryAll"))
          .isGreaterThan(queriesBefore);
      DynamoDbLeadCache cache =
          new DynamoDbLeadCache(
              pipeline.clients().dynamoDb(),
              pipeline.env().get(EnvironmentVariables.LEADS_TABLE),
              CacheConfig.fromEnv(com.crmvoice.core.config.EnvironmentReader.of(pipeline.env())),
              Clock.systemUTC());
      LeadCache.Snapshot snapshot = cache.topLeads(FakeSalesforce.DEMO_USER_ID, 100);
      assertThat(snapshot).isInstanceOf(LeadCache.Snapshot.Known.class);
      assertThat(((LeadCache.Snapshot.Known) snapshot).leads())
          .extracting(Lead::lastName)
          .contains("Hopper");
    }
  }

  private static String spokenSince(List<Output> outputs, int from) {
    StringBuilder spoken = new StringBuilder();
    synchronized (outputs) {
      for (Output output : outputs.subList(from, outputs.size())) {
        if (output instanceof Output.Speech speech) {
          spoken.append(speech.text()).append('\n');
        } else if (output instanceof Output.Progressive progressive) {
          spoken.append(progressive.text()).append('\n');
        }
      }
    }
    return spoken.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"amzn1.ask.skill.another", "", "123", "missing", "this skill"})
  void aRequestForAnotherSkillOrNone_isRefusedWith400ByTheHttpEndpoint_notA500(String skillId)
      throws Exception {
    assumeTrue(pipeline.intentAvailable(), "the intent function is on the class path");
    com.fasterxml.jackson.databind.node.ObjectNode envelope =
        com.crmvoice.testkit.alexa.AlexaRequests.launch().toNode();
    com.fasterxml.jackson.databind.node.ObjectNode application =
        (com.fasterxml.jackson.databind.node.ObjectNode) envelope.at("/context/System/application");
    switch (skillId) {
      case "missing" -> application.remove("applicationId");
      case "123" -> application.put("applicationId", 123);
      case "this skill" ->
          application.put("applicationId", pipeline.env().get(EnvironmentVariables.SKILL_ID));
      default -> application.put("applicationId", skillId);
    }
    try (com.crmvoice.simulator.signature.SkillHttpServer server =
        com.crmvoice.simulator.signature.SkillHttpServer.start(
            0, new StreamSkillEndpoint(pipeline.intentFunction()), null)) {
      java.net.http.HttpResponse<String> response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(server.url())
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofString(envelope.toString()))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(skillId.equals("this skill") ? 200 : 400);
    }
  }
}
