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
              "Acme expansion, with Acme Corporation, is at Negotiation/Review.",
              "This quarter you've closed one deal, worth US$15,000.",
              "Won this quarter: US$15,000 in one deal");
      case "de-DE" ->
          List.of(
              "Dein größter offener Deal ist Fabrikam rollout.",
              "Deal 2 von 5: Acme expansion mit Acme Corporation",
              "Northwind renewal mit Northwind Traders steht in der Phase Proposal/Price Quote.",
              "Ich habe keinen offenen Deal von dir namens",
              "Contoso pilot mit Contoso steht in der Phase Prospecting.",
              "In diesem Quartal hast du einen Deal gewonnen, über 15.000 $.",
              "In diesem Quartal gewonnen: 15.000 $ in einem Deal");
      default ->
          List.of(
              "Your biggest open deal is Fabrikam rollout.",
              "Deal 3 of 5: Northwind renewal",
              "One deal closes this week: Acme expansion.",
              "Next step: Send the contract.",
              "I couldn't find an open deal of yours called Northwind onboarding.",
              "Contoso pilot, with Contoso, is at Prospecting.",
              "(  3. Northwind renewal)",
              "This quarter you closed one deal, worth $15,000.",
              "Won this quarter: $15,000 in one deal");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "en-GB", "de-DE"})
  void theDealsOverSignedHttp(String locale) throws Exception {
    SignedHttpScriptRun.runAndCheck(locale, "dealshttp", script(locale), expected(locale), 5);
  }
}
