package com.crmvoice.simulator.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The day's scripted demo per locale (simulator/scripts/day.txt, tag-de.txt, day-gb.txt) through
 * the intent function's HTTP endpoint, every envelope signed and verified before the skill sees it,
 * the whole pipeline behind it: the agenda pass, the briefing, the next meeting, the tasks and
 * (en-US) the proposal task completed by the worker in the fake Salesforce.
 */
class DayOverHttpIT {

  private static List<String> script(String locale) throws IOException {
    String file =
        switch (locale) {
          case "en-GB" -> "day-gb.txt";
          case "de-DE" -> "tag-de.txt";
          default -> "day.txt";
        };
    return Files.readAllLines(Path.of("scripts", file));
  }

  private static List<String> expected(String locale) {
    return switch (locale) {
      case "en-GB" ->
          List.of(
              "Here's your day. You have 4 meetings today: at 09:30, Discovery call",
              "One new lead: Sam Taylor.",
              "Your next meeting is");
      case "de-DE" ->
          List.of(
              "Hier ist dein Tag. Du hast heute 4 Termine: um 9:30 Uhr Discovery call",
              "Dein nächster Termin ist",
              "Send the proposal als erledigt markieren?");
      default ->
          List.of(
              "Here's your day. You have 4 meetings today: at 9:30 AM, Discovery call",
              "One task is due today, and 2 are overdue",
              "Mark Send the proposal as done?",
              "Send the proposal  [Completed, Task]",
              "Your latest change, marking Send the proposal as done, is done in Salesforce.");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "en-GB", "de-DE"})
  void theDayOverSignedHttp(String locale) throws Exception {
    SignedHttpScriptRun.runAndCheck(locale, "dayhttp", script(locale), expected(locale), 3);
  }
}
