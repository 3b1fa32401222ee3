package com.crmvoice.simulator.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.simulator.console.Console;
import com.crmvoice.simulator.console.TranscriptPrinter;
import com.crmvoice.simulator.dialog.Conversation;
import com.crmvoice.simulator.dialog.DirectivesEndpoint;
import com.crmvoice.simulator.dialog.SkillEndpoint;
import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.pipeline.LocalPipeline;
import com.crmvoice.simulator.pipeline.StreamSkillEndpoint;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted conversation through the intent function's HTTP endpoint, as Alexa has it: every
 * envelope signed, verified by the endpoint before the skill sees it, the whole local pipeline
 * behind it. Checks the transcript, that every turn was verified, and that an unsigned request is
 * refused.
 */
final class SignedHttpScriptRun {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TestSigner ALEXA = new TestSigner();

  private SignedHttpScriptRun() {}

  /**
   * Runs {@code script} in {@code locale} and checks the transcript holds {@code expected}, after
   * at least {@code minimumTurns} signed turns.
   */
  static void runAndCheck(
      String locale,
      String namePrefix,
      List<String> script,
      List<String> expected,
      int minimumTurns)
      throws Exception {
    runAndCheck(locale, namePrefix, script, expected, minimumTurns, "salesforce");
  }

  /** As above, against the CRM {@code crm} names (./simulate --crm: salesforce or dynamics). */
  static void runAndCheck(
      String locale,
      String namePrefix,
      List<String> script,
      List<String> expected,
      int minimumTurns,
      String crm)
      throws Exception {
    Path modelFile =
        Path.of("..", "skill-package", "interactionModels", "custom", locale + ".json");
    assumeTrue(Files.isRegularFile(modelFile), "the skill package is here");
    InteractionModel model = InteractionModel.load(modelFile);
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    TranscriptPrinter printer =
        new TranscriptPrinter(new PrintStream(transcript, true, StandardCharsets.UTF_8), true);
    AtomicInteger verified = new AtomicInteger();
    AtomicInteger posted = new AtomicInteger();
    try (LocalPipeline pipeline =
            LocalPipeline.start(
                LocalPipeline.Options.defaults()
                    .withNamePrefix(EmbeddedAws.uniqueName(namePrefix))
                    .withSchedule(false)
                    .withVisibilitySeconds(10)
                    .withCrm(crm),
                Map.of(),
                line -> {});
        DirectivesEndpoint directives = DirectivesEndpoint.start(printer)) {
      assumeTrue(pipeline.intentAvailable(), "the intent function is on the class path");
      StreamSkillEndpoint intentFunction = new StreamSkillEndpoint(pipeline.intentFunction());
      SkillEndpoint counting =
          envelope -> {
            verified.incrementAndGet();
            return intentFunction.invoke(envelope);
          };
      AlexaRequestVerifier verifier =
          new AlexaRequestVerifier(ALEXA.fetcher(), ALEXA.anchors(), Clock.systemUTC());
      try (SkillHttpServer server = SkillHttpServer.start(0, counting, verifier)) {
        Conversation conversation =
            new Conversation(
                model,
                signedHttp(server.url(), posted),
                new Conversation.Device(
                    pipeline.env().get(EnvironmentVariables.SKILL_ID),
                    LocalPipeline.ALEXA_USER_ID,
                    locale,
                    directives.apiEndpoint(),
                    directives.apiAccessToken()),
                printer,
                Clock.systemUTC());
        conversation.accessToken(pipeline::accessToken);

        new Console(pipeline, conversation, printer).runScript(script);

        String text = transcript.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(text)
            .contains(expected)
            .doesNotContain("went wrong", "that turn failed", "Alexa rejects", "HTTP 4", "HTTP 5");
        if (crm.equals("dynamics")) {
          assertThat(text).doesNotContain("Salesforce");
        }
        // Every turn went over HTTP, signed, and reached the skill only after verification.
        assertThat(posted.get()).isGreaterThanOrEqualTo(minimumTurns).isEqualTo(verified.get());

        HttpResponse<String> unsigned =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(server.url())
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofByteArray(
                                TestSigner.body(java.time.Instant.now())))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(verified.get()).isEqualTo(posted.get());
      }
    }
  }

  /** POSTs each envelope signed, as Alexa does; anything but 200 is a failed turn. */
  private static SkillEndpoint signedHttp(URI url, AtomicInteger posted) {
    HttpClient http = HttpClient.newHttpClient();
    return envelope -> {
      byte[] body = envelope.toString().getBytes(StandardCharsets.UTF_8);
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .header("Content-Type", "application/json")
              .header("SignatureCertChainUrl", TestSigner.CHAIN_URL)
              .header("Signature-256", ALEXA.sign(body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        posted.incrementAndGet();
        if (response.statusCode() != 200) {
          throw new SkillEndpoint.SkillFailedException(
              "HTTP " + response.statusCode() + ": " + response.body(), null);
        }
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new SkillEndpoint.SkillFailedException("no answer", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SkillEndpoint.SkillFailedException("interrupted", e);
      }
    };
  }
}
