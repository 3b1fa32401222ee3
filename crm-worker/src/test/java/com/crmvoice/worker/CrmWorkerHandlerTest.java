package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.core.config.WorkerConfig;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.port.DeadLetterQueue;
import com.crmvoice.core.service.worker.CommandProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The handler on an SQS event kept exactly as Lambda delivers it, loaded as the runtime does. */
class CrmWorkerHandlerTest {

  /** An SQS event as the Lambda runtime deserialises it (aws-lambda-java-tests). */
  private static SQSEvent fixture(String name) {
    return EventLoader.loadSQSEvent("events/" + name);
  }

  /** The handler over in-memory fakes, as its package-private constructor takes them. */
  private static CrmWorkerHandler handler(
      InMemoryCrmGateway crm, InMemoryCommandLog log, int maxAttempts, DeadLetterQueue dlq) {
    return handler(crm, log, maxAttempts, dlq, () -> {});
  }

  private static CrmWorkerHandler handler(
      InMemoryCrmGateway crm,
      InMemoryCommandLog log,
      int maxAttempts,
      DeadLetterQueue dlq,
      Runnable requireConfigured) {
    WorkerConfig config =
        new WorkerConfig(
            maxAttempts,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            Duration.ofSeconds(60),
            50,
            5,
            Duration.ofSeconds(30),
            2,
            5);
    ResilientCrmGateway resilient = new ResilientCrmGateway(crm, config);
    CommandProcessor processor =
        new CommandProcessor(
            new CommandCodec()::decode,
            log,
            resilient,
            new InMemoryLeadCache(),
            dlq,
            Clock.systemUTC(),
            Duration.ofSeconds(60),
            5,
            config.maxReceiveCount());
    return new CrmWorkerHandler(processor, resilient, requireConfigured);
  }

  @Test
  void whileSalesforceIsNotConfigured_theWholeBatchIsHandedBackUntouched() throws Exception {
    InMemoryCrmGateway crm = new InMemoryCrmGateway(Clock.systemUTC());
    InMemoryCommandLog log = new InMemoryCommandLog();
    List<String> parked = new ArrayList<>();
    SQSEvent event = fixture("sqs-batch.json");

    SQSBatchResponse response =
        handler(
                crm,
                log,
                2,
                (body, reason) -> parked.add(reason),
                () -> {
                  throw new CrmNotConfiguredException(
                      "SALESFORCE_CLIENT_ID is required but not set");
                })
            .handleRequest(event, null);

    // Every message, the malformed one too: nothing is decided while the worker cannot work.
    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactlyElementsOf(
            event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).toList());
    assertThat(log.find("cmd-fixture-1")).isEmpty();
    assertThat(crm.allLeads()).isEmpty();
    assertThat(parked).isEmpty();
  }

  @ParameterizedTest
  @Event(value = "events/sqs-batch.json", type = SQSEvent.class)
  void createsTheGoodRecordAndParksThePoisonOneWithoutFailingTheBatch(SQSEvent event) {
    InMemoryCrmGateway crm = new InMemoryCrmGateway(Clock.systemUTC());
    InMemoryCommandLog log = new InMemoryCommandLog();
    List<String> parked = new ArrayList<>();

    SQSBatchResponse response =
        handler(crm, log, 2, (body, reason) -> parked.add(reason)).handleRequest(event, null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(log.find("cmd-fixture-1"))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.DONE));
    assertThat(crm.allLeads()).hasSize(1);
    assertThat(parked).singleElement().asString().startsWith("not JSON");
  }

  @ParameterizedTest
  @Event(value = "events/sqs-batch.json", type = SQSEvent.class)
  void reportsOnlyTheMessagesToRedeliver(SQSEvent event) {
    InMemoryCrmGateway crm = new InMemoryCrmGateway(Clock.systemUTC());
    crm.failNextCalls(10);

    SQSBatchResponse response =
        handler(crm, new InMemoryCommandLog(), 1, (body, reason) -> {}).handleRequest(event, null);

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("059f36b4-87a3-44ab-83d2-661975830a7d");
  }

  private static SQSEvent deliveredFor(String receiveCount) {
    SQSEvent event = fixture("sqs-batch.json");
    Map<String, String> attributes = new HashMap<>(event.getRecords().get(0).getAttributes());
    attributes.put("ApproximateReceiveCount", receiveCount);
    event.getRecords().get(0).setAttributes(attributes);
    return event;
  }

  @Test
  void onTheQueuesLastDeliveryACommandSalesforceDidNotTakeIsFailedRetryableAndStillReported()
      throws Exception {
    InMemoryCrmGateway crm = new InMemoryCrmGateway(Clock.systemUTC());
    crm.failNextCalls(10);
    InMemoryCommandLog log = new InMemoryCommandLog();

    SQSBatchResponse response =
        handler(crm, log, 1, (body, reason) -> {}).handleRequest(deliveredFor("5"), null);

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("059f36b4-87a3-44ab-83d2-661975830a7d");
    assertThat(log.find("cmd-fixture-1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.status().retryable()).isTrue();
              assertThat(r.status().failureReason()).isEqualTo("UNAVAILABLE_SET_ASIDE");
            });
  }

  @Test
  void onTheLastDeliveryAnOpenCircuitGivesTheCommandUpWithoutCallingSalesforce() throws Exception {
    InMemoryCrmGateway crm = new InMemoryCrmGateway(Clock.systemUTC());
    crm.failNextCalls(100);
    InMemoryCommandLog log = new InMemoryCommandLog();
    CrmWorkerHandler handler = handler(crm, log, 1, (body, reason) -> {});
    for (int i = 0; i < 5; i++) {
      handler.handleRequest(deliveredFor("1"), null);
    }
    int callsWhenOpen = crm.calls("createLeads");

    SQSBatchResponse response = handler.handleRequest(deliveredFor("5"), null);

    assertThat(crm.calls("createLeads")).isEqualTo(callsWhenOpen);
    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("059f36b4-87a3-44ab-83d2-661975830a7d");
    assertThat(log.find("cmd-fixture-1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.status().retryable()).isTrue();
              assertThat(r.status().failureCode()).isEqualTo("CIRCUIT_OPEN");
              assertThat(r.status().failureReason()).isEqualTo("UNAVAILABLE_SET_ASIDE");
            });
  }

  @Test
  void beforeTheLastDeliveryACommandSalesforceDidNotTakeStaysQueued() throws Exception {
    InMemoryCrmGateway crm = new InMemoryCrmGateway(Clock.systemUTC());
    crm.failNextCalls(10);
    InMemoryCommandLog log = new InMemoryCommandLog();

    handler(crm, log, 1, (body, reason) -> {}).handleRequest(deliveredFor("4"), null);

    assertThat(log.find("cmd-fixture-1"))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.QUEUED));
  }

  @Test
  void aMissingOrUnreadableReceiveCountCountsAsAFirstDelivery() {
    assertThat(CrmWorkerHandler.receiveCount(null)).isEqualTo(1);
    assertThat(CrmWorkerHandler.receiveCount(Map.of())).isEqualTo(1);
    assertThat(CrmWorkerHandler.receiveCount(Map.of("ApproximateReceiveCount", "x"))).isEqualTo(1);
    assertThat(CrmWorkerHandler.receiveCount(Map.of("ApproximateReceiveCount", "7"))).isEqualTo(7);
  }
}
