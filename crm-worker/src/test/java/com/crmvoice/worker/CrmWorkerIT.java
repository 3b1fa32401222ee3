package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.dynamodb.DynamoDbAgendaCache;
import com.crmvoice.adapters.dynamodb.DynamoDbLeadCache;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.ClosingDeals;
import com.crmvoice.core.service.day.DayService;
import com.crmvoice.core.service.skill.LeadStatusService;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.salesforce.DuplicateRule;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.crmvoice.testkit.salesforce.OrgSettings;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The worker end to end: ElasticMQ -> local event source -> handler -> fake Salesforce, DynamoDB
 * Local; against LocalStack in {@link CrmWorkerLocalStackIT}.
 */
class CrmWorkerIT {

  /** The AWS these tests run against; a LocalStack subclass returns LocalStack. */
  protected AwsTestEnvironment aws() {
    return EmbeddedAws.shared();
  }

  private WorkerStack newStack(Map<String, String> overrides, int maxReceiveCount) {
    return new WorkerStack(aws(), overrides, maxReceiveCount);
  }

  private static final Map<String, String> WITH_EXTERNAL_ID =
      Map.of("SALESFORCE_EXTERNAL_ID_FIELD", FakeSalesforce.EXTERNAL_ID_FIELD);

  private static boolean state(WorkerStack stack, String id, CommandState state) {
    return stack.log.find(id).map(r -> r.state() == state).orElse(false);
  }

  @Test
  void aMessageDeliveredTwiceCreatesOneLead() {
    try (WorkerStack stack = newStack(Map.of(), 5)) {
      stack.submit("twice-1", "Twice");
      stack.sender.send(stack.log.find("twice-1").orElseThrow().command());

      assertThat(
              stack.pollUntil(
                  () -> stack.depth(stack.queue.queueUrl()) == 0, Duration.ofSeconds(20)))
          .isTrue();

      assertThat(stack.salesforce.leadCount()).isEqualTo(1);
      assertThat(stack.log.find("twice-1").orElseThrow().state()).isEqualTo(CommandState.DONE);
      assertThat(stack.deadLetters()).isEmpty();
    }
  }

  @Test
  void aStormOf503sWithTheBreakersDefaultsDeadLettersNothing_whenSalesforceIsBackASecondLater() {
    // The circuit breaker as deployed (50 %, 5 calls, 30 s open), the queue's real redrive policy,
    // and a visibility timeout (1 s) far shorter than the open circuit.
    try (WorkerStack stack = newStack(Map.of(), ResourceDefinitions.MAX_RECEIVE_COUNT)) {
      // Given five 503s in a row: the fifth opens the circuit, then Salesforce is healthy
      stack.salesforce.faults().failNext(5, 503);
      stack.submit("storm-1", "Storm");
      assertThat(
              stack.pollUntil(
                  () -> stack.handlerCircuitOpen() && state(stack, "storm-1", CommandState.QUEUED),
                  Duration.ofSeconds(30)))
          .isTrue();
      int callsWhenOpened = stack.salesforce.calls("composite-create");

      // When another command arrives while the circuit is open
      stack.submit("storm-2", "Calm");
      assertThat(
              stack.pollUntil(
                  () -> stack.visible(stack.queue.queueUrl()) == 0, Duration.ofSeconds(10)))
          .isTrue();

      // Then it is refused without a Salesforce call and without counting an attempt
      assertThat(stack.salesforce.calls("composite-create")).isEqualTo(callsWhenOpened);
      assertThat(stack.log.find("storm-2").orElseThrow().attempts()).isZero();

      // And once the circuit half-opens both leads are created; nothing is dead-lettered
      assertThat(
              stack.pollUntil(
                  () ->
                      state(stack, "storm-1", CommandState.DONE)
                          && state(stack, "storm-2", CommandState.DONE),
                  Duration.ofSeconds(90)))
          .isTrue();
      assertThat(stack.salesforce.leadCount()).isEqualTo(2);
      assertThat(stack.deadLetters()).isEmpty();
      assertThat(stack.log.find("storm-2").orElseThrow().attempts()).isEqualTo(1);
    }
  }

