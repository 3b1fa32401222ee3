package com.crmvoice.simulator.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  // ---- stalled and oversized clients (issue 19, items 5 and 10) ----

  /** A client that sends the head of a request and then nothing: it holds a serving thread. */
  private static Socket stalled(URI url, String head) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), url.getPort());
    // Bounds a broken server's hang; the server's read timeout is 10 seconds.
    socket.setSoTimeout(60_000);
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private static String signedHead(URI url, long contentLength) {
    return "POST /alexa HTTP/1.1\r\nHost: 127.0.0.1:"
        + url.getPort()
        + "\r\nContent-Type: application/json\r\nSignatureCertChainUrl: "
        + TestSigner.CHAIN_URL
        + "\r\nSignature-256: AAAA\r\nContent-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  private static String statusLine(Socket socket) throws IOException {
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    return reader.readLine();
  }

  @Test
  void stalledClientsDoNotKeepASignedRequestFromBeingAnswered() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        stalled.add(stalled(verified.url(), signedHead(verified.url(), 1000) + "{\"ver"));
      }
      byte[] body = TestSigner.body(NOW.minusSeconds(2));

      HttpResponse<String> response =
          HttpClient.newBuilder()
              .build()
              .send(
                  HttpRequest.newBuilder(verified.url())
                      .timeout(Duration.ofSeconds(60))
                      .header("SignatureCertChainUrl", TestSigner.CHAIN_URL)
                      .header("Signature-256", ALEXA.sign(body))
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  @Test
  void aClientThatStallsInTheMiddleOfItsBody_isDisconnectedByTheReadTimeout() throws Exception {
    try (Socket socket = stalled(verified.url(), signedHead(verified.url(), 1000) + "{\"ver")) {
      // The server closes the connection (end of stream, or a reset) instead of waiting forever.
      int read;
      try {
        read = socket.getInputStream().read();
      } catch (java.net.SocketException reset) {
        read = -1;
      }
      assertThat(read).isEqualTo(-1);
    }
  }

  @Test
  void aRequestWithoutSignatureHeaders_isRefusedBeforeItsBodyIsSent() throws Exception {
    String head =
        "POST /alexa HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n";
    try (Socket socket = stalled(verified.url(), head)) {
      assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 400 Bad Request");
    }
  }

  @Test
  void aContentLengthOverTheLimit_isRefusedWith413BeforeTheBodyIsSent() throws Exception {
    try (Socket socket = stalled(verified.url(), signedHead(verified.url(), 10_000_000))) {
      assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {300 * 1024, 1024 * 1024, 4 * 1024 * 1024})
  void aClientThatSendsItsWholeBodyBeforeReading_readsThe413_notAReset(int size) throws Exception {
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) ' ');
    try (Socket socket = stalled(verified.url(), signedHead(verified.url(), size))) {
      OutputStream out = socket.getOutputStream();
      out.write(body);
      out.flush();

      assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {300 * 1024, 4 * 1024 * 1024})
  void aClientSendingABodyOverTheLimit_readsThe413(int size) throws Exception {
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) ' ');

    HttpResponse<String> response =
        post(verified.url(), body, TestSigner.CHAIN_URL, ALEXA.sign(body));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("too large");
  }

  @Test
  void aChunkedBodyOverTheLimit_isRefusedWith413() throws Exception {
    byte[] body = new byte[1024 * 1024];
    java.util.Arrays.fill(body, (byte) ' ');

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(unverified.url())
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void aRequestTheSkillRefuses_isA400_notA500() throws Exception {
    try (SkillHttpServer refusing =
        SkillHttpServer.start(
            0,
            envelope -> {
              throw new com.crmvoice.simulator.dialog.SkillEndpoint.SkillRefusedException(
                  "for another skill", null);
            },
            null)) {
      HttpResponse<String> response = post(refusing.url(), TestSigner.body(NOW), null, null);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("refused");
    }
  }

  @Test
  void refusalsAreLoggedOncePerKind_thenCounted() throws Exception {
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    AlexaRequestVerifier verifier =
        new AlexaRequestVerifier(
            ALEXA.fetcher(), ALEXA.anchors(), Clock.fixed(NOW, ZoneOffset.UTC));
    com.crmvoice.core.log.SummarisingLog log =
        new com.crmvoice.core.log.SummarisingLog(
            "request refused", Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1), lines::add);
    try (SkillHttpServer server =
        SkillHttpServer.start(0, envelope -> JSON.createObjectNode(), verifier, log)) {
      for (int i = 0; i < 50; i++) {
        assertThat(post(server.url(), TestSigner.body(NOW), null, null).statusCode())
            .isEqualTo(400);
      }
      byte[] stale = TestSigner.body(NOW.minusSeconds(600));
      for (int i = 0; i < 20; i++) {
        post(server.url(), stale, TestSigner.CHAIN_URL, ALEXA.sign(stale));
      }
      assertThat(lines).hasSize(2);
    }

    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).startsWith("68 more request refused").contains("=49", "=19");
  }
}
