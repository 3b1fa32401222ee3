package com.crmvoice.simulator.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Alexa makes of a spoken AMAZON.NUMBER, for the words a user types: digits as they are
 * ("50000", "-5000", "42,500"), English number words ("fifty thousand", "forty-two thousand five
 * hundred", "minus five thousand") and German ones, written together as German writes them
 * ("fünfzigtausend", "zweiundvierzigtausendfünfhundert", "minus tausend"). The value is the
 * number's digits; anything else passes through as typed. See
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/slot-type-reference.html#number
 */
public final class SpokenNumbers {

  private static final Map<String, Long> EN_SMALL =
      Map.ofEntries(
          Map.entry("zero", 0L),
          Map.entry("one", 1L),
          Map.entry("a", 1L),
          Map.entry("two", 2L),
          Map.entry("three", 3L),
          Map.entry("four", 4L),
          Map.entry("five", 5L),
          Map.entry("six", 6L),
          Map.entry("seven", 7L),
          Map.entry("eight", 8L),
          Map.entry("nine", 9L),
          Map.entry("ten", 10L),
          Map.entry("eleven", 11L),
          Map.entry("twelve", 12L),
          Map.entry("thirteen", 13L),
          Map.entry("fourteen", 14L),
          Map.entry("fifteen", 15L),
          Map.entry("sixteen", 16L),
          Map.entry("seventeen", 17L),
          Map.entry("eighteen", 18L),
          Map.entry("nineteen", 19L),
          Map.entry("twenty", 20L),
          Map.entry("thirty", 30L),
          Map.entry("forty", 40L),
          Map.entry("fifty", 50L),
          Map.entry("sixty", 60L),
          Map.entry("seventy", 70L),
          Map.entry("eighty", 80L),
          Map.entry("ninety", 90L));

  private static final Map<String, Long> EN_SCALES =
      Map.of("thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);

  /** German units and tens, longest first so that "sieben" is not read as "sieb" + "en". */
  private static final List<Map.Entry<String, Long>> DE_WORDS =
      List.of(
          Map.entry("siebzehn", 17L),
          Map.entry("dreizehn", 13L),
          Map.entry("vierzehn", 14L),
          Map.entry("fünfzehn", 15L),
          Map.entry("sechzehn", 16L),
          Map.entry("achtzehn", 18L),
          Map.entry("neunzehn", 19L),
          Map.entry("zwanzig", 20L),
          Map.entry("dreißig", 30L),
          Map.entry("vierzig", 40L),
          Map.entry("fünfzig", 50L),
          Map.entry("sechzig", 60L),
          Map.entry("siebzig", 70L),
          Map.entry("achtzig", 80L),
          Map.entry("neunzig", 90L),
          Map.entry("sieben", 7L),
          Map.entry("sechs", 6L),
          Map.entry("zwölf", 12L),
          Map.entry("zwei", 2L),
          Map.entry("drei", 3L),
          Map.entry("vier", 4L),
          Map.entry("fünf", 5L),
          Map.entry("acht", 8L),
          Map.entry("neun", 9L),
          Map.entry("zehn", 10L),
          Map.entry("elf", 11L),
          Map.entry("eins", 1L),
          Map.entry("eine", 1L),
          Map.entry("ein", 1L),
          Map.entry("null", 0L));

  private SpokenNumbers() {}

  /** The AMAZON.NUMBER value for what was typed. */
  public static String resolve(String spoken) {
    if (spoken == null) {
      return null;
    }
    String said = spoken.strip().toLowerCase(Locale.ROOT);
    boolean negative = false;
    for (String minus : List.of("minus ", "negative ")) {
      if (said.startsWith(minus)) {
        negative = true;
        said = said.substring(minus.length()).strip();
      }
    }
    Long value = digits(said);
    if (value == null) {
      value = english(said);
    }
    if (value == null) {
      value = german(said.replace(" ", ""));
    }
    if (value == null) {
      return spoken;
    }
    return Long.toString(negative ? -value : value);
  }

  private static Long digits(String said) {
    String plain = said.replace(",", "");
    return plain.matches("-?\\d{1,15}") ? Long.parseLong(plain) : null;
  }

  private static Long english(String said) {
    String[] words = said.replace('-', ' ').split("\\s+");
    long total = 0;
    long group = 0;
    boolean any = false;
    for (String word : words) {
      if (word.equals("and")) {
        continue;
      }
      Long small = EN_SMALL.get(word);
      if (small != null) {
        group += small;
        any = true;
      } else if (word.equals("hundred")) {
        group = (group == 0 ? 1 : group) * 100;
        any = true;
      } else if (EN_SCALES.containsKey(word)) {
        total += (group == 0 ? 1 : group) * EN_SCALES.get(word);
        group = 0;
        any = true;
      } else {
        return null;
      }
    }
    return any ? total + group : null;
  }

  /** A German number written as one word ("zweiundvierzigtausendfünfhundert"), or null. */
  static Long german(String word) {
    if (word.isEmpty()) {
      return null;
    }
    for (String[] scale :
        new String[][] {
          {"milliarden", "1000000000"},
          {"milliarde", "1000000000"},
          {"millionen", "1000000"},
          {"million", "1000000"},
          {"tausend", "1000"}
        }) {
      int at = word.indexOf(scale[0]);
      if (at >= 0) {
        Long head = at == 0 ? Long.valueOf(1) : german(word.substring(0, at));
        String rest = word.substring(at + scale[0].length());
        Long tail = rest.isEmpty() ? Long.valueOf(0) : german(rest);
        return head == null || tail == null ? null : head * Long.parseLong(scale[1]) + tail;
      }
    }
    int hundred = word.indexOf("hundert");
    if (hundred >= 0) {
      Long head = hundred == 0 ? Long.valueOf(1) : germanUnder100(word.substring(0, hundred));
      String rest = word.substring(hundred + "hundert".length());
      Long tail = rest.isEmpty() ? Long.valueOf(0) : germanUnder100(rest);
      return head == null || tail == null ? null : head * 100 + tail;
    }
    return germanUnder100(word);
  }

  private static Long germanUnder100(String word) {
    int and = word.indexOf("und");
    if (and > 0) {
      Long unit = germanWord(word.substring(0, and));
      Long tens = germanWord(word.substring(and + 3));
      return unit == null || tens == null || tens < 20 || unit > 9 ? null : tens + unit;
    }
    return germanWord(word);
  }

  private static Long germanWord(String word) {
    for (Map.Entry<String, Long> entry : DE_WORDS) {
      if (entry.getKey().equals(word)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
