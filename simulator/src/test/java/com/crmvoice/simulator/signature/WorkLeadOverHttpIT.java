package com.crmvoice.simulator.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole work-a-lead conversation per locale through the intent function's HTTP endpoint, as Alexa
 * reaches a skill hosted as a web service: every request envelope signed (Signature-256 over the
 * body, the certificate chain at an echo.api URL) and verified before the intent function sees it;
 * the real interaction model understands what is typed; the whole pipeline behind it (the worker
 * writing to the fake Salesforce). An unsigned request to the same endpoint is refused.
 */
class WorkLeadOverHttpIT {

  /** The en-US conversation (the other locales have whole-conversation scripts of their own). */
  private static final List<String> EN_US =
      List.of(
          ":refresh full",
          "ask crm voice to get my top lead",
          "next",
          "what's his phone number",
          "mark him as open",
          "yes",
          ":wait",
          ":leads",
          "log a call with him he wants a demo next week",
          "yes",
          ":wait",
          ":tasks",
          ":worker pause",
          "remind me to follow up with him tomorrow",
          "yes",
          "undo that",
          ":worker resume",
          "what happened to my last change",
          "stop");

  private static List<String> script(String locale) throws IOException {
    return switch (locale) {
      case "en-GB" -> Files.readAllLines(Path.of("scripts", "work-lead-gb.txt"));
      case "de-DE" -> Files.readAllLines(Path.of("scripts", "arbeiten-de.txt"));
      default -> EN_US;
    };
  }

  private static List<String> expected(String locale) {
    return switch (locale) {
      case "en-GB" ->
          List.of(
              "Your top lead is Maria Garcia",
              "Lead 2 of 3.",
              "Wei Chen's phone number is",
              "Call with Wei Chen  [Completed, Call]",
              "Follow up with Wei Chen  [Not Started, Task]",
              "Change Wei Chen from Working - Contacted to Closed - Not Converted?",
              "is done in Salesforce");
      case "de-DE" ->
          List.of(
              "Dein wichtigster Lead ist Maria Garcia",
              "Lead 2 von 3.",
              "Telefonnummer",
              "storniert: das Anrufprotokoll für Wei Chen");
      default ->
          List.of(
              "Your top lead is Maria Garcia",
              "Lead 2 of 3.",
              "Wei Chen's phone number is",
              "Change Wei Chen from Working - Contacted to Open - Not Contacted?",
              "Contoso Pharmaceuticals  [Open - Not Contacted]",
              "Call with Wei Chen  [Completed, Call]",
              "I cancelled the task for Wei Chen",
              "was cancelled; it never reached Salesforce");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "en-GB", "de-DE"})
  void aWholeConversationOverSignedHttp(String locale) throws Exception {
    SignedHttpScriptRun.runAndCheck(locale, "http", script(locale), expected(locale), 10);
  }
}
