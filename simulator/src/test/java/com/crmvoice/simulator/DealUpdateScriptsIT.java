package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripted demos of updating a deal by voice (simulator/scripts/deal-update.txt,
 * deal-update-gb.txt, deal-update-de.txt), run as ./simulate runs them: the deals pass from the
 * fake Salesforce's demo pipeline into DynamoDB Local, the models' language understanding, and the
 * worker applying each confirmed update in the fake, once, conditional on the version heard.
 */
class DealUpdateScriptsIT {

  @TempDir Path dir;

  private String run(String script, String locale) throws Exception {
    return ScriptRuns.run(dir, script, locale);
  }

  @Test
  void updatesInAmericanEnglish_appliedOnceEach_badInputAskedAgain_noAndUndoQueueNothing()
      throws Exception {
    String text = run("deal-update.txt", "en-US");
    assertThat(text)
        .contains(
            "Move Northwind renewal from Proposal/Price Quote to Negotiation/Review, where"
                + " Salesforce sets the probability to 90 percent?")
        .contains("I'm moving Northwind renewal to Negotiation/Review in Salesforce.")
        .contains("Change the amount of Northwind renewal from $18,000 to $50,000?")
        .contains("Move the close date of Northwind renewal from")
        .contains("Change the next step for Northwind renewal from Review pricing with procurement")
        // The worker applied all four, each once; Salesforce set probability and forecast.
        .contains("Northwind renewal  [Negotiation/Review, 90%, Pipeline]  amount 50000")
        .contains("next step Send the contract  updates applied 4")
        .contains("Your latest change, the next step for Northwind renewal, is done in Salesforce.")
        // Undo of an applied update: offered to be set back, no leaves it.
        .contains(
            "Shall I set the next step for Northwind renewal back to: Review pricing with"
                + " procurement?")
        .contains("Okay, Northwind renewal stays as it is.")
        // Bad input.
        .contains("I don't know the stage lunch. You can say: Prospecting,")
        .contains("Move Northwind renewal from Negotiation/Review to Closed Won, where")
        .contains("An amount can't be negative.")
        .contains("$5,000,000,000 is more than I can believe for one deal.")
        .contains("is in the past.")
        .contains("anyway?")
        .contains("Okay, I cancelled the new amount for Northwind renewal.");
    // After the undo, Salesforce still holds the amount of the last applied update.
    String last = text.substring(text.lastIndexOf("opportunities owned by"));
    assertThat(last)
        .contains("Northwind renewal  [Negotiation/Review, 90%, Pipeline]  amount 50000");
    assertThat(last).contains("updates applied 4");
  }

  @Test
  void updatesOnDynamics_inItsStages_withoutANextStep_appliedOnceEach() throws Exception {
    String text = ScriptRuns.run(dir, "deal-update-dynamics.txt", "en-US", ScriptCrm.DYNAMICS);
    assertThat(text)
        .contains("Tailspin Toys upgrade, with Tailspin Toys, is at Develop.")
        .contains("alexa> Move Tailspin Toys upgrade from Develop to Propose?")
        .contains("I'm moving Tailspin Toys upgrade to Propose in Dynamics 365.")
        .contains("Change the amount of Tailspin Toys upgrade from $12,000 to $50,000?")
        .contains("Move the close date of Tailspin Toys upgrade from")
        // No next step on a Dataverse opportunity: said up front, nothing asked or queued.
        .contains("alexa> Dynamics 365 keeps no next step on a deal, so there is none to set.")
        .doesNotContain("Set the next step for Tailspin Toys upgrade")
        // The worker applied the three, each once, with If-Match: the stage is the salesstage.
        .containsPattern(
            "Tailspin Toys upgrade  \\[Propose, 60%, null]  amount 50000(\\.0)?  .*"
                + "updates applied 3")
        .contains(
            "Your latest change, the new close date for Tailspin Toys upgrade, is done in"
                + " Dynamics 365.")
        // Undo of an applied update: set back after yes.
        .contains("Shall I set the close date of Tailspin Toys upgrade back to")
        .contains("I'm setting the close date of Tailspin Toys upgrade back to")
        // Bad input: Dynamics' stages are offered; "closed one" is Won.
        .contains("I don't know the stage lunch. You can say: Qualify, Develop, Propose, Close.")
        .contains(
            "Move Tailspin Toys upgrade from Propose to Won, where Dynamics 365 sets the"
                + " probability to 100 percent?")
        .contains("An amount can't be negative.")
        .contains("$5,000,000,000 is more than I can believe for one deal.")
        .contains("is in the past.");
    String last = text.substring(text.lastIndexOf("opportunities owned by"));
    assertThat(last)
        .containsPattern(
            "Tailspin Toys upgrade  \\[Propose, 60%, null]  amount 50000(\\.0)?  "
                + "closes [0-9-]+  next step null  updates applied 4");
  }

  @Test
  void updatesInBritishEnglish() throws Exception {
    assertThat(run("deal-update-gb.txt", "en-GB"))
        .contains("Move Northwind renewal from Proposal/Price Quote to Negotiation/Review, where")
        .contains("Right, I'm moving Northwind renewal to Negotiation/Review in Salesforce.")
        .contains("Change the amount of Northwind renewal from US$18,000 to US$50,000?")
        .contains("Northwind renewal  [Negotiation/Review, 90%, Pipeline]  amount 50000")
        .contains("updates applied 4")
        .contains("Shall I set the next step for Northwind renewal back to:")
        .contains("Right, I'm setting the next step for Northwind renewal back in Salesforce")
        .contains("next step Review pricing with procurement  updates applied 5")
        .contains("Right, I shan't change it.");
  }

  @Test
  void updatesInGerman() throws Exception {
    assertThat(run("deal-update-de.txt", "de-DE"))
        .contains(
            "Soll ich Northwind renewal von Proposal/Price Quote nach Negotiation/Review"
                + " verschieben, mit 90 Prozent Wahrscheinlichkeit?")
        .contains("Soll ich den Betrag von Northwind renewal von 18.000 $ auf 50.000 $ ändern?")
        .contains("Northwind renewal  [Negotiation/Review, 90%, Pipeline]  amount 50000")
        .contains("updates applied 4")
        .contains("Soll ich den nächsten Schritt für Northwind renewal wieder setzen auf:")
        .contains("Okay, Northwind renewal bleibt, wie es ist.")
        .contains("Die Phase mittagessen kenne ich nicht.")
        .contains("Ein Betrag kann nicht negativ sein.")
        .contains("Okay, ich ändere nichts.");
  }
}
