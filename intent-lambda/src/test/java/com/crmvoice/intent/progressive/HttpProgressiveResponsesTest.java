package com.crmvoice.intent.progressive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpProgressiveResponsesTest {

  private final HttpProgressiveResponses client =
      new HttpProgressiveResponses(HttpClient.newHttpClient(), Duration.ofSeconds(1));

  @Test
  void theBodyIsAVoicePlayerSpeakDirectiveForTheRequest() throws Exception {
    var body =
        new ObjectMapper()
            .readTree(HttpProgressiveResponses.body("amzn1.echo-api.request.1", "Hi"));

    assertThat(body.toString())
        .isEqualTo(
            "{\"header\":{\"requestId\":\"amzn1.echo-api.request.1\"},"
                + "\"directive\":{\"type\":\"VoicePlayer.Speak\",\"speech\":\"<speak>Hi</speak>\"}}");
  }

  @Test
  void theSpeechIsWrappedInSpeakOnce() {
    // The API takes SSML; its reference sends "<speak>…</speak>".
    // https://developer.amazon.com/en-US/docs/alexa/custom-skills/progressive-response-api-reference.html
    assertThat(HttpProgressiveResponses.ssml("One moment."))
        .isEqualTo("<speak>One moment.</speak>");
    assertThat(HttpProgressiveResponses.ssml("<speak>Hi</speak>")).isEqualTo("<speak>Hi</speak>");
  }

  @Test
  void nothingSentIsNothingToWaitFor() {
    assertThat(client.send(null, "token", "request", "Hi").await()).isFalse();
  }

  @Test
  void aRequestWithoutAnApiEndpointSendsNothing_andDoesNotThrow() {
    assertThat(client.sendAsync(null, "token", "request", "Hi")).isCompletedWithValue(false);
    assertThat(client.sendAsync("https://api.amazonalexa.com", null, "request", "Hi"))
        .isCompletedWithValue(false);
  }

  @Test
  void aBadApiEndpointIsLoggedNotThrown() {
    assertThat(client.sendAsync("not a url at all", "token", "request", "Hi"))
        .isCompletedWithValue(false);
  }
}