  @Test
  void anExpiredTokenIsRefreshedOnce() {
    try (WorkerStack stack = newStack(Map.of(), 5)) {
      stack.submit("tok-1", "First");
      stack.pollUntil(() -> state(stack, "tok-1", CommandState.DONE), Duration.ofSeconds(20));
      stack.salesforce.faults().expireTokens();

      stack.submit("tok-2", "Second");
      assertThat(
              stack.pollUntil(
                  () -> state(stack, "tok-2", CommandState.DONE), Duration.ofSeconds(20)))
          .isTrue();

      assertThat(stack.salesforce.calls("token")).isEqualTo(2);
      assertThat(stack.salesforce.leadCount()).isEqualTo(2);
    }
  }

  @Test
  void commitThenDropWithTheExternalIdLeavesExactlyOneLead() {
    try (WorkerStack stack = newStack(WITH_EXTERNAL_ID, 5)) {
      stack.salesforce.faults().commitThenDrop(1);
      stack.submit("drop-1", "Dropped");

      assertThat(
              stack.pollUntil(
                  () -> state(stack, "drop-1", CommandState.DONE), Duration.ofSeconds(20)))
          .isTrue();

      assertThat(stack.salesforce.leadCount()).isEqualTo(1);
      assertThat(stack.salesforce.calls("composite-upsert")).isEqualTo(2);
      assertThat(stack.salesforce.leads().get(0))
          .containsEntry(FakeSalesforce.EXTERNAL_ID_FIELD, "drop-1");
    }
  }

  @Test
  void aValidationErrorIsFailedWithItsReasonAndNotDeadLettered() {
    try (WorkerStack stack = newStack(Map.of(), 5)) {
      stack.salesforce.faults().duplicateRule(true);
      stack.salesforce.insertLead(
          Map.of("LastName", "Dup", "Company", "Co", "Email", "ada@example.com"));
      stack.submit("dup-1", "Dup");

      assertThat(
              stack.pollUntil(
                  () -> state(stack, "dup-1", CommandState.FAILED), Duration.ofSeconds(20)))
          .isTrue();

      var record = stack.log.find("dup-1").orElseThrow();
      assertThat(record.status().failureCode()).isEqualTo("DUPLICATES_DETECTED");
      // The log keeps the code; the skill says it from its bundles.
      assertThat(record.status().failureReason()).isEqualTo("DUPLICATES_DETECTED");
      assertThat(stack.depth(stack.queue.queueUrl())).isZero();
      assertThat(stack.deadLetters()).isEmpty();
    }
  }

  // An org with an active lead assignment rule and an Alert-type duplicate rule: the lead the user
  // confirmed is created, and stays theirs (Sforce-Auto-Assign: FALSE, allowSave=true).
  @Test
  void aConfirmedLeadIsCreatedForItsOwner_despiteAnAssignmentRuleAndAnAlertDuplicateRule() {
    try (WorkerStack stack = newStack(WITH_EXTERNAL_ID, 5)) {
      stack.salesforce.org().leadAssignmentRule(OrgSettings.LEAD_QUEUE_ID);
      stack.salesforce.org().duplicateRule(DuplicateRule.Action.ALERT);
      stack.salesforce.insertLead(
          Map.of("LastName", "Twin", "Company", "Co", "Email", "ada@example.com"));
      stack.submit("rules-1", "Twin");

      assertThat(
              stack.pollUntil(
                  () -> state(stack, "rules-1", CommandState.DONE), Duration.ofSeconds(20)))
          .isTrue();

      String crmId = stack.log.find("rules-1").orElseThrow().status().crmId();
      assertThat(stack.salesforce.lead(crmId)).containsEntry("OwnerId", WorkerStack.OWNER);
    }
  }

  @Test
  void aUserWithoutApiAccessSetsTheCommandAsideAsRefused_notAsAnOutage() {
    try (WorkerStack stack = newStack(Map.of(), 2)) {
      stack.salesforce.org().apiEnabled(false);
      stack.submit("noapi-1", "NoApi");

      assertThat(
              stack.pollUntil(
                  () -> state(stack, "noapi-1", CommandState.FAILED), Duration.ofSeconds(30)))
          .isTrue();

      var record = stack.log.find("noapi-1").orElseThrow();
      assertThat(record.status().failureCode()).isEqualTo("API_CURRENTLY_DISABLED");
      // Refused, not unavailable: the circuit breaker never counted it as an outage.
      assertThat(stack.salesforce.calls("composite-create")).isEqualTo(2);
    }
  }

