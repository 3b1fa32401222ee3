package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The script mode as ./simulate runs it: the demo script in, a transcript file out, against each
 * CRM ({@code --crm salesforce} and {@code --crm dynamics}).
 */
class SimulatorScriptIT {

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void theDemoScriptRunsToATranscript(String crm, @TempDir Path dir) throws Exception {
    assumeTrue(Simulator.findModel(null, "en-US").isPresent(), "the skill package is here");
    Path transcript = dir.resolve("transcript.txt");
    Simulator.Arguments arguments =
        new Simulator.Arguments(
            Path.of("scripts/demo.txt"),
            transcript,
            null,
            false,
            null,
            "en-US",
            false,
            Duration.ofSeconds(60),
            crm);

    int exit = Simulator.run(arguments, Map.of());

    String text = Files.readString(transcript, StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(text)
        .contains("you> ask crm voice to get my top lead")
        .contains("alexa> Your top lead is Maria Garcia")
        .contains("[card")
        .contains(
            "Grace Hopper, Cobol Systems  ["
                + (crm.equals("dynamics") ? "New" : "Open - Not Contacted")
                + "]")
        .contains(
            (crm.equals("dynamics") ? "Dynamics 365" : "Salesforce") + " holds 5 leads owned by")
        .contains("[refresher] incremental pass done")
        .contains("crm-commands DLQ");
    assertThat(text.toLowerCase()).contains("created");
  }
}
