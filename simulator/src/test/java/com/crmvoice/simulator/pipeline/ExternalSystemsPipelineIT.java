package com.crmvoice.simulator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.adapters.dynamodb.DynamoDbCommandLog;
import com.crmvoice.adapters.sqs.SqsCommandQueue;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pointing the simulator at other systems is configuration: with AWS_ENDPOINT_URL_* and
 * SALESFORCE_* in its environment it starts neither embedded engine nor the fake, and the functions
 * work against what the environment names (here, engines and a fake the test started itself).
 */
class ExternalSystemsPipelineIT {

  private static final EmbeddedAws AWS = EmbeddedAws.shared();
  private static FakeSalesforce external;
  private static LocalPipeline pipeline;
  private static AwsClients clients;

  @BeforeAll
  static void start() {
    external = FakeSalesforce.start();
    external.seedDemo();
    Map<String, String> hostEnv = new HashMap<>(AWS.env());
    hostEnv.putAll(external.clientCredentialsEnv());
    hostEnv.put(EnvironmentVariables.SINGLE_USER_OWNER_ID, "005000000000002AAA");
    pipeline =
        LocalPipeline.start(
            LocalPipeline.Options.defaults()
                .withNamePrefix(EmbeddedAws.uniqueName("external"))
                .withSchedule(false)
                .withHandlers(
                    new LocalPipeline.Handlers(
                        StubSkillHandler.class.getName(),
                        LocalPipeline.WORKER_HANDLER,
                        RecordingRefresher.class.getName())),
            hostEnv,
            line -> {});
    clients = AwsClients.fromEnv(AWS.env());
  }

  @AfterAll
  static void stop() {
    pipeline.close();
    external.close();
    clients.close();
  }

  @Test
  void usesTheNamedAwsEndpointsAndSalesforce_insteadOfStartingItsOwn() {
    assertThat(pipeline.salesforce()).isEmpty();
    assertThat(pipeline.env())
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", AWS.dynamoDbEndpoint().toString())
        .containsEntry(EnvironmentVariables.SALESFORCE_LOGIN_URL, external.baseUrl().toString())
        .containsEntry(EnvironmentVariables.SINGLE_USER_OWNER_ID, "005000000000002AAA");
    assertThat(clients.dynamoDb().listTables().tableNames())
        .contains(
            pipeline.env().get(EnvironmentVariables.LEADS_TABLE),
            pipeline.env().get(EnvironmentVariables.COMMANDS_TABLE));
    assertThat(pipeline.warnings()).isEmpty();
  }

  @Test
  void theWorkerCreatesLeadsInTheNamedSalesforce() {
    Map<String, String> env = pipeline.env();
    CreateLead command =
        new CreateLead(
            "amzn1.echo-api.request." + UUID.randomUUID(),
            "005000000000002AAA",
            new NewLead("Alan", "Turing", "Bletchley", null, null),
            Instant.now());
    new DynamoDbCommandLog(
            clients.dynamoDb(), env.get(EnvironmentVariables.COMMANDS_TABLE), Duration.ofDays(1))
        .recordQueued(command, Instant.now());
    new SqsCommandQueue(
            clients.sqs(), env.get(EnvironmentVariables.COMMAND_QUEUE_URL), new CommandCodec())
        .send(command);

    assertThat(pipeline.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(external.leads()).anyMatch(l -> "Turing".equals(l.get("LastName")));
  }

  @Test
  void warnsWhenTheSkillWouldNotKnowWhoseLeadsToRead() {
    Map<String, String> hostEnv = new HashMap<>(AWS.env());
    hostEnv.putAll(external.clientCredentialsEnv());
    try (LocalPipeline other =
        LocalPipeline.start(
            LocalPipeline.Options.defaults()
                .withNamePrefix(EmbeddedAws.uniqueName("noowner"))
                .withSchedule(false)
                .withHandlers(
                    new LocalPipeline.Handlers(
                        StubSkillHandler.class.getName(),
                        LocalPipeline.WORKER_HANDLER,
                        RecordingRefresher.class.getName())),
            hostEnv,
            line -> {})) {
      assertThat(other.warnings()).anyMatch(w -> w.contains("SINGLE_USER_OWNER_ID"));
    }
  }
}