  // Read your writes: "what are my tasks today" hears a follow-up the worker just created, without
  // waiting for the next agenda pass.
  @Test
  void aFollowUpDueTodayIsInTheCachedAgendaAsSoonAsTheWorkerCreatedIt() {
    try (WorkerStack stack = newStack(WITH_EXTERNAL_ID, 5)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as Salesforce stamps
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      String leadId =
          stack.salesforce.insertLead(
              Map.of("OwnerId", WorkerStack.OWNER, "LastName", "Garcia", "Company", "Northwind"));
      DynamoDbAgendaCache agendas =
          new DynamoDbAgendaCache(
              stack.clients.dynamoDb(), stack.leadsTable, Duration.ofHours(72), Clock.systemUTC());
      // Given the owner's agenda as the last pass wrote it: one overdue task
      OpenTask overdue =
          new OpenTask(
              "00T000000000009AAA", WorkerStack.OWNER, "Forecast", today.minusDays(1), null, now);
      agendas.replaceAgenda(
          new Agenda(WorkerStack.OWNER, List.of(), List.of(overdue), List.of()), now);
      DayService day =
          new DayService(
              agendas,
              new DynamoDbLeadCache(
                  stack.clients.dynamoDb(),
                  stack.leadsTable,
                  new CacheConfig(5, Duration.ofHours(72)),
                  Clock.systemUTC()),
              ClosingDeals.NONE,
              notAsked(),
              Clock.systemUTC(),
              Duration.ofSeconds(1),
              Runnable::run);

      // When a follow-up due today is confirmed and the worker has processed it (twice delivered)
      CreateTask followUp =
          stack.submit(
              new CreateTask(
                  "ryw-1",
                  WorkerStack.OWNER,
                  leadId,
                  "Maria Garcia",
                  "Send the proposal",
                  today,
                  now));
      stack.sender.send(followUp);
      assertThat(
              stack.pollUntil(
                  () ->
                      state(stack, "ryw-1", CommandState.DONE)
                          && stack.depth(stack.queue.queueUrl()) == 0,
                  Duration.ofSeconds(20)))
          .isTrue();

      // Then Salesforce holds one task, and today's tasks from the cache list it once at once
      String taskId = stack.log.find("ryw-1").orElseThrow().status().crmId();
      assertThat(stack.salesforce.tasks()).hasSize(1);
      assertThat(day.tasksDue(WorkerStack.OWNER, ZoneOffset.UTC))
          .hasValueSatisfying(
              tasks ->
                  assertThat(tasks)
                      .extracting(OpenTask::id, OpenTask::subject, OpenTask::whoName)
                      .containsExactly(
                          tuple(overdue.id(), "Forecast", null),
                          tuple(taskId, "Send the proposal", "Maria Garcia")));
    }
  }

  /** A calendar the day service must not need: the cache knows the owner. */
  private static CalendarGateway notAsked() {
    return (CalendarGateway)
        Proxy.newProxyInstance(
            CalendarGateway.class.getClassLoader(),
            new Class<?>[] {CalendarGateway.class},
            (proxy, method, args) -> {
              throw new AssertionError("asked the CRM: " + method.getName());
            });
  }

