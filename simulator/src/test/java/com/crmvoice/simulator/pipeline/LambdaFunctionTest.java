package com.crmvoice.simulator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.crmvoice.testkit.lambda.LambdaEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaFunctionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void loadsAHandlerByClassNameWithTheEnvironmentMap() {
    LambdaFunction function =
        LambdaFunction.load(
            "refresher",
            RecordingRefresher.class.getName(),
            Map.of("X", "1"),
            Duration.ofSeconds(5));

    byte[] output = function.invokeStream("{\"pass\":\"full\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(RecordingRefresher.ENVIRONMENTS).contains(Map.of("X", "1"));
    assertThat(RecordingRefresher.INPUTS).anyMatch(i -> i.path("pass").asText().equals("full"));
    assertThat(new String(output, StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
  }

  @Test
  void saysWhichHandlerIsMissingFromTheClassPath() {
    assertThatThrownBy(
            () ->
                LambdaFunction.load(
                    "intent", "com.example.Missing", Map.of(), Duration.ofSeconds(1)))
        .isInstanceOf(LambdaFunction.FunctionUnavailableException.class)
        .hasMessageContaining("com.example.Missing is not on the class path");
  }

  @Test
  void reportsAFailedColdStartWithItsReason() {
    assertThatThrownBy(
            () ->
                LambdaFunction.load(
                    "worker", BrokenHandler.class.getName(), Map.of(), Duration.ofSeconds(1)))
        .isInstanceOf(LambdaFunction.FunctionUnavailableException.class)
        .hasMessageContaining("cold start failed")
        .hasMessageContaining("LEADS_TABLE is required");
  }

  @Test
  void refusesAHandlerWithoutTheEnvironmentConstructor() {
    assertThatThrownBy(
            () -> LambdaFunction.load("x", String.class.getName(), Map.of(), Duration.ofSeconds(1)))
        .hasMessageContaining("no public constructor taking the environment map");
  }

  @Test
  void feedsAStreamHandlerTheSqsEventAsLambdaEmitsIt_andReadsItsBatchItemFailures() {
    LambdaFunction function =
        LambdaFunction.load(
            "refresher", RecordingRefresher.class.getName(), Map.of(), Duration.ofSeconds(5));
    SQSEvent event = LambdaEvents.sqsEvent(List.of("ok", "fail"));

    SQSBatchResponse response = new SqsStreamAdapter(function).apply(event);

    JsonNode input = RecordingRefresher.INPUTS.get(RecordingRefresher.INPUTS.size() - 1);
    JsonNode first = input.path("Records").get(0);
    assertThat(first.path("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(first.path("eventSourceARN").asText()).isEqualTo(LambdaEvents.QUEUE_ARN);
    assertThat(first.path("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(first.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
    assertThat(first.path("messageId").asText())
        .isEqualTo(event.getRecords().get(0).getMessageId());
    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly(event.getRecords().get(1).getMessageId());
  }

  @Test
  void anEmptyAnswerIsASuccessfulBatch_andAnAnswerThatIsNotJsonFailsIt() throws Exception {
    assertThat(SqsStreamAdapter.parseResponse(new byte[0]).getBatchItemFailures()).isEmpty();
    assertThat(
            SqsStreamAdapter.parseResponse("null".getBytes(StandardCharsets.UTF_8))
                .getBatchItemFailures())
        .isEmpty();
    assertThatThrownBy(
            () -> SqsStreamAdapter.parseResponse("oops".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(
            JSON.readTree(SqsStreamAdapter.toJson(LambdaEvents.sqsEvent(List.of("a"))))
                .has("Records"))
        .isTrue();
  }
}
