package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.aws.ResourceDefinitions.QueuePair;
import com.crmvoice.adapters.codec.NotificationJobCodec;
import com.crmvoice.adapters.dynamodb.DynamoDbNotificationLog;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.testkit.alexa.FakeLwaTokenEndpoint;
import com.crmvoice.testkit.alexa.FakeProactiveEventsApi;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.aws.LocalSqsEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed commands to Alexa notifications, end to end: the worker (fake Salesforce) records a
 * command FAILED and queues a notification job on its own queue (ElasticMQ); the notification
 * handler, through the local event source, sends it to the fake Proactive Events API with a token
 * from the fake Login with Amazon; DynamoDB Local holds the commands and their recipients.
 */
class NotificationsIT {

  private static final int MAX_RECEIVES = 3;
  private static final Recipient ADA = new Recipient("amzn1.ask.account.ADA", "en-GB", "EU");
  private static final Recipient BOB = new Recipient("amzn1.ask.account.BOB", "de-DE", "EU");

  private final AwsClients clients = AwsClients.fromEnv(EmbeddedAws.shared().env());
  private final FakeLwaTokenEndpoint lwa =
      FakeLwaTokenEndpoint.start(
          "amzn1.application-oa2-client.crm", "skill-secret", Clock.systemUTC());
  private final FakeProactiveEventsApi api = FakeProactiveEventsApi.start(lwa);
  private QueuePair notifications;
  private WorkerStack stack;
  private LocalSqsEventSource notifier;
  private DynamoDbNotificationLog recipients;

  @BeforeEach
  void start() {
    notifications =
        ResourceDefinitions.createQueueWithDlq(
            clients.sqs(), EmbeddedAws.shared().freshName("crm-notifications"), MAX_RECEIVES, 1);
    stack = new WorkerStack(Map.of("NOTIFICATION_QUEUE_URL", notifications.queueUrl()), 5);
    Map<String, String> env = new HashMap<>(EmbeddedAws.shared().env());
    env.put("COMMANDS_TABLE", stack.commandsTable);
    env.put("ALEXA_CLIENT_ID", "amzn1.application-oa2-client.crm");
    env.put("ALEXA_CLIENT_SECRET", "skill-secret");
    env.put("ALEXA_LWA_TOKEN_URL", lwa.tokenUrl().toString());
    env.put("ALEXA_API_ENDPOINT", api.endpoint().toString());
    env.put("NOTIFICATION_MAX_RECEIVE_COUNT", Integer.toString(MAX_RECEIVES));
    NotificationWorkerHandler handler = new NotificationWorkerHandler(env);
    notifier =
        new LocalSqsEventSource(
            clients.sqs(), notifications.queueUrl(), e -> handler.handleRequest(e, null), 10, 0);
    recipients = new DynamoDbNotificationLog(clients.dynamoDb(), stack.commandsTable);
  }

  @AfterEach
  void stop() {
    notifier.close();
    stack.close();
    api.close();
    lwa.close();
    clients.close();
  }

  /** What the skill does: record and queue the command, then who gave it. */
  private void submit(String commandId, String email, Recipient from) {
    CreateLead command =
        new CreateLead(
            commandId,
            WorkerStack.OWNER,
            new NewLead("Ada", "Lovelace", "Analytical Engines", email, null),
            Instant.now());
    stack.log.recordQueued(command, Instant.now());
    stack.sender.send(command);
    assertThat(recipients.recordRecipient(commandId, from)).isTrue();
  }

  private boolean is(String id, CommandState state) {
    return stack.log.find(id).map(r -> r.state() == state).orElse(false);
  }

  private void rejectDuplicatesOf(String email) {
    stack.salesforce.faults().duplicateRule(true);
    stack.salesforce.insertLead(Map.of("LastName", "Lovelace", "Company", "Co", "Email", email));
  }