  @Test
  void aPoisonMessageLandsInTheDeadLetterQueueWithItsReason() {
    try (WorkerStack stack = newStack(Map.of(), 5)) {
      stack.sendRaw("{\"version\":7,\"type\":\"CreateLead\"}");

      stack.eventSource.pollOnce();

      List<Message> dead = stack.deadLetters();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).body()).isEqualTo("{\"version\":7,\"type\":\"CreateLead\"}");
      assertThat(dead.get(0).messageAttributes().get("failureReason").stringValue())
          .isEqualTo("unknown version 7");
      assertThat(stack.depth(stack.queue.queueUrl())).isZero();
      assertThat(stack.salesforce.calls("composite-create")).isZero();
    }
  }

  @Test
  void
      aCommandSalesforceNeverTookIsFailedWithItsReasonInTheDeadLetterQueueAndCreatedOnceWhenRedriven() {
    int maxReceiveCount = 3;
    try (WorkerStack stack =
        newStack(
            Map.of("WORKER_MAX_ATTEMPTS", "1", "CIRCUIT_MINIMUM_CALLS", "50"), maxReceiveCount)) {
      // Given Salesforce down for longer than the queue's deliveries last
      stack.salesforce.faults().failNext(1000, 503);
      stack.submit("dlq-1", "Setaside");

      // When the worker has had every delivery
      assertThat(
              stack.pollUntil(
                  () ->
                      stack.depth(stack.queue.dlqUrl()) == 1
                          && stack.depth(stack.queue.queueUrl()) == 0,
                  Duration.ofSeconds(30)))
          .isTrue();

      // Then the message is in the dead-letter queue, and the log says why, not "queued"
      assertThat(stack.salesforce.calls("composite-create")).isEqualTo(maxReceiveCount);
      CommandRecord failed = stack.log.find("dlq-1").orElseThrow();
      assertThat(failed.state()).isEqualTo(CommandState.FAILED);
      assertThat(failed.status().retryable()).isTrue();
      assertThat(failed.status().failureCode()).isEqualTo("SERVER_UNAVAILABLE");
      assertThat(failed.status().failureReason()).isEqualTo("UNAVAILABLE_SET_ASIDE");
      assertThat(new LeadStatusService(stack.log).latest(WorkerStack.OWNER))
          .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(failed.status()));
      assertThat(stack.salesforce.leadCount()).isZero();

      // When Salesforce is back and the administrator redrives the dead-letter queue
      stack.salesforce.faults().clear();
      assertThat(stack.redriveDeadLetters()).isEqualTo(1);
      assertThat(
              stack.pollUntil(
                  () -> state(stack, "dlq-1", CommandState.DONE), Duration.ofSeconds(20)))
          .isTrue();

      // Then the lead is created once and the command is DONE
      stack.pollUntil(() -> stack.depth(stack.queue.queueUrl()) == 0, Duration.ofSeconds(10));
      assertThat(stack.salesforce.leadCount()).isEqualTo(1);
      assertThat(stack.salesforce.leads().get(0)).containsEntry("LastName", "Setaside");
      CommandRecord done = stack.log.find("dlq-1").orElseThrow();
      assertThat(done.status().crmId()).isNotBlank();
      assertThat(done.status().failureReason()).isNull();
      assertThat(done.attempts()).isEqualTo(maxReceiveCount + 1);
      assertThat(stack.depth(stack.queue.dlqUrl())).isZero();
    }
  }

  @Test
  void theCircuitOpensUnderSustainedFailureAndClosesAfter() {
    Map<String, String> env =
        Map.of(
            "WORKER_MAX_ATTEMPTS",
            "1",
            "CIRCUIT_MINIMUM_CALLS",
            "2",
            "CIRCUIT_FAILURE_RATE_PERCENT",
            "50",
            "CIRCUIT_OPEN_SECONDS",
            "2");
    try (WorkerStack stack = newStack(env, 50)) {
      stack.salesforce.faults().failNext(1000, 503);
      stack.submit("cb-1", "One");
      stack.eventSource.pollOnce();
      WorkerStack.sleep(1100);
      stack.eventSource.pollOnce();
      int callsWhenOpened = stack.salesforce.calls("composite-create");
      assertThat(callsWhenOpened).isEqualTo(2);

      // Open: redeliveries are failed at once, and Salesforce sees no call.
      stack.submit("cb-2", "Two");
      stack.eventSource.pollOnce();
      assertThat(stack.salesforce.calls("composite-create")).isEqualTo(callsWhenOpened);
      assertThat(stack.log.find("cb-2").orElseThrow().state()).isEqualTo(CommandState.QUEUED);

      stack.salesforce.faults().clear();
      WorkerStack.sleep(2100);
      assertThat(
              stack.pollUntil(
                  () ->
                      state(stack, "cb-1", CommandState.DONE)
                          && state(stack, "cb-2", CommandState.DONE),
                  Duration.ofSeconds(20)))
          .isTrue();
      assertThat(stack.salesforce.leadCount()).isEqualTo(2);
    }
  }
}
