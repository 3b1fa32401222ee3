package com.crmvoice.intent;

import static com.crmvoice.intent.IntentStack.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.adapters.codec.RefreshMessageCodec;
import com.crmvoice.adapters.sqs.SqsCommandQueue;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.alexa.FakeAlexaApi;
import com.crmvoice.testkit.aws.AwsOperationRecorder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The intent function end to end: Alexa request envelope in, DynamoDB Local (lead cache, command
 * log), ElasticMQ (command and refresh queues), the fake Salesforce (userinfo, live lookups) and
 * the fake Alexa API (progressive responses) behind it.
 */
class IntentLambdaIT {

  private static final AtomicInteger OWNERS = new AtomicInteger();
  private static IntentStack stack;

  @BeforeAll
  static void start() {
    stack = new IntentStack(Map.of("LIVE_LOOKUP_BUDGET_MS", "1500"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  /** A fresh CRM user (18-character id) and their account-linking token. */
  private static String[] newUser() {
    String owner = String.format("005IT%010dAAA", OWNERS.incrementAndGet());
    return new String[] {owner, stack.salesforce.issueUserToken(owner)};
  }

  private static Lead lead(String id, String owner, String last, String created) {
    return new Lead(
        id,
        owner,
        "Ada",
        last,
        "Engines",
        "ada@engines.com",
        "+44 20 7946 0000",
        "Open",
        Instant.parse(created));
  }

  @Test
  void answersTheTopLeadFromTheCache_withoutQueryingSalesforce() {
    String[] user = newUser();
    List<Lead> leads =
        List.of(
            lead("00QIT0000000001AAA", user[0], "Lovelace", "2026-01-01T00:00:00Z"),
            lead("00QIT0000000002AAA", user[0], "Byron", "2026-02-01T00:00:00Z"));
    stack.cache.replaceOwnerLeads(user[0], leads, LeadDigest.of(leads), Instant.now());
    int queriesBefore = stack.salesforce.calls("query");

    JsonNode response =
        stack.invoke(stack.request(AlexaRequests.intent("GetTopLeadIntent"), user[1]));

    assertThat(speech(response)).contains("Ada Lovelace from Engines", "+44 20 7946 0000");
    assertThat(stack.salesforce.calls("query")).isEqualTo(queriesBefore);
  }

  @Test
  void answersThePipelineFromTheCachedDealBook_withoutQueryingSalesforce() {
    String[] user = newUser();
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    var deal =
        new com.crmvoice.core.domain.deal.Deal(
            "006IT0000000001AAA",
            user[0],
            "Acme expansion",
            "Acme",
            "Negotiation/Review",
            new java.math.BigDecimal("42500"),
            null,
            today,
            null,
            null,
            null,
            null,
            Instant.parse("2026-01-01T00:00:00Z"));
    var calc =
        new com.crmvoice.core.domain.deal.PipelineCalculator(
            com.crmvoice.core.domain.deal.OrgCurrency.single("USD"),
            com.crmvoice.core.fakes.InMemoryDealGateway.STAGES);
    var calendar = com.crmvoice.core.domain.deal.FiscalCalendar.calendar();
    var book =
        new com.crmvoice.core.domain.deal.DealBook(
            List.of(deal),
            List.of(
                calc.figures(
                    calendar.period(com.crmvoice.core.domain.deal.FiscalPeriod.Kind.QUARTER, today),
                    List.of(deal),
                    List.of())));
    new com.crmvoice.adapters.dynamodb.DynamoDbDealCache(
            stack.clients.dynamoDb(),
            stack.leadsTable,
            new com.crmvoice.core.config.CacheConfig(5, Duration.ofHours(72)),
            java.time.Clock.systemUTC())
        .replaceOwnerBook(user[0], book, Instant.now());
    int queriesBefore = stack.salesforce.calls("query");

    JsonNode response =
        stack.invoke(stack.request(AlexaRequests.intent("PipelineIntent"), user[1]));

    assertThat(speech(response)).contains("$42,500 in one open deal");
    assertThat(stack.salesforce.calls("query")).isEqualTo(queriesBefore);
  }

  @Test
  void onACacheMiss_sendsAProgressiveResponse_asksSalesforce_andCachesTheAnswer() {
    String[] user = newUser();
    stack.salesforce.insertLead(
        Map.of(
            "OwnerId", user[0],
            "FirstName", "Grace",
            "LastName", "Hopper",
            "Company", "Navy",
            "Phone", "+1 555 0199"));
    AlexaRequests request =
        stack
            .request(AlexaRequests.intent("GetTopLeadIntent"), user[1])
            .requestId("amzn1.echo-api.request.miss-" + user[0])
            .apiAccessToken("alexa-api-token-" + user[0]);
    int callsBefore = stack.alexa.calls().size();

    JsonNode response = stack.invoke(request);

    assertThat(speech(response)).contains("Grace Hopper from Navy");
    List<FakeAlexaApi.Call> calls = stack.alexa.awaitCalls(callsBefore + 1, Duration.ofSeconds(5));
    FakeAlexaApi.Call progressive = calls.get(calls.size() - 1);
    assertThat(progressive.method()).isEqualTo("POST");
    assertThat(progressive.path()).isEqualTo("/v1/directives");
    assertThat(progressive.authorization()).isEqualTo("Bearer alexa-api-token-" + user[0]);
    assertThat(progressive.contentType()).isEqualTo("application/json");
    JsonNode body = readTree(progressive.body());
    assertThat(body.at("/header/requestId").asText())
        .isEqualTo("amzn1.echo-api.request.miss-" + user[0]);
    assertThat(body.at("/directive/type").asText()).isEqualTo("VoicePlayer.Speak");
    assertThat(body.at("/directive/speech").asText())
        .isEqualTo("<speak>One moment while I check Salesforce.</speak>");
    assertThat(stack.cache.topLeads(user[0], 5))
        .isInstanceOfSatisfying(
            LeadCache.Snapshot.Known.class,
            known ->
                assertThat(known.leads()).extracting(Lead::lastName).containsExactly("Hopper"));
  }

  @Test
  void whenTheBudgetRunsOut_answersKindly_andRequestsARefreshOfThatOwner() {
    String[] user = newUser();
    stack.invoke(stack.request(AlexaRequests.intent("LeadStatusIntent"), user[1]));
    // Slower than the budget (1500 ms) but within the HTTP timeout (3000 ms): only the budget
    // can turn this into the friendly answer.
    stack.salesforce.faults().latency(Duration.ofMillis(2500));
    JsonNode response;
    try {
      response = stack.invoke(stack.request(AlexaRequests.intent("GetTopLeadIntent"), user[1]));
    } finally {
      stack.salesforce.faults().latency(Duration.ZERO);
    }

    assertThat(speech(response)).contains("taking longer than usual");
    assertThat(refreshRequests()).contains(user[0]);
  }

  @Test
  void aSlowUserinfoIsBoundedByTheBudgetToo() {
    String[] user = newUser();
    // Slower than the budget (1500 ms), within the Salesforce timeout (3000 ms).
    stack.salesforce.faults().latency(Duration.ofMillis(2500));
    JsonNode response;
    try {
      response = stack.invoke(stack.request(AlexaRequests.intent("GetTopLeadIntent"), user[1]));
    } finally {
      stack.salesforce.faults().latency(Duration.ZERO);
    }

    assertThat(speech(response)).contains("can't reach Salesforce");
  }

  @Test
  void whenSalesforceIsDown_answersKindly_andRequestsARefresh() {
    String[] user = newUser();
    stack.invoke(stack.request(AlexaRequests.intent("LeadStatusIntent"), user[1]));
    stack.salesforce.faults().failNext(5, 503);
    JsonNode response;
    try {
      response = stack.invoke(stack.request(AlexaRequests.intent("GetTopLeadIntent"), user[1]));
    } finally {
      stack.salesforce.faults().clear();
    }

    assertThat(speech(response)).contains("taking longer than usual");
    assertThat(refreshRequests()).contains(user[0]);
  }

  @Test
  void aFailedProgressiveResponseIsNotFatal() {
    String[] user = newUser();
    stack.salesforce.insertLead(Map.of("OwnerId", user[0], "LastName", "Liskov", "Company", "MIT"));
    stack.alexa.answer(500);
    JsonNode response;
    try {
      response = stack.invoke(stack.request(AlexaRequests.intent("GetTopLeadIntent"), user[1]));
    } finally {
      stack.alexa.answer(204);
    }

    assertThat(speech(response)).contains("Liskov from MIT");
  }

  @Test
  void createLead_putsExactlyOneWellFormedCommandOnTheQueue_evenWhenTheRequestIsRetried() {
    String[] user = newUser();
    AlexaRequests confirmed =
        stack
            .request(AlexaRequests.intent("CreateLeadIntent"), user[1])
            .requestId("amzn1.echo-api.request.create-" + user[0])
            .dialogState("COMPLETED")
            .confirmation("CONFIRMED")
            .slot("firstName", "John")
            .slot("lastName", "Smith")
            .slot("company", "Acme")
            .slot("email", "john dot smith at acme dot com")
            .slot("phone", null);

    long sendsBefore = AwsOperationRecorder.sends(stack.commandQueue.queueUrl());
    JsonNode first = stack.invoke(confirmed);
    JsonNode retried = stack.invoke(confirmed);

    assertThat(speech(first)).contains("adding John Smith from Acme to Salesforce");
    assertThat(speech(retried)).contains("adding John Smith from Acme");
    String commandId =
        CommandIds.fromRequestId("CreateLead", "amzn1.echo-api.request.create-" + user[0]);
    List<Message> messages =
        stack.peek(stack.commandQueue.queueUrl()).stream()
            .filter(
                m ->
                    commandId.equals(
                        m.messageAttributes().get(SqsCommandQueue.ATTR_COMMAND_ID).stringValue()))
            .toList();
    // One SendMessage call: the retried request sent nothing. (SQS is at least once: an SDK retry
    // of an attempt that timed out on a loaded machine may leave the same body twice, which the
    // worker's command log absorbs; so the call is counted, and every copy must be that one body.)
    assertThat(AwsOperationRecorder.sends(stack.commandQueue.queueUrl()) - sendsBefore)
        .isEqualTo(1);
    assertThat(messages).isNotEmpty();
    assertThat(messages.stream().map(Message::body).distinct()).hasSize(1);
    assertThat(new CommandCodec().decode(messages.get(0).body()))
        .isEqualTo(
            new CreateLead(
                commandId,
                user[0],
                new NewLead("John", "Smith", "Acme", "john.smith@acme.com", null),
                ((CreateLead) stack.log.find(commandId).orElseThrow().command()).requestedAt()));
    assertThat(messages.get(0).messageAttributes().get(SqsCommandQueue.ATTR_TYPE).stringValue())
        .isEqualTo("CreateLead");
    assertThat(stack.log.find(commandId).orElseThrow().state()).isEqualTo(CommandState.QUEUED);
  }

  @Test
  void theStatusOfALeadIsReadBackFromTheCommandLog() {
    String[] user = newUser();
    String requestId = "amzn1.echo-api.request.status-" + user[0];
    stack.invoke(
        stack
            .request(AlexaRequests.intent("CreateLeadIntent"), user[1])
            .requestId(requestId)
            .dialogState("COMPLETED")
            .confirmation("CONFIRMED")
            .slot("lastName", "Turing")
            .slot("company", "Bletchley"));

    JsonNode queued =
        stack.invoke(stack.request(AlexaRequests.intent("LeadStatusIntent"), user[1]));
    String commandId = CommandIds.fromRequestId("CreateLead", requestId);
    stack.log.claim(
        stack.log.find(commandId).orElseThrow().command(), Instant.now(), Duration.ofMinutes(1));
    stack.log.markDone(commandId, "00QIT0000000099AAA", Instant.now());
    JsonNode done = stack.invoke(stack.request(AlexaRequests.intent("LeadStatusIntent"), user[1]));

    assertThat(speech(queued)).contains("Turing from Bletchley is on its way to Salesforce");
    assertThat(speech(done)).contains("Turing from Bletchley was created in Salesforce");
  }

  @Test
  void aRequestWithoutATokenGetsALinkAccountCard() {
    JsonNode response = stack.invoke(stack.request(AlexaRequests.intent("GetTopLeadIntent"), null));

    assertThat(response.at("/response/card/type").asText()).isEqualTo("LinkAccount");
  }

  private static List<String> refreshRequests() {
    return stack.peek(stack.refreshQueueUrl).stream()
        .map(m -> new RefreshMessageCodec().decode(m.body()))
        .toList();
  }

  private static JsonNode readTree(String json) {
    try {
      return IntentStack.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
