package com.crmvoice.simulator.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deals' scripted demo per locale (simulator/scripts/deals.txt, deals-gb.txt, deals-de.txt)
 * through the intent function's HTTP endpoint, every envelope signed and verified before the skill
 * sees it, the whole pipeline behind it: the deal pass, the biggest deal and the walk, one deal by
 * name, deals closing, names not found (another owner's deal, a won one) asked for again.
 */
class DealsOverHttpIT {

  private static List<String> script(String locale) throws IOException {
    String file =
        switch (locale) {
          case "en-GB" -> "deals-gb.txt";
          case "de-DE" -> "deals-de.txt";
          default -> "deals.txt";
        };
    return Files.readAllLines(Path.of("scripts", file));
  }

  private static List<String> expected(String locale) {
    return switch (locale) {
      case "en-GB" ->
          List.of(
              "Your biggest open deal is Fabrikam rollout.",
              "Deal 2 of 5: Acme expansion",
              "It's worth US$18,000",
              "I couldn't find an open deal of yours called Globex.",
              "Acme expansion, with Acme Corporation, is at Negotiation/Review.");
      case "de-DE" ->
          List.of(
              "Dein größter offener Deal ist Fabrikam rollout.",
              "Deal 2 von 5: Acme expansion mit Acme Corporation",
              "Northwind renewal mit Northwind Traders steht in der Phase Proposal/Price Quote.",
              "Ich habe keinen offenen Deal von dir namens",
              "Contoso pilot mit Contoso steht in der Phase Prospecting.");
      default ->
          List.of(
              "Your biggest open deal is Fabrikam rollout.",
              "Deal 3 of 5: Northwind renewal",
              "One deal closes this week: Acme expansion.",
              "Next step: Send the contract.",
              "I couldn't find an open deal of yours called Northwind onboarding.",
              "Contoso pilot, with Contoso, is at Prospecting.",
              "(  3. Northwind renewal)");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "en-GB", "de-DE"})
  void theDealsOverSignedHttp(String locale) throws Exception {
    SignedHttpScriptRun.runAndCheck(locale, "dealshttp", script(locale), expected(locale), 5);
  }
}