  private boolean notifyUntil(java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (done.getAsBoolean()) {
        return true;
      }
      if (notifier.pollOnce() == 0) {
        WorkerStack.sleep(100);
      }
    }
    return done.getAsBoolean();
  }

  private void drainBoth() {
    stack.eventSource.drain(Duration.ofSeconds(5));
    notifier.drain(Duration.ofSeconds(5));
  }

  @Test
  void aRejectedCommand_notifiesExactlyItsOwner_once() {
    rejectDuplicatesOf("ada@example.com");
    submit("dup-1", "ada@example.com", ADA);
    submit("ok-1", "grace@example.com", BOB);

    assertThat(
            stack.pollUntil(
                () -> is("dup-1", CommandState.FAILED) && is("ok-1", CommandState.DONE),
                Duration.ofSeconds(20)))
        .isTrue();
    assertThat(notifyUntil(() -> api.accepted().size() >= 1)).isTrue();
    drainBoth();

    assertThat(api.accepted()).hasSize(1);
    FakeProactiveEventsApi.Event event = api.accepted().get(0);
    assertThat(event.user()).isEqualTo(ADA.alexaUserId());
    assertThat(event.locale()).isEqualTo("en-GB");
    assertThat(event.referenceId()).isEqualTo("crmvoice-command-dup-1");
    assertThat(event.creatorName()).contains("Ada Lovelace").contains("did not reach Salesforce");
    assertThat(stack.depth(notifications.queueUrl())).isZero();
  }

  @Test
  void aRedeliveredCommandAndARedeliveredJob_stillNotifyOnce() {
    rejectDuplicatesOf("ada@example.com");
    submit("dup-2", "ada@example.com", ADA);
    assertThat(stack.pollUntil(() -> is("dup-2", CommandState.FAILED), Duration.ofSeconds(20)))
        .isTrue();

    // The same command message again (SQS at-least-once), and the same job twice more.
    stack.sendRaw(
        new com.crmvoice.adapters.codec.CommandCodec()
            .encode(stack.log.find("dup-2").orElseThrow().command()));
    String job = new NotificationJobCodec().encode("dup-2");
    clients.sqs().sendMessage(r -> r.queueUrl(notifications.queueUrl()).messageBody(job));
    clients.sqs().sendMessage(r -> r.queueUrl(notifications.queueUrl()).messageBody(job));
    drainBoth();
    notifyUntil(() -> stack.depth(notifications.queueUrl()) == 0);

    assertThat(api.accepted()).hasSize(1);
    assertThat(stack.deadLetters()).isEmpty();
  }

  @Test
  void aFailedDelivery_isRetried_andNotifiesOnce() {
    api.failNext(503, 1);
    api.failNext(429, 1);
    rejectDuplicatesOf("ada@example.com");
    submit("dup-3", "ada@example.com", ADA);
    assertThat(stack.pollUntil(() -> is("dup-3", CommandState.FAILED), Duration.ofSeconds(20)))
        .isTrue();

    assertThat(notifyUntil(() -> api.accepted().size() >= 1)).isTrue();
    drainBoth();

    assertThat(api.accepted()).hasSize(1);
    assertThat(api.rejected()).isEqualTo(2);
    assertThat(lwa.grants()).isEqualTo(1);
  }

  @Test
  void aPermanentRejection_isDropped_notRetried() {
    api.failNext(403, 1);
    rejectDuplicatesOf("ada@example.com");
    submit("dup-4", "ada@example.com", ADA);
    assertThat(stack.pollUntil(() -> is("dup-4", CommandState.FAILED), Duration.ofSeconds(20)))
        .isTrue();

    assertThat(notifyUntil(() -> api.rejected() >= 1)).isTrue();
    drainBoth();
    // A stray redelivery of the job finds it dealt with.
    String job = new NotificationJobCodec().encode("dup-4");
    clients.sqs().sendMessage(r -> r.queueUrl(notifications.queueUrl()).messageBody(job));
    drainBoth();

    assertThat(api.rejected()).isEqualTo(1);
    assertThat(api.accepted()).isEmpty();
    assertThat(stack.depth(notifications.queueUrl())).isZero();
    assertThat(stack.depth(notifications.dlqUrl())).isZero();
  }
}
