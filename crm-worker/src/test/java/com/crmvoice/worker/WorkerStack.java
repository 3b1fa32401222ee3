package com.crmvoice.worker;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.aws.ResourceDefinitions.QueuePair;
import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.adapters.dynamodb.DynamoDbCommandLog;
import com.crmvoice.adapters.sqs.SqsCommandQueue;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.aws.LocalSqsEventSource;
import com.crmvoice.testkit.aws.QueueDepth;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The worker wired as AWS wires it, on one machine: fresh tables and queues in the embedded engines
 * (or another {@link AwsTestEnvironment}, such as LocalStack), the fake Salesforce (or, with the
 * CRM "dynamics", the fake Dataverse), the handler built from an environment map, and the local SQS
 * event source in front of it. Shared by the integration tests, the chaos run and the benchmark.
 */
final class WorkerStack implements AutoCloseable {

  static final String OWNER = "005000000000042AAA";

  /** The owner of the commands on Dynamics 365: a systemuser of the fake Dataverse. */
  static final String DYNAMICS_OWNER = FakeDataverse.ownerId(42);

  /** The worker's Salesforce timeout here (SALESFORCE_TIMEOUT_MS). */
  static final Duration TIMEOUT = Duration.ofMillis(2000);

  /** A stall the worker gives up on: past {@link #TIMEOUT}. */
  static final Duration PAST_THE_TIMEOUT = TIMEOUT.plusMillis(600);

  final AwsTestEnvironment aws;
  final AwsClients clients;

  /** The fake Salesforce; null on Dynamics. */
  final FakeSalesforce salesforce;

  /** The fake Dataverse on Dynamics; null on Salesforce. */
  final FakeDataverse dataverse;

  /** The owner id of the commands {@link #submit(String, String)} sends. */
  final String owner;

  final String leadsTable;
  final String commandsTable;
  final QueuePair queue;
  final Map<String, String> env = new HashMap<>();
  final CrmWorkerHandler handler;
  final LocalSqsEventSource eventSource;
  final DynamoDbCommandLog log;
  final SqsCommandQueue sender;

  WorkerStack(Map<String, String> overrides, int maxReceiveCount) {
    this(EmbeddedAws.shared(), overrides, maxReceiveCount);
  }

  WorkerStack(AwsTestEnvironment aws, Map<String, String> overrides, int maxReceiveCount) {
    this(aws, overrides, maxReceiveCount, 1);
  }

  /**
   * @param visibilitySeconds the queue's visibility timeout: 1 s lets the tests see redeliveries
   *     soon; the benchmark needs one longer than a batch takes, as the template's is
   */
  WorkerStack(
      AwsTestEnvironment aws,
      Map<String, String> overrides,
      int maxReceiveCount,
      int visibilitySeconds) {
    this(aws, overrides, maxReceiveCount, visibilitySeconds, "salesforce");
  }

