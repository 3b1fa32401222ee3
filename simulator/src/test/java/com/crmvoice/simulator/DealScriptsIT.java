package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scripted demos of deals by voice (simulator/scripts/deals.txt, deals-gb.txt, deals-de.txt),
 * run as ./simulate runs them: the refresher's deal pass from the fake CRM's demo pipeline into
 * DynamoDB Local, the models' language understanding, every answer read from the cache. Each runs
 * on Salesforce and on Dynamics 365, whose demo pipeline has the same deals in its own stages and
 * no next step (an opportunity has no such column; docs/dynamics.md).
 */
class DealScriptsIT {

  /**
   * The open pipeline of a period ({@code %1$s}) in a currency symbol ({@code %2$s}): its figures,
   * or that no open deal closes in it (near a period's end the demo deals fall into the next).
   */
  static final String PIPELINE_EN =
      "alexa> (Your pipeline this %1$s: %2$s[0-9,]+ in (one open deal|\\d+ open deals),"
          + " %2$s[0-9,]+ weighted by probability\\.|You have no open deals closing this %1$s\\.)";

  static final String PIPELINE_DE =
      "alexa> (Deine Pipeline in diesem %1$s: [0-9.]+ \\$ in (einem|\\d+) offenen Deals?,"
          + " gewichtet [0-9.]+ \\$\\.|In diesem %1$s schließt keiner deiner offenen Deals\\.)";

  @TempDir Path dir;

  private String run(String script, String locale, ScriptCrm crm) throws Exception {
    return ScriptRuns.run(dir, script, locale, crm);
  }

  /** The transcript contains {@code line} where the CRM keeps a next step, and never otherwise. */
  private static void nextStep(AbstractStringAssert<?> transcript, ScriptCrm crm, String line) {
    if (crm.dynamics()) {
      transcript.doesNotContain(line);
    } else {
      transcript.contains(line);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void dealsInAmericanEnglish(String setting) throws Exception {
    ScriptCrm crm = ScriptCrm.of(setting);
    AbstractStringAssert<?> transcript = assertThat(run("deals.txt", "en-US", crm));
    nextStep(transcript, crm, "Next step: Send the contract.");
    transcript
        .contains("alexa> Your biggest open deal is Fabrikam rollout.")
        .contains("It's worth $65,000")
        .contains(
            "Deal 2 of 5: Acme expansion, with Acme Corporation, is at "
                + crm.stage("Negotiation/Review")
                + ".")
        .contains("Deal 3 of 5: Northwind renewal")
        .contains(
            "Northwind renewal, with Northwind Traders, is at "
                + crm.stage("Proposal/Price Quote")
                + ".")
        .contains("It's worth $18,000")
        .contains("alexa> One deal closes this week: Acme expansion. Acme expansion, with Acme")
        // How many close this month depends on the day the demo runs (the deals are days away).
        .containsPattern("(deals? closes? this month|None of your open deals closes this month)")
        .contains("I couldn't find an open deal of yours called the Acme data platform.")
        .contains("I couldn't find an open deal of yours called Northwind onboarding.")
        .contains("Contoso pilot, with Contoso, is at " + crm.stage("Prospecting") + ".")
        .contains("dynamic entities DEAL_NAME: ")
        .doesNotContain("99,000")
        .contains("  (  3. Northwind renewal)")
        .contains("Close date:")
        // The pipeline: the figures depend on the day (PipelineFiguresIT checks them against SOQL).
        .containsPattern(PIPELINE_EN.formatted("quarter", "\\$"))
        .containsPattern(PIPELINE_EN.formatted("month", "\\$"))
        // The demo user's one win is always this quarter.
        .contains("alexa> This quarter you closed one deal, worth $15,000.")
        .containsPattern(
            "\\(screen: Your pipeline this quarter \\| [^)]*Top stages \\| [^)|]+: \\$")
        .contains("Won this quarter: $15,000 in one deal)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void dealsInBritishEnglish(String setting) throws Exception {
    ScriptCrm crm = ScriptCrm.of(setting);
    assertThat(run("deals-gb.txt", "en-GB", crm))
        .contains("alexa> Your biggest open deal is Fabrikam rollout.")
        .contains("It's worth US$65,000")
        .contains("Deal 2 of 5: Acme expansion")
        .contains(
            "Northwind renewal, with Northwind Traders, is at "
                + crm.stage("Proposal/Price Quote")
                + ".")
        .containsPattern("(deals? (is|are) due to close this month|is due to close this month)")
        .contains("I couldn't find an open deal of yours called Globex.")
        .contains("You can say its name or its organisation.")
        .contains(
            "Acme expansion, with Acme Corporation, is at " + crm.stage("Negotiation/Review") + ".")
        .containsPattern(PIPELINE_EN.formatted("quarter", "US\\$"))
        .containsPattern(PIPELINE_EN.formatted("month", "US\\$"))
        .contains("alexa> This quarter you've closed one deal, worth US$15,000.")
        .contains("Won this quarter: US$15,000 in one deal)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void dealsInGerman(String setting) throws Exception {
    ScriptCrm crm = ScriptCrm.of(setting);
    AbstractStringAssert<?> transcript = assertThat(run("deals-de.txt", "de-DE", crm));
    nextStep(transcript, crm, "Nächster Schritt: Send the contract.");
    transcript
        .contains("alexa> Dein größter offener Deal ist Fabrikam rollout.")
        .contains("Der Deal ist 65.000 $ wert")
        .contains(
            "Deal 2 von 5: Acme expansion mit Acme Corporation steht in der Phase "
                + crm.stage("Negotiation/Review")
                + ".")
        .contains(
            "Northwind renewal mit Northwind Traders steht in der Phase "
                + crm.stage("Proposal/Price Quote")
                + ".")
        .contains("alexa> Diese Woche schließt ein Deal: Acme expansion.")
        .containsPattern("Diesen Monat schließ(t|en)")
        .contains("Ich habe keinen offenen Deal von dir namens")
        .contains("Contoso pilot mit Contoso steht in der Phase " + crm.stage("Prospecting") + ".")
        .doesNotContain("99.000")
        .containsPattern(PIPELINE_DE.formatted("Quartal"))
        .containsPattern(PIPELINE_DE.formatted("Monat"))
        .contains("alexa> In diesem Quartal hast du einen Deal gewonnen, über 15.000 $.")
        .contains("In diesem Quartal gewonnen: 15.000 $ in einem Deal)");
  }
}
