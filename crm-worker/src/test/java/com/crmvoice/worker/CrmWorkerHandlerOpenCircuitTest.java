package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.core.config.WorkerConfig;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.service.worker.CommandProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;

/** The handler while the circuit is open: refused messages wait it out, unclaimed. */
class CrmWorkerHandlerOpenCircuitTest {

  private static final int MAX_RECEIVE_COUNT = 5;
  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(Clock.systemUTC());
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final CommandCodec codec = new CommandCodec();
  private final List<ChangeMessageVisibilityBatchRequest> changes = new ArrayList<>();

  /** Just the one operation the deferral calls, recorded. */
  private final SqsClient sqs =
      new SqsClient() {
        @Override
        public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(
            Consumer<ChangeMessageVisibilityBatchRequest.Builder> request) {
          ChangeMessageVisibilityBatchRequest built =
              ChangeMessageVisibilityBatchRequest.builder().applyMutation(request).build();
          changes.add(built);
          return ChangeMessageVisibilityBatchResponse.builder()
              .successful(
                  built.entries().stream()
                      .map(
                          e -> ChangeMessageVisibilityBatchResultEntry.builder().id(e.id()).build())
                      .toList())
              .failed(List.of())
              .build();
        }

        @Override
        public String serviceName() {
          return "sqs";
        }

        @Override
        public void close() {}
      };

  private final WorkerConfig config =
      new WorkerConfig(
          1,
          Duration.ofMillis(1),
          Duration.ofMillis(2),
          Duration.ofSeconds(60),
          50,
          2,
          Duration.ofSeconds(30),
          2,
          MAX_RECEIVE_COUNT);
  private final ResilientCrmGateway resilient = new ResilientCrmGateway(crm, config);
  private final CrmWorkerHandler handler =
      new CrmWorkerHandler(
          new CommandProcessor(
              codec::decode,
              log,
              resilient,
              new InMemoryLeadCache(),
              (body, reason) -> {},
              Clock.systemUTC(),
              Duration.ofSeconds(60),
              5,
              MAX_RECEIVE_COUNT),
          resilient,
          new OpenCircuitDeferral(sqs, "https://sqs.example/q", Duration.ofSeconds(1)),
          MAX_RECEIVE_COUNT);

  private SQSEvent.SQSMessage message(String commandId, int receiveCount) {
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setMessageId("m-" + commandId);
    m.setReceiptHandle("rh-" + commandId);
    m.setBody(
        codec.encode(
            new CreateLead(
                commandId,
                "005000000000001AAA",
                new NewLead(null, "L" + commandId, "C", null, null),
                Instant.now())));
    m.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
    return m;
  }

  private SQSBatchResponse handle(SQSEvent.SQSMessage... messages) {
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(messages));
    return handler.handleRequest(event, null);
  }

  private static List<String> failed(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  @Test
  void theBatchThatOpensTheCircuitIsDeferred_andTheNextIsRefusedUnclaimedExceptItsLastDelivery() {
    crm.failNextCalls(100);
    // Two failed calls open the circuit (50 % of at least 2); the second batch's message waits.
    handle(message("a", 1));
    SQSBatchResponse opening = handle(message("b", 1));
    assertThat(resilient.refusingFor()).isPresent();
    assertThat(failed(opening)).containsExactly("m-b");
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.receiptHandle()).isEqualTo("rh-b");
              assertThat(e.visibilityTimeout()).isBetween(2, 31);
            });
    int calls = crm.calls("createLeads");

    SQSBatchResponse refused = handle(message("c", 2), message("d", MAX_RECEIVE_COUNT));

    assertThat(crm.calls("createLeads")).isEqualTo(calls);
    assertThat(failed(refused)).containsExactlyInAnyOrder("m-c", "m-d");
    assertThat(changes.get(1).entries()).extracting(e -> e.receiptHandle()).containsExactly("rh-c");
    assertThat(log.find("c")).isEmpty();
    assertThat(log.find("d"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.status().failureCode()).isEqualTo("CIRCUIT_OPEN");
            });
  }
}
