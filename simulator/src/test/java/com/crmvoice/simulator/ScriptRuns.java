package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one script of simulator/scripts/ as ./simulate runs it, in a locale, against a CRM
 * (./simulate --crm), and answers its transcript after checking the run ended well, no turn failed
 * and the skill never named another CRM than the one it runs against.
 */
final class ScriptRuns {

  private ScriptRuns() {}

  static String run(Path dir, String script, String locale) throws Exception {
    return run(dir, script, locale, ScriptCrm.SALESFORCE);
  }

  static String run(Path dir, String script, String locale, ScriptCrm crm) throws Exception {
    assumeTrue(Simulator.findModel(null, locale).isPresent(), "the skill package is here");
    Path transcript = dir.resolve(script + "." + crm.setting() + ".transcript");
    int exit =
        Simulator.run(
            new Simulator.Arguments(
                Path.of("scripts/" + script),
                transcript,
                null,
                false,
                null,
                locale,
                false,
                Duration.ofSeconds(60),
                crm.setting()),
            Map.of());
    String text = Files.readString(transcript, StandardCharsets.UTF_8);
    System.out.println(text);
    assertThat(exit).isZero();
    assertThat(text).doesNotContain("went wrong", "that turn failed", "Alexa rejects");
    if (crm.dynamics()) {
      assertThat(text).doesNotContain("Salesforce");
    }
    return text;
  }
}
