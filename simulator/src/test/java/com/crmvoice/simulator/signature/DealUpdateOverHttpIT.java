package com.crmvoice.simulator.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Updating a deal by voice per locale (simulator/scripts/deal-update.txt, deal-update-gb.txt,
 * deal-update-de.txt) through the intent function's HTTP endpoint, every envelope signed and
 * verified before the skill sees it, the whole pipeline behind it: the deals pass, the read-backs,
 * and the worker applying each confirmed update in the fake Salesforce.
 */
class DealUpdateOverHttpIT {

  private static List<String> script(String locale) throws IOException {
    String file =
        switch (locale) {
          case "en-GB" -> "deal-update-gb.txt";
          case "de-DE" -> "deal-update-de.txt";
          default -> "deal-update.txt";
        };
    return Files.readAllLines(Path.of("scripts", file));
  }

  private static List<String> expected(String locale) {
    return switch (locale) {
      case "en-GB" ->
          List.of(
              "Move Northwind renewal from Proposal/Price Quote to Negotiation/Review, where",
              "Change the amount of Northwind renewal from US$18,000 to US$50,000?",
              "Northwind renewal  [Negotiation/Review, 90%, Pipeline]  amount 50000",
              "updates applied 4");
      case "de-DE" ->
          List.of(
              "Soll ich Northwind renewal von Proposal/Price Quote nach Negotiation/Review",
              "Soll ich den Betrag von Northwind renewal von 18.000 $ auf 50.000 $ ändern?",
              "Northwind renewal  [Negotiation/Review, 90%, Pipeline]  amount 50000",
              "updates applied 4");
      default ->
          List.of(
              "Move Northwind renewal from Proposal/Price Quote to Negotiation/Review, where",
              "Change the amount of Northwind renewal from $18,000 to $50,000?",
              "Northwind renewal  [Negotiation/Review, 90%, Pipeline]  amount 50000",
              "updates applied 4",
              "An amount can't be negative.",
              "Okay, I cancelled the new amount for Northwind renewal.");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "en-GB", "de-DE"})
  void dealUpdatesOverSignedHttp(String locale) throws Exception {
    SignedHttpScriptRun.runAndCheck(locale, "dealhttp", script(locale), expected(locale), 8);
  }
}
