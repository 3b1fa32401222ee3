package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scripted demos of working a lead (simulator/scripts/), one per capability and a whole
 * conversation per locale, run as ./simulate runs them: the whole pipeline, the models' language
 * understanding, the worker writing to the fake CRM. Each runs on Salesforce and on Dynamics 365
 * (./simulate --crm dynamics) and gives the same expected lines, in each CRM's words ({@link
 * ScriptCrm}). What Dynamics cannot do yet is an explicit aborted case with its reason, listed in
 * docs/dynamics.md.
 */
class WorkLeadScriptsIT {

  @TempDir Path dir;

  private String run(String script, String locale, String crm) throws Exception {
    return ScriptRuns.run(dir, script, locale, ScriptCrm.of(crm));
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void walk(String crm) throws Exception {
    assertThat(run("walk.txt", "en-US", crm))
        .contains("alexa> Your top lead is Maria Garcia")
        .contains("dynamic entities LEAD_NAME: Maria Garcia, Wei Chen, Sam Taylor")
        .contains("Lead 2 of 3. Your top lead is Wei Chen")
        .contains("Lead 3 of 3.")
        .contains("That was your last open lead")
        .contains("Lead 1 of 3.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void details(String crm) throws Exception {
    ScriptCrm words = ScriptCrm.of(crm);
    assertThat(run("details.txt", "en-US", crm))
        .contains("Maria Garcia's phone number is +1 206 555 0143")
        .contains("maria.garcia@northwind.example")
        .contains("Maria Garcia was created on")
        .contains("Wei Chen's status is " + words.contacted());
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void status(String crm) throws Exception {
    ScriptCrm words = ScriptCrm.of(crm);
    String contacted = words.contacted();
    assertThat(run("status.txt", "en-US", crm))
        // Dynamics offers the statuses of the Open state only (docs/dynamics.md).
        .contains("I don't know the status purple. You can say: " + words.open() + ", " + contacted)
        .contains("Change Maria Garcia from " + words.open() + " to " + contacted + "?")
        .contains("setting Maria Garcia to " + contacted + " in " + words.name())
        .contains(words.name() + " holds 4 leads owned by")
        .contains("Maria Garcia, Northwind Traders  [" + contacted + "]")
        .contains(
            "the status change for Maria Garcia to " + contacted + ", is done in " + words.name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void call(String crm) throws Exception {
    ScriptCrm words = ScriptCrm.of(crm);
    assertThat(run("call.txt", "en-US", crm))
        .contains("Log a call with Maria Garcia: she wants a demo next week. Shall I save it?")
        .contains("Call with Maria Garcia  [Completed, Call]")
        .contains("What should the call note for Sam Taylor say?")
        .contains("Call with Sam Taylor  [Completed, Call]")
        .contains("the call log for Sam Taylor, is done in " + words.name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void followUp(String crm) throws Exception {
    assertThat(run("followup.txt", "en-US", crm))
        .contains("That day is in the past.")
        .contains("Add a task for Maria Garcia, due")
        .contains("Follow up with Maria Garcia  [Not Started, Task]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void undo(String crm) throws Exception {
    ScriptCrm words = ScriptCrm.of(crm);
    String name = words.name();
    assertThat(run("undo.txt", "en-US", crm))
        .contains("I cancelled the status change for Maria Garcia to " + words.contacted())
        .contains("CANCELLED")
        .contains("Maria Garcia, Northwind Traders  [" + words.open() + "]")
        .contains("was cancelled; it never reached " + name)
        .contains("the call log for Maria Garcia is already saved in " + name)
        .contains(
            "the status change for Maria Garcia to "
                + words.contacted()
                + " is saved in "
                + name
                + ". Shall I set Maria Garcia back to "
                + words.open()
                + "?")
        .contains("I'm setting Maria Garcia to " + words.open() + " in " + name)
        .contains("the status change for Maria Garcia to " + words.open() + ", is done");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void whichOne_onAScreenTheListIsShownAndATouchAnswers(String crm) throws Exception {
    assertThat(run("which-one.txt", "en-US", crm))
        .contains("Shall I add this lead to " + ScriptCrm.of(crm).name() + "?")
        .contains("Which one: Maria Garcia at Northwind Traders, or Maria Gomez at Contoso?")
        .contains("screen: Which one? Touch a lead.")
        .contains("1. Maria Garcia at Northwind Traders")
        .contains("2. Maria Gomez at Contoso")
        .contains("What should the call note for Maria Gomez say?")
        .contains("Log a call with Maria Gomez: she wants a demo. Shall I save it?")
        .contains("Call with Maria Gomez  [Completed, Call]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void aWholeConversationInGerman(String crm) throws Exception {
    ScriptCrm words = ScriptCrm.of(crm);
    assertThat(run("arbeiten-de.txt", "de-DE", crm))
        .contains("Dein wichtigster Lead ist Maria Garcia")
        .contains("dynamic entities LEAD_NAME: Maria Garcia, Wei Chen, Sam Taylor")
        .contains("Lead 2 von 3.")
        .contains("Die Telefonnummer von Wei Chen ist")
        .contains(
            "Soll ich Wei Chen von " + words.contacted() + " auf " + words.open() + " ändern?")
        .contains("Okay, ich ändere nichts.")
        .contains("Anruf mit Wei Chen protokollieren: er möchte ein angebot.")
        .contains("storniert: das Anrufprotokoll für Wei Chen")
        // The demo day's open tasks; the cancelled call log never reached the CRM.
        .contains(words.name() + " holds " + words.demoDayTasks() + " tasks")
        .doesNotContain("[Completed, Call]")
        .contains("wurde storniert; sie ist nie bei " + words.name() + " angekommen");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void aWholeConversationInBritishEnglish(String crm) throws Exception {
    ScriptCrm words = ScriptCrm.of(crm);
    assertThat(run("work-lead-gb.txt", "en-GB", crm))
        .contains("Wei Chen's phone number is")
        .contains("Log a call with Wei Chen: he would like a quote.")
        .contains("Call with Wei Chen  [Completed, Call]")
        .containsPattern("Add a task for Wei Chen, due 20[0-9]{2}-03-05: Follow up with Wei Chen")
        .contains("Add a task for Wei Chen, due")
        .contains("Follow up with Wei Chen  [Not Started, Task]")
        // Closing: Salesforce's closed Lead Status; Dynamics disqualifies (statecode 2).
        .contains(
            "Change Wei Chen from "
                + words.contacted()
                + " to "
                + (words.dynamics() ? "No Longer Interested" : "Closed - Not Converted")
                + "?")
        .contains("is done in " + words.name())
        .contains("Lead 2 of 2.");
  }
}