  /**
   * @param crm "salesforce" or "dynamics": the fake the worker talks to, as CRM sets it
   */
  WorkerStack(
      AwsTestEnvironment aws,
      Map<String, String> overrides,
      int maxReceiveCount,
      int visibilitySeconds,
      String crm) {
    boolean dynamics = crm.equals("dynamics");
    this.salesforce = dynamics ? null : FakeSalesforce.start();
    this.dataverse = dynamics ? FakeDataverse.start() : null;
    this.owner = dynamics ? DYNAMICS_OWNER : OWNER;
    if (dynamics) {
      dataverse.addUser(DYNAMICS_OWNER, "Chaos Rep");
    }
    this.aws = aws;
    this.clients = AwsClients.fromEnv(aws.env());
    this.leadsTable = aws.freshName("leads");
    this.commandsTable = aws.freshName("commands");
    ResourceDefinitions.createLeadsTable(clients.dynamoDb(), leadsTable);
    ResourceDefinitions.createCommandsTable(clients.dynamoDb(), commandsTable);
    queue =
        ResourceDefinitions.createQueueWithDlq(
            clients.sqs(), aws.freshName("crm-commands"), maxReceiveCount, visibilitySeconds);
    env.putAll(aws.env());
    env.put("LEADS_TABLE", leadsTable);
    env.put("COMMANDS_TABLE", commandsTable);
    env.put("COMMAND_QUEUE_URL", queue.queueUrl());
    env.put("COMMAND_DLQ_URL", queue.dlqUrl());
    if (dynamics) {
      env.putAll(dataverse.env());
      env.put("DYNAMICS_TIMEOUT_MS", Long.toString(TIMEOUT.toMillis()));
    } else {
      env.putAll(salesforce.clientCredentialsEnv());
      env.put("SALESFORCE_TIMEOUT_MS", Long.toString(TIMEOUT.toMillis()));
    }
    env.put("WORKER_RETRY_INITIAL_MS", "10");
    env.put("WORKER_RETRY_MAX_MS", "40");
    env.put("WORKER_LEASE_SECONDS", "5");
    // The worker gives up on the delivery the queue's redrive policy makes the last one.
    env.put("COMMAND_MAX_RECEIVE_COUNT", Integer.toString(maxReceiveCount));
    env.putAll(overrides);
    handler = new CrmWorkerHandler(env);
    eventSource =
        new LocalSqsEventSource(
            clients.sqs(), queue.queueUrl(), e -> handler.handleRequest(e, null), 10, 0);
    log = new DynamoDbCommandLog(clients.dynamoDb(), commandsTable, Duration.ofDays(1));
    sender = new SqsCommandQueue(clients.sqs(), queue.queueUrl(), new CommandCodec());
  }

  /** What the intent Lambda does on a confirmed create: record QUEUED, then put it on the queue. */
  CreateLead submit(String commandId, String lastName) {
    CreateLead command =
        new CreateLead(
            commandId,
            owner,
            new NewLead("Ada", lastName, "Analytical Engines", "ada@example.com", null),
            Instant.now());
    log.recordQueued(command, Instant.now());
    sender.send(command);
    return command;
  }

  /** Any command, as the intent Lambda sends it after the user's yes. */
  <T extends com.crmvoice.core.domain.CrmCommand> T submit(T command) {
    log.recordQueued(command, Instant.now());
    sender.send(command);
    return command;
  }

  /** Whether the handler's circuit breaker refuses calls now. */
  boolean handlerCircuitOpen() {
    return handler.circuitRefusingFor().isPresent();
  }

  void sendRaw(String body) {
    clients.sqs().sendMessage(r -> r.queueUrl(queue.queueUrl()).messageBody(body));
  }

  /** Polls (waiting out visibility timeouts) until the condition holds or the time is up. */
  boolean pollUntil(BooleanSupplier done, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (done.getAsBoolean()) {
        return true;
      }
      if (eventSource.pollOnce() == 0) {
        sleep(100);
      }
    }
    return done.getAsBoolean();
  }

  /** Messages that a receive would return now (not in flight). */
  int visible(String url) {
    return QueueDepth.of(clients.sqs(), url).visible();
  }

  int depth(String url) {
    return QueueDepth.of(clients.sqs(), url).total();
  }

  /**
   * What an administrator does after fixing the cause (SQS's "Start DLQ redrive"): every message in
   * the dead-letter queue is sent back to the command queue and removed from the dead-letter queue.
   *
   * @return how many messages were moved
   */
  int redriveDeadLetters() {
    int moved = 0;
    for (Message message : deadLetters()) {
      clients.sqs().sendMessage(r -> r.queueUrl(queue.queueUrl()).messageBody(message.body()));
      clients
          .sqs()
          .deleteMessage(r -> r.queueUrl(queue.dlqUrl()).receiptHandle(message.receiptHandle()));
      moved++;
    }
    return moved;
  }

  List<Message> deadLetters() {
    return clients
        .sqs()
        .receiveMessage(
            r ->
                r.queueUrl(queue.dlqUrl())
                    .maxNumberOfMessages(10)
                    .messageAttributeNames("All")
                    .waitTimeSeconds(1))
        .messages();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    eventSource.close();
    if (salesforce != null) {
      salesforce.close();
    }
    if (dataverse != null) {
      dataverse.close();
    }
    clients.close();
  }
}
