package com.crmvoice.intent.progressive;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.testkit.alexa.FakeAlexaApi;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpProgressiveResponsesIT {

  private final HttpProgressiveResponses client = HttpProgressiveResponses.create();

  @Test
  void postsTheDirectiveWithTheBearerToken_andReportsAcceptance() throws Exception {
    try (FakeAlexaApi alexa = FakeAlexaApi.start()) {
      boolean accepted =
          client
              .sendAsync(alexa.endpoint() + "/", "api-token", "amzn1.echo-api.request.7", "Wait")
              .get(5, TimeUnit.SECONDS);

      assertThat(accepted).isTrue();
      FakeAlexaApi.Call call = alexa.awaitCalls(1, Duration.ofSeconds(1)).get(0);
      assertThat(call.path()).isEqualTo("/v1/directives");
      assertThat(call.authorization()).isEqualTo("Bearer api-token");
      assertThat(call.body()).contains("\"requestId\":\"amzn1.echo-api.request.7\"");
    }
  }

  @Test
  void theSpeechArrivesAsSsml_whichTheStrictFakeAccepts() throws Exception {
    try (FakeAlexaApi alexa = FakeAlexaApi.start()) {
      boolean accepted =
          client
              .sendAsync(alexa.endpoint().toString(), "t", "r", "One moment &amp; more.")
              .get(5, TimeUnit.SECONDS);

      assertThat(accepted).isTrue();
      assertThat(alexa.calls().get(0).body())
          .contains("\"speech\":\"<speak>One moment &amp; more.</speak>\"");
    }
  }

  @Test
  void awaitReturnsOnceAlexaHasTakenTheDirective() {
    try (FakeAlexaApi alexa = FakeAlexaApi.start()) {
      alexa.delay(Duration.ofMillis(100));
      HttpProgressiveResponses waiting =
          new HttpProgressiveResponses(
              java.net.http.HttpClient.newHttpClient(),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5));

      boolean delivered = waiting.send(alexa.endpoint().toString(), "t", "r", "Wait").await();

      assertThat(delivered).isTrue();
      assertThat(alexa.calls()).hasSize(1);
    }
  }

  @Test
  void awaitGivesUpAtItsBound_whenAlexaIsSlow() {
    try (FakeAlexaApi alexa = FakeAlexaApi.start()) {
      alexa.delay(Duration.ofSeconds(3));
      HttpProgressiveResponses waiting =
          new HttpProgressiveResponses(
              java.net.http.HttpClient.newHttpClient(),
              Duration.ofSeconds(5),
              Duration.ofMillis(50));

      assertThat(waiting.send(alexa.endpoint().toString(), "t", "r", "Wait").await()).isFalse();
    }
  }

  @Test
  void aRefusalIsReportedNotThrown() throws Exception {
    try (FakeAlexaApi alexa = FakeAlexaApi.start()) {
      alexa.answer(403);

      assertThat(
              client
                  .sendAsync(alexa.endpoint().toString(), "expired", "r", "Wait")
                  .get(5, TimeUnit.SECONDS))
          .isFalse();
    }
  }

  @Test
  void anUnreachableEndpointIsReportedNotThrown() throws Exception {
    String closed;
    try (FakeAlexaApi alexa = FakeAlexaApi.start()) {
      closed = alexa.endpoint().toString();
    }

    assertThat(client.sendAsync(closed, "token", "r", "Wait").get(10, TimeUnit.SECONDS)).isFalse();
  }
}
