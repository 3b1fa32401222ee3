package com.crmvoice.core.service.deals;

import com.crmvoice.core.domain.deal.Deal;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of an owner's deals a spoken name means, matched against the deal's name and its account's
 * name, ignoring case, accents, punctuation and filler words ("the", "deal", "opportunity", "der",
 * "Deal"...). The best kind of match wins: the whole deal name, then the whole account name, then
 * every spoken word found in the deal's or the account's words (a word of the account alone also
 * counts: "Northwind" for "Northwind renewal"). Several deals at the best kind of match are
 * ambiguous: the caller asks "which one". Pure: no I/O, so testable without AWS.
 */
public final class DealNames {

  /** Words that name no deal: articles, "deal", "opportunity" in the three languages. */
  private static final Set<String> FILLER =
      Set.of(
          "the",
          "a",
          "an",
          "my",
          "our",
          "deal",
          "deals",
          "opportunity",
          "opportunities",
          "der",
          "die",
          "das",
          "den",
          "dem",
          "des",
          "mein",
          "meinen",
          "meinem",
          "meine",
          "geschaft",
          "geschafte",
          "chance",
          "verkaufschance",
          "opportunitat",
          "auftrag");

  private DealNames() {}

  /** The deals {@code spoken} names, best kind of match only; empty when none matches. */
  public static List<Deal> matching(List<Deal> deals, String spoken) {
    List<String> said = words(spoken);
    if (said.isEmpty()) {
      return List.of();
    }
    String whole = String.join(" ", said);
    List<Deal> byName = deals.stream().filter(d -> joined(d.name()).equals(whole)).toList();
    if (!byName.isEmpty()) {
      return byName;
    }
    List<Deal> byAccount =
        deals.stream()
            .filter(d -> d.accountName() != null && joined(d.accountName()).equals(whole))
            .toList();
    if (!byAccount.isEmpty()) {
      return byAccount;
    }
    return deals.stream().filter(d -> wordsOf(d).containsAll(said)).toList();
  }

  private static Set<String> wordsOf(Deal deal) {
    Set<String> all = new LinkedHashSet<>(words(deal.name()));
    if (deal.accountName() != null) {
      all.addAll(words(deal.accountName()));
    }
    return all;
  }

  private static String joined(String text) {
    return String.join(" ", words(text));
  }

  /** The text's words, normalised (lower case, no accents or punctuation), fillers dropped. */
  static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("ß", "ss")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    if (plain.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(plain.split(" "))
        .filter(w -> !FILLER.contains(w))
        .collect(Collectors.toList());
  }
}
