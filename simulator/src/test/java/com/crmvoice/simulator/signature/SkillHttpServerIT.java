package com.crmvoice.simulator.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP mode as Alexa reaches it: signed requests answered, others refused with 400. */
class SkillHttpServerIT {

  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TestSigner ALEXA = new TestSigner();
  private static final List<String> SEEN = new ArrayList<>();
  private static SkillHttpServer verified;
  private static SkillHttpServer unverified;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    AlexaRequestVerifier verifier =
        new AlexaRequestVerifier(
            ALEXA.fetcher(), ALEXA.anchors(), Clock.fixed(NOW, ZoneOffset.UTC));
    verified =
        SkillHttpServer.start(
            0,
            envelope -> {
              SEEN.add(envelope.path("request").path("type").asText());
              return JSON.createObjectNode()
                  .put("version", "1.0")
                  .set(
                      "response",
                      JSON.createObjectNode()
                          .set(
                              "outputSpeech",
                              JSON.createObjectNode()
                                  .put("type", "PlainText")
                                  .put("text", "Welcome to CRM Voice")));
            },
            verifier);
    unverified =
        SkillHttpServer.start(0, envelope -> JSON.createObjectNode().put("version", "1.0"), null);
  }

  @AfterAll
  static void stop() {
    verified.close();
    unverified.close();
  }

  private HttpResponse<String> post(URI url, byte[] body, String certUrl, String signature)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (certUrl != null) {
      request.header("SignatureCertChainUrl", certUrl);
    }
    if (signature != null) {
      request.header("Signature-256", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersASignedRequestWithTheSkillsResponseEnvelope() throws Exception {
    byte[] body = TestSigner.body(NOW.minusSeconds(2));

    HttpResponse<String> response =
        post(verified.url(), body, TestSigner.CHAIN_URL, ALEXA.sign(body));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            JSON.readTree(response.body())
                .path("response")
                .path("outputSpeech")
                .path("text")
                .asText())
        .isEqualTo("Welcome to CRM Voice");
    assertThat(SEEN).contains("LaunchRequest");
  }

  @Test
  void refusesAnUnsignedRequestWith400() throws Exception {
    int before = SEEN.size();

    HttpResponse<String> response = post(verified.url(), TestSigner.body(NOW), null, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SEEN).hasSize(before);
  }

  @Test
  void refusesAStaleRequestWith400() throws Exception {
    byte[] body = TestSigner.body(NOW.minusSeconds(151));

    HttpResponse<String> response =
        post(verified.url(), body, TestSigner.CHAIN_URL, ALEXA.sign(body));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("150 seconds");
  }

  @Test
  void refusesATamperedRequestWith400() throws Exception {
    byte[] body = TestSigner.body(NOW);
    String signature = ALEXA.sign(body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("amzn1.ask.skill.test", "amzn1.ask.skill.other")
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = post(verified.url(), tampered, TestSigner.CHAIN_URL, signature);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("signature does not match");
  }

  @Test
  void refusesACertificateUrlOutsideAmazonsBucketWith400() throws Exception {
    byte[] body = TestSigner.body(NOW);

    HttpResponse<String> response =
        post(
            verified.url(),
            body,
            "https://s3.amazonaws.com/not.echo.api/cert.pem",
            ALEXA.sign(body));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void withTheDevelopmentSwitchAnUnsignedRequestIsAnswered() throws Exception {
    HttpResponse<String> response = post(unverified.url(), TestSigner.body(NOW), null, null);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void answersOnlyPost() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(verified.url()).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
  }
}
