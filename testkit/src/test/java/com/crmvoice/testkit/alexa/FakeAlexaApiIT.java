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

  /** GET /v2/devices/{id}/settings/System.timeZone, with these headers (null: not sent). */
  private static HttpResponse<String> timeZone(
      FakeAlexaApi alexa, String method, String device, String authorization, String accept)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                alexa.endpoint().resolve("/v2/devices/" + device + "/settings/System.timeZone"))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "GET|amzn1.ask.device.A|Bearer tok|application/json|200",
        "GET|amzn1.ask.device.A|-|application/json|401",
        "GET|amzn1.ask.device.A|tok|application/json|401",
        "GET|amzn1.ask.device.A|Bearer other|application/json|403",
        "GET|amzn1.ask.device.A|Bearer tok|-|400",
        "GET|amzn1.ask.device.A|Bearer tok|text/plain|400",
        "POST|amzn1.ask.device.A|Bearer tok|application/json|405",
        "GET|amzn1.ask.device.B|Bearer tok|application/json|204",
      })
  void theSettingsApiAnswersTheTimeZone_onlyAsTheReferenceAsksForIt(
      String method, String device, String authorization, String accept, int expected)
      throws Exception {
    try (FakeAlexaApi alexa = FakeAlexaApi.start()) {
      alexa.timeZone("amzn1.ask.device.A", "Europe/Berlin", "tok");

      HttpResponse<String> response = timeZone(alexa, method, device, authorization, accept);

      assertThat(response.statusCode()).isEqualTo(expected);
      if (expected == 200) {
        assertThat(response.body()).isEqualTo("\"Europe/Berlin\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      }
    }
  }
}
