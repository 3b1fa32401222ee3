package com.crmvoice.refresher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.crmvoice.adapters.codec.RefreshMessageCodec;
import com.crmvoice.core.config.ConfigException;
import com.crmvoice.core.config.RefresherConfig;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.InMemoryWatermarkStore;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.port.LeadCache.Snapshot;
import com.crmvoice.core.service.refresher.CacheRefresher;
import com.crmvoice.core.service.refresher.PassReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The handler's translation of events, over the in-memory fakes; fixtures as AWS sends them, typed
 * ones loaded with aws-lambda-java-tests (the Lambda runtime's own serializer).
 */
class CacheRefresherHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final String OWNER_1 = "005000000000001AAA";
  private static final String OWNER_2 = "005000000000002AAA";

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
  private final InMemoryLeadCache cache = new InMemoryLeadCache();
  private final InMemoryWatermarkStore watermarks = new InMemoryWatermarkStore();
  private final CacheRefresherHandler handler =
      new CacheRefresherHandler(
          new CacheRefresher(
              crm,
              cache,
              watermarks,
              new RefresherConfig(5, Duration.ofSeconds(60), 1000),
              clock,
              () -> crm.calls("openLeads") + crm.calls("topOpenLeads")));

  private static Lead lead(String owner, String id, int ageDays) {
    return new Lead(
        id,
        owner,
        "Ada",
        "Lovelace",
        "Acme",
        null,
        null,
        "Open",
        T0.minus(Duration.ofDays(ageDays)));
  }

  private JsonNode invoke(InputStream event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(event, out, null);
    return JSON.readTree(out.toByteArray());
  }

  private JsonNode invokeFixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/events/" + name)) {
      return invoke(in);
    }
  }

  private static InputStream text(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void whileSalesforceIsNotConfigured_aPassFailsAndABatchIsHandedBackWhole() throws IOException {
    CacheRefresherHandler blank =
        new CacheRefresherHandler(
            new CacheRefresher(
                crm,
                cache,
                watermarks,
                new RefresherConfig(5, Duration.ofSeconds(60), 1000),
                clock,
                () -> 0),
            () -> {
              throw new CrmNotConfiguredException("SALESFORCE_CLIENT_ID is required but not set");
            });
    crm.put(lead(OWNER_1, "00Q1", 3));

    assertThatThrownBy(
            () -> {
              try (InputStream in = getClass().getResourceAsStream("/events/schedule-full.json")) {
                blank.handleRequest(in, new ByteArrayOutputStream(), null);
              }
            })
        .isInstanceOf(CrmNotConfiguredException.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = getClass().getResourceAsStream("/events/sqs-refresh-batch.json")) {
      blank.handleRequest(in, out, null);
    }
    JsonNode answer = JSON.readTree(out.toByteArray());
    JsonNode batch;
    try (InputStream in = getClass().getResourceAsStream("/events/sqs-refresh-batch.json")) {
      batch = JSON.readTree(in);
    }

    assertThat(answer.path("batchItemFailures")).hasSize(batch.path("Records").size());
    assertThat(crm.calls("openLeads") + crm.calls("topOpenLeads")).isZero();
  }

  @Test
  void aScheduledFullPassFillsTheCacheAndAnswersItsFigures() throws IOException {
    crm.put(lead(OWNER_1, "00Q1", 3));
    crm.put(lead(OWNER_2, "00Q2", 2));

    JsonNode answer = invokeFixture("schedule-full.json");

    assertThat(answer.get("pass").asText()).isEqualTo("full");
    assertThat(answer.get("ownersSeen").asInt()).isEqualTo(2);
    assertThat(answer.get("leadsRead").asInt()).isEqualTo(2);
    assertThat(answer.get("itemsWritten").asInt()).isEqualTo(4);
    assertThat(answer.get("crmCalls").asInt()).isEqualTo(1);
    assertThat(answer.has("durationMs")).isTrue();
    assertThat(cache.topLeads(OWNER_1, 5)).isInstanceOf(Snapshot.Known.class);
  }

  @Test
  void aScheduledIncrementalPassSetsTheWatermark() throws IOException {
    crm.put(lead(OWNER_1, "00Q1", 3));

    JsonNode answer = invokeFixture("schedule-incremental.json");

    assertThat(answer.get("pass").asText()).isEqualTo("incremental");
    assertThat(answer.get("watermark").asText()).isEqualTo(T0.toString());
    assertThat(watermarks.load()).contains(T0);
  }

  @Test
  void anUnknownPassIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> invoke(text("{\"pass\":\"weekly\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown pass 'weekly'");
    assertThatThrownBy(() -> invoke(text("{\"detail-type\":\"Scheduled Event\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a schedule input");
    assertThatThrownBy(() -> invoke(text("not json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
    assertThat(crm.calls("openLeads")).isZero();
  }

  @Test
  void aRefreshBatchRefreshesEachOwnerOnce_andAcknowledgesTheMalformedMessage() throws IOException {
    crm.put(lead(OWNER_1, "00Q1", 3));
    crm.put(lead(OWNER_2, "00Q2", 2));

    JsonNode answer = invokeFixture("sqs-refresh-batch.json");

    assertThat(answer.get("batchItemFailures")).isEmpty();
    assertThat(crm.calls("topOpenLeads")).isEqualTo(2);
    assertThat(((Snapshot.Known) cache.topLeads(OWNER_1, 5)).leads())
        .extracting(Lead::id)
        .containsExactly("00Q1");
    assertThat(((Snapshot.Known) cache.topLeads(OWNER_2, 5)).leads())
        .extracting(Lead::id)
        .containsExactly("00Q2");
  }

  @Test
  void aRefreshBatchNamesOnlyTheMessagesOfTheOwnerWhoseRefreshFailed() throws IOException {
    crm.put(lead(OWNER_1, "00Q1", 3));
    crm.put(lead(OWNER_2, "00Q2", 2));
    crm.failNextCalls(1); // the first owner's query: both of its messages

    JsonNode answer = invokeFixture("sqs-refresh-batch.json");

    assertThat(answer.get("batchItemFailures"))
        .extracting(n -> n.get("itemIdentifier").asText())
        .containsExactly(
            "6f1c2b9e-0a51-4d5e-9c38-2f7d1a0b4e01", "6f1c2b9e-0a51-4d5e-9c38-2f7d1a0b4e04");
    assertThat(cache.topLeads(OWNER_1, 5)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(cache.topLeads(OWNER_2, 5)).isInstanceOf(Snapshot.Known.class);
  }

  @Test
  void aRefreshForAReservedKeyIsDroppedAsMalformed() throws IOException {
    String body = new RefreshMessageCodec().encode("#refresher");
    String event =
        "{\"Records\":[{\"messageId\":\"m-1\",\"body\":"
            + JSON.writeValueAsString(body)
            + ",\"eventSource\":\"aws:sqs\"}]}";

    JsonNode answer = invoke(text(event));

    assertThat(answer.get("batchItemFailures")).isEmpty();
    assertThat(crm.calls("topOpenLeads")).isZero();
    assertThat(cache.ownerDigests()).isEmpty();
  }

  @Test
  void aColdStartWithoutTheLeadsTableFailsNamingTheVariable() {
    assertThatThrownBy(() -> new CacheRefresherHandler(Map.of("AWS_REGION", "us-east-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("LEADS_TABLE");
    assertThatThrownBy(
            () ->
                new CacheRefresherHandler(
                    Map.of("LEADS_TABLE", "leads", "REFRESH_WATERMARK_OVERLAP_SECONDS", "-5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REFRESH_WATERMARK_OVERLAP_SECONDS");
  }

  @Test
  void anEmptyBatchAnswersNoFailures() throws IOException {
    JsonNode answer = invoke(text("{\"Records\":[]}"));

    assertThat(answer.get("batchItemFailures")).isEmpty();
  }

  @ParameterizedTest
  @Event(value = "events/sqs-refresh-batch.json", type = SQSEvent.class)
  void theTypedQueueEntryRefreshesEachOwnerOnce_andReportsNoFailure(SQSEvent event) {
    crm.put(lead(OWNER_1, "00Q1", 3));
    crm.put(lead(OWNER_2, "00Q2", 2));

    SQSBatchResponse response = handler.handleQueue(event, null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(crm.calls("topOpenLeads")).isEqualTo(2);
  }

  @ParameterizedTest
  @Event(value = "events/sqs-refresh-batch.json", type = SQSEvent.class)
  void theTypedQueueEntryNamesTheFailedOwnersMessagesForRedelivery(SQSEvent event) {
    crm.put(lead(OWNER_1, "00Q1", 3));
    crm.put(lead(OWNER_2, "00Q2", 2));
    crm.failNextCalls(1);

    SQSBatchResponse response = handler.handleQueue(event, null);

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly(
            "6f1c2b9e-0a51-4d5e-9c38-2f7d1a0b4e01", "6f1c2b9e-0a51-4d5e-9c38-2f7d1a0b4e04");
  }

  @Test
  void theStreamEntryReadsTheQueueEventAsTheLambdaRuntimeDoes() throws IOException {
    SQSEvent expected = EventLoader.loadSQSEvent("events/sqs-refresh-batch.json");

    SQSEvent actual;
    try (InputStream in = getClass().getResourceAsStream("/events/sqs-refresh-batch.json")) {
      actual = CacheRefresherHandler.EVENTS.readValue(in, SQSEvent.class);
    }

    assertThat(actual.getRecords())
        .extracting(
            SQSEvent.SQSMessage::getMessageId,
            SQSEvent.SQSMessage::getBody,
            SQSEvent.SQSMessage::getEventSourceArn,
            SQSEvent.SQSMessage::getAttributes)
        .containsExactlyElementsOf(
            expected.getRecords().stream()
                .map(
                    m ->
                        org.assertj.core.groups.Tuple.tuple(
                            m.getMessageId(),
                            m.getBody(),
                            m.getEventSourceArn(),
                            m.getAttributes()))
                .toList());
    assertThat(actual.getRecords().get(0).getEventSourceArn())
        .isEqualTo("arn:aws:sqs:us-east-1:123456789012:crm-refresh");
  }

  @Test
  void theTypedScheduleEntryRunsThePassItsInputNames() {
    crm.put(lead(OWNER_1, "00Q1", 3));

    PassReport full =
        handler.handleSchedule(
            EventLoader.loadEvent("events/schedule-full.json", ScheduleInput.class), null);
    PassReport incremental =
        handler.handleSchedule(
            EventLoader.loadEvent("events/schedule-incremental.json", ScheduleInput.class), null);

    assertThat(full.pass().label()).isEqualTo("full");
    assertThat(full.ownersSeen()).isEqualTo(1);
    assertThat(incremental.pass().label()).isEqualTo("incremental");
    assertThat(watermarks.load()).contains(T0);
  }

  @Test
  void theTypedScheduleEntryRefusesAnInputWithoutAPass() {
    assertThatThrownBy(() -> handler.handleSchedule(new ScheduleInput(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a schedule input");
    assertThat(crm.calls("openLeads")).isZero();
  }
}
