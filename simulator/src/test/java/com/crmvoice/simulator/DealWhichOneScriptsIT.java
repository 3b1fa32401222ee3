package com.crmvoice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scripted demos of a deal name that matches two open deals (simulator/scripts/
 * deal-which-one*.txt), in the three locales and on both CRMs: a colleague adds a second Acme deal
 * in the CRM, the incremental deal pass caches it, the skill sends both names as dynamic entities,
 * asks "Which one?", takes the answer by voice, and on a screen shows the choices as a list a touch
 * answers.
 */
class DealWhichOneScriptsIT {

  @TempDir Path dir;

  private String run(String script, String locale, String crm) throws Exception {
    return ScriptRuns.run(dir, script, locale, ScriptCrm.of(crm));
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void americanEnglish(String crm) throws Exception {
    ScriptCrm on = ScriptCrm.of(crm);
    assertThat(run("deal-which-one.txt", "en-US", crm))
        .contains("opportunity ", " added: Acme support renewal, with Acme Corporation")
        .contains("\"pass\":\"deals-incremental\",\"ownersSeen\":2,\"ownersChanged\":1")
        .contains(
            "dynamic entities DEAL_NAME: Acme expansion, Northwind renewal, Acme support renewal")
        .contains("alexa> Which one: Acme expansion, or Acme support renewal?")
        .contains("[reprompt] Which deal do you mean? You can say its name or its account.")
        .contains("alexa> Acme support renewal, with Acme Corporation, is at ")
        .contains("It's worth $30,000")
        // The deal picked is the deal in focus: "it" is the support renewal, not Acme expansion.
        .contains("alexa> Change the amount of Acme support renewal from $30,000 to $35,000?")
        .contains("to $35,000 in " + on.name() + ".")
        .containsPattern(
            "Acme support renewal  \\[[^]]+]  amount 35000(\\.0)?  .*updates applied 1")
        .containsPattern("Acme expansion  \\[[^]]+]  amount 42500  .*updates applied 0")
        .contains("(screen: Which one? Touch a deal.)")
        .contains("(  1. Acme expansion)")
        .contains("(  2. Acme support renewal)")
        .contains("alexa> Acme expansion, with Acme Corporation, is at ")
        .contains("It's worth $42,500");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void britishEnglish(String crm) throws Exception {
    assertThat(run("deal-which-one-gb.txt", "en-GB", crm))
        .contains("alexa> Which one: Acme expansion, or Acme support renewal?")
        .contains("You can say its name or its organisation.")
        .contains("alexa> Acme support renewal, with Acme Corporation, is at ")
        .contains("It's worth US$30,000")
        .contains("(  2. Acme support renewal)")
        .contains("alexa> Acme expansion, with Acme Corporation, is at ")
        .contains("It's worth US$42,500");
  }

  @ParameterizedTest
  @ValueSource(strings = {"salesforce", "dynamics"})
  void german(String crm) throws Exception {
    assertThat(run("deal-which-one-de.txt", "de-DE", crm))
        .contains("alexa> Welchen meinst du: Acme expansion oder Acme support renewal?")
        .contains("Du kannst seinen Namen oder seine Firma sagen.")
        .contains("alexa> Acme support renewal mit Acme Corporation steht in der Phase ")
        .contains("Der Deal ist 30.000 $ wert")
        .contains("(screen: Welcher Deal? Tippe auf einen.)")
        .contains("(  2. Acme support renewal)")
        .contains("alexa> Acme expansion mit Acme Corporation steht in der Phase ")
        .contains("Der Deal ist 42.500 $ wert");
  }
}
