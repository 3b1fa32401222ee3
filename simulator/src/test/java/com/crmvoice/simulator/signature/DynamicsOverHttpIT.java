package com.crmvoice.simulator.signature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The skill on Dynamics 365 (./simulate --crm dynamics) through the intent function's signed HTTP
 * endpoint, one whole conversation per locale: every envelope signed and verified before the intent
 * function sees it, the whole pipeline behind it writing to the fake Dataverse, and never a word of
 * Salesforce. en-US updates a deal in Dynamics' stages, en-GB works a lead to "not interested"
 * (disqualified), de-DE works a lead and its call log.
 */
class DynamicsOverHttpIT {

  private static List<String> script(String locale) throws Exception {
    String file =
        switch (locale) {
          case "en-GB" -> "work-lead-gb.txt";
          case "de-DE" -> "arbeiten-de.txt";
          default -> "deal-update-dynamics.txt";
        };
    return Files.readAllLines(Path.of("scripts", file));
  }

  private static List<String> expected(String locale) {
    return switch (locale) {
      case "en-GB" ->
          List.of(
              "Your top lead is Maria Garcia",
              "Wei Chen's phone number is",
              "Call with Wei Chen  [Completed, Call]",
              "Change Wei Chen from Contacted to No Longer Interested?",
              "is done in Dynamics 365",
              "Lead 2 of 2.");
      case "de-DE" ->
          List.of(
              "Anruf mit Wei Chen protokollieren: er möchte ein angebot.",
              "storniert: das Anrufprotokoll für Wei Chen",
              "Dynamics 365");
      default ->
          List.of(
              "Move Tailspin Toys upgrade from Develop to Propose?",
              "I'm moving Tailspin Toys upgrade to Propose in Dynamics 365.",
              "Dynamics 365 keeps no next step on a deal",
              "updates applied 4");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "en-GB", "de-DE"})
  void aWholeConversationOnDynamicsOverSignedHttp(String locale) throws Exception {
    SignedHttpScriptRun.runAndCheck(
        locale, "dynhttp", script(locale), expected(locale), 8, "dynamics");
  }
}
