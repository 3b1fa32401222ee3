package com.crmvoice.core.service.skill;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an email address as Alexa transcribes speech ("john dot smith at acme dot com", "j o h n at
 * acme dot com", "max punkt muster ät beispiel punkt de") into its written form. The result is not
 * checked here: {@code NewLead} checks it.
 */
public final class SpokenEmail {

  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("dot", "."),
          Map.entry("period", "."),
          Map.entry("point", "."),
          Map.entry("punkt", "."),
          Map.entry("at", "@"),
          Map.entry("ät", "@"),
          Map.entry("ett", "@"),
          Map.entry("klammeraffe", "@"),
          Map.entry("underscore", "_"),
          Map.entry("unterstrich", "_"),
          Map.entry("dash", "-"),
          Map.entry("hyphen", "-"),
          Map.entry("minus", "-"),
          Map.entry("bindestrich", "-"),
          Map.entry("strich", "-"),
          Map.entry("plus", "+"));

  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

  private SpokenEmail() {}

  /** The written form, lower case, without spaces; null for null or blank input. */
  public static String normalise(String spoken) {
    if (spoken == null || spoken.isBlank()) {
      return null;
    }
    StringBuilder written = new StringBuilder();
    for (String word : SEPARATORS.split(spoken.strip().toLowerCase(Locale.ROOT))) {
      if (word.isEmpty()) {
        continue;
      }
      // Alexa sometimes writes "smith." or "acme.com" itself: keep what is already written.
      String trimmed =
          word.endsWith(".") && word.length() > 1 ? word.substring(0, word.length() - 1) : word;
      String symbol = WORDS.get(trimmed);
      written.append(symbol != null ? symbol : trimmed);
    }
    return written.toString();
  }
}
