package com.crmvoice.testkit.alexa;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fake takes what the Progressive Response API reference shows, a VoicePlayer.Speak directive
 * whose speech is an SSML {@code <speak>} document, and refuses the rest with 400.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/progressive-response-api-reference.html
 */
class FakeAlexaApiIT {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<speak>One moment.</speak>|204",
        "<speak>One <break time=\\\"1s\\\"/> moment.</speak>|204",
        "One moment.|400",
        "<speak>One moment.|400",
        "<p>One moment.</p>|400",
      })
  void acceptsOnlySpeechInsideSpeak(String speech, int expected) throws Exception {
    try (FakeAlexaApi alexa = FakeAlexaApi.start()) {
      String body =
          "{\"header\":{\"requestId\":\"amzn1.echo-api.request.1\"},"
              + "\"directive\":{\"type\":\"VoicePlayer.Speak\",\"speech\":\""
              + speech
              + "\"}}";

      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(alexa.endpoint().resolve("/v1/directives"))
                      .header("Authorization", "Bearer token")
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());

      assertThat(response.statusCode()).isEqualTo(expected);
      assertThat(alexa.calls()).hasSize(1);
    }
  }
}
