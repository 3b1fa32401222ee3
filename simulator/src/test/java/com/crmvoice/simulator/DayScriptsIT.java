package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scripted demos of the day (simulator/scripts/day.txt, tag-de.txt, day-gb.txt), run as
 * ./simulate runs them: the agenda and deal passes from the fake CRM's demo day and demo pipeline
 * into DynamoDB Local, the models' language understanding, and the worker completing the task in
 * the fake. Each runs on Salesforce and on Dynamics 365 (./simulate --crm dynamics) with the same
 * expected lines, in each CRM's words ({@link ScriptCrm}).
 */
class DayScriptsIT {

  @TempDir Path dir;

  private String run(String script, String locale, String crm) throws Exception {
    return ScriptRuns.run(dir, script, locale, ScriptCrm.of(crm));
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void theDayInAmericanEnglish_andTheProposalTaskCompletedOnce(String crm) throws Exception {
    assertThat(run("day.txt", "en-US", crm))
        .contains("alexa> Here's your day. You have 4 meetings today: at 9:30 AM, Discovery call")
        .contains("Product demo with Wei Chen and Jonas Weber and 1 more.")
        .contains("One task is due today, and 2 are overdue")
        .contains("One new lead: Sam Taylor.")
        .contains("One deal closes this week: Acme expansion.")
        .contains("Your top lead is Maria Garcia.")
        .contains("Your next meeting is")
        .contains("Mark Send the proposal as done?")
        .contains("Send the proposal will be marked as done in " + ScriptCrm.of(crm).name() + ".")
        .contains("Send the proposal  [Completed, Task]")
        .contains(
            "Your latest change, marking Send the proposal as done, is done in "
                + ScriptCrm.of(crm).name()
                + ".")
        .contains("2 tasks are overdue");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void theBriefingStaysNearThirtySecondsSpoken(String crm) throws Exception {
    String briefing =
        run("day.txt", "en-US", crm)
            .lines()
            .filter(l -> l.startsWith("alexa> Here's your day."))
            .findFirst()
            .orElseThrow();
    // About 150 spoken words a minute: 30 seconds are about 75 words (the offer that follows the
    // briefing is the next turn's question, not the briefing).
    String told = briefing.substring("alexa> ".length(), briefing.indexOf(" What next:"));
    assertThat(told.split("\\s+").length).isLessThanOrEqualTo(75);
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void theDayInGerman(String crm) throws Exception {
    assertThat(run("tag-de.txt", "de-DE", crm))
        .contains("Hier ist dein Tag. Du hast heute 4 Termine: um 9:30 Uhr Discovery call")
        .contains("Dein nächster Termin ist")
        .contains("Eine Aufgabe ist heute fällig, und 2 sind überfällig")
        .contains("Diese Woche schließt ein Deal: Acme expansion.")
        .contains("Send the proposal als erledigt markieren?")
        .contains("Okay, sie bleibt offen.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void theDayInBritishEnglish(String crm) throws Exception {
    assertThat(run("day-gb.txt", "en-GB", crm))
        .contains("You have 4 meetings today: at 09:30, Discovery call with Maria Garcia")
        .contains("Your next meeting is");
  }
}
