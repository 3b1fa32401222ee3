package com.crmvoice.simulator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.adapters.dynamodb.DynamoDbCommandLog;
import com.crmvoice.adapters.dynamodb.DynamoDbNotificationLog;
import com.crmvoice.adapters.sqs.SqsCommandQueue;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's notifications: a command the fake Salesforce rejects reaches the fake Proactive
 * Events API through the real worker and notification functions, and the simulator prints it.
 */
class LocalNotificationsIT {

  private static final List<String> STATUS = new CopyOnWriteArrayList<>();
  private static LocalPipeline pipeline;

  @BeforeAll
  static void start() {
    pipeline =
        LocalPipeline.start(
            LocalPipeline.Options.defaults()
                .withNamePrefix(EmbeddedAws.uniqueName("notify"))
                .withSchedule(false)
                .withVisibilitySeconds(2)
                .withHandlers(
                    new LocalPipeline.Handlers(
                        StubSkillHandler.class.getName(),
                        LocalPipeline.WORKER_HANDLER,
                        RecordingRefresher.class.getName())),
            Map.of(),
            STATUS::add);
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  void aRejectedCommandIsPrintedAsANotification_forItsUserOnly() throws InterruptedException {
    FakeSalesforce salesforce = pipeline.salesforce().orElseThrow();
    salesforce.faults().duplicateRule(true);
    salesforce.insertLead(
        Map.of("LastName", "Lovelace", "Company", "Co", "Email", "ada@example.com"));
    String table = pipeline.env().get(EnvironmentVariables.COMMANDS_TABLE);
    CreateLead command =
        new CreateLead(
            "sim-dup-1",
            FakeSalesforce.DEMO_USER_ID,
            new NewLead("Ada", "Lovelace", "Analytical Engines", "ada@example.com", null),
            Instant.now());
    // What the skill does on a confirmed create.
    new DynamoDbCommandLog(pipeline.clients().dynamoDb(), table, Duration.ofDays(1))
        .recordQueued(command, Instant.now());
    new DynamoDbNotificationLog(pipeline.clients().dynamoDb(), table)
        .recordRecipient("sim-dup-1", new Recipient("amzn1.ask.account.SIM", "de-DE", "NA"));
    new SqsCommandQueue(
            pipeline.clients().sqs(),
            pipeline.env().get(EnvironmentVariables.COMMAND_QUEUE_URL),
            new CommandCodec())
        .send(command);

    boolean printed = false;
    for (int i = 0; i < 200 && !printed; i++) {
      printed = STATUS.stream().anyMatch(l -> l.startsWith("[notification]"));
      Thread.sleep(100);
    }

    assertThat(printed).isTrue();
    assertThat(STATUS.stream().filter(l -> l.startsWith("[notification]")))
        .singleElement()
        .asString()
        .contains("amzn1.ask.account.SIM")
        .contains("(de-DE)")
        .contains("Ada Lovelace")
        .contains("nicht in Salesforce angekommen");
  }
}
