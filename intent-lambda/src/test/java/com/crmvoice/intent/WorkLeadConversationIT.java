package com.crmvoice.intent;

import static com.crmvoice.intent.Talk.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.aws.AwsOperationRecorder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A whole working session per locale through the intent function as Lambda runs it, against
 * DynamoDB Local, ElasticMQ and the fake Salesforce: the top lead (a live lookup the cache keeps),
 * next, a detail, a status change read back and queued after yes (on the real queue, QUEUED in the
 * command log, with the version the user heard), a logged call, and undo cancelling it.
 */
class WorkLeadConversationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static IntentStack stack;

  @BeforeAll
  static void start() {
    stack = new IntentStack(Map.of());
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static JsonNode invoke(ObjectNode envelope) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      stack.handler.handleRequest(
          new ByteArrayInputStream(envelope.toString().getBytes(StandardCharsets.UTF_8)),
          out,
          null);
      return JSON.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en-US|Lead 2 of 2.|Change Ada Second from Open - Not Contacted to Working - Contacted?"
            + "|I cancelled the call log for Ada Second",
        "en-GB|Lead 2 of 2.|Change Ada Second from Open - Not Contacted to Working - Contacted?"
            + "|I've cancelled the call log for Ada Second",
        "de-DE|Lead 2 von 2.|Soll ich Ada Second von Open - Not Contacted auf Working - Contacted"
            + " ändern?|storniert: das Anrufprotokoll für Ada Second",
      })
  void aWholeSession(String locale, String walked, String readBack, String undone) {
    String owner = String.format("005%012dAAA", Math.abs((long) locale.hashCode()) % 1_000_000L);
    String first =
        stack.salesforce.insertLead(
            Map.of(
                "OwnerId",
                owner,
                "FirstName",
                "Ada",
                "LastName",
                "First",
                "Company",
                "One",
                "CreatedDate",
                Instant.parse("2026-01-01T00:00:00Z")));
    String second =
        stack.salesforce.insertLead(
            Map.of(
                "OwnerId",
                owner,
                "FirstName",
                "Ada",
                "LastName",
                "Second",
                "Company",
                "Two",
                "Phone",
                "+44 20 7946 0000",
                "CreatedDate",
                Instant.parse("2026-01-02T00:00:00Z")));
    String token = stack.salesforce.issueUserToken(owner);
    long sendsBefore = AwsOperationRecorder.sends(stack.commandQueue.queueUrl());
    Talk talk = new Talk(WorkLeadConversationIT::invoke, locale, token);
    String detailId = "PHONE";

    assertThat(speech(talk.say(AlexaRequests.intent("GetTopLeadIntent")))).contains("Ada First");
    assertThat(speech(talk.say("NextLeadIntent"))).contains(walked, "Ada Second");
    assertThat(
            speech(
                talk.say(
                    AlexaRequests.intent("LeadDetailsIntent")
                        .resolvedSlot("detail", "phone", detailId))))
        .contains("<say-as interpret-as=\"telephone\">+44 20 7946 0000</say-as>");
    assertThat(
            speech(
                talk.say(
                    AlexaRequests.intent("ChangeLeadStatusIntent")
                        .resolvedSlot("status", "contacted", "CONTACTED"))))
        .isEqualTo("<speak>" + readBack + "</speak>");
    talk.say(
        AlexaRequests.intent("ChangeLeadStatusIntent")
            .confirmation("CONFIRMED")
            .resolvedSlot("status", "contacted", "CONTACTED"));
    talk.say(AlexaRequests.intent("LogCallIntent").slot("notes", "wants a quote"));
    talk.say(
        AlexaRequests.intent("LogCallIntent")
            .confirmation("CONFIRMED")
            .slot("notes", "wants a quote"));
    JsonNode undo = talk.say("UndoIntent");

    assertThat(speech(undo)).contains(undone);
    CommandCodec codec = new CommandCodec();
    // Two SendMessage calls, one per confirmed write. The queue may hold an SDK retry's copy of a
    // body (SQS is at least once; the worker's command log absorbs it), so bodies count once.
    assertThat(AwsOperationRecorder.sends(stack.commandQueue.queueUrl()) - sendsBefore)
        .isEqualTo(2);
    List<CrmCommand> queued =
        stack.peek(stack.commandQueue.queueUrl()).stream()
            .map(m -> m.body())
            .distinct()
            .map(codec::decode)
            .filter(c -> c.ownerId().equals(owner))
            .toList();
    assertThat(queued).hasSize(2);
    UpdateLeadStatus update =
        (UpdateLeadStatus)
            queued.stream().filter(UpdateLeadStatus.class::isInstance).findFirst().orElseThrow();
    assertThat(update.leadId()).isEqualTo(second);
    assertThat(update.heardModifiedAt())
        .isEqualTo(stack.salesforce.lead(second).get("LastModifiedDate"));
    LogCall call =
        (LogCall) queued.stream().filter(LogCall.class::isInstance).findFirst().orElseThrow();
    assertThat(stack.log.find(update.commandId()).orElseThrow().state())
        .isEqualTo(CommandState.QUEUED);
    assertThat(stack.log.find(call.commandId()).orElseThrow().state())
        .isEqualTo(CommandState.CANCELLED);
    assertThat(first).isNotEqualTo(second);
  }
}
