package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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

    // The simulator says on stderr why it stopped; a failure here shows it.
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    int exit;
    try (PrintStream both = new PrintStream(new TeeStream(stderr, said), true, "UTF-8")) {
      System.setErr(both);
      exit = Simulator.run(arguments, Map.of());
    } finally {
      System.setErr(stderr);
    }

    String text = Files.readString(transcript, StandardCharsets.UTF_8);
    assertThat(exit).as("exit code; the simulator said:%n%s", said.toString("UTF-8")).isZero();
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

  /** Writes to two streams. */
  private static final class TeeStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeStream(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
