package com.crmvoice.simulator.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Alexa makes of a spoken AMAZON.DATE, for the words a user types most: today, tomorrow, a
 * weekday (the next one), "next week" (an ISO week, yyyy-Www, as Alexa sends it), a day of a month
 * said the British, American or German way ("the fifth of March", "5th March", "March 5th", "5.
 * März": the next such day), or a date already written yyyy-MM-dd; in English and German. Anything
 * else passes through as typed. See
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/slot-type-reference.html#date
 */
public final class SpokenDates {

  private static final Map<String, DayOfWeek> WEEKDAYS =
      Map.ofEntries(
          Map.entry("monday", DayOfWeek.MONDAY),
          Map.entry("tuesday", DayOfWeek.TUESDAY),
          Map.entry("wednesday", DayOfWeek.WEDNESDAY),
          Map.entry("thursday", DayOfWeek.THURSDAY),
          Map.entry("friday", DayOfWeek.FRIDAY),
          Map.entry("saturday", DayOfWeek.SATURDAY),
          Map.entry("sunday", DayOfWeek.SUNDAY),
          Map.entry("montag", DayOfWeek.MONDAY),
          Map.entry("dienstag", DayOfWeek.TUESDAY),
          Map.entry("mittwoch", DayOfWeek.WEDNESDAY),
          Map.entry("donnerstag", DayOfWeek.THURSDAY),
          Map.entry("freitag", DayOfWeek.FRIDAY),
          Map.entry("samstag", DayOfWeek.SATURDAY),
          Map.entry("sonntag", DayOfWeek.SUNDAY));

  private static final List<String> MONTHS =
      List.of(
          "january|januar",
          "february|februar",
          "march|märz|maerz",
          "april",
          "may|mai",
          "june|juni",
          "july|juli",
          "august",
          "september",
          "october|oktober",
          "november",
          "december|dezember");

  private static final List<String> ORDINALS =
      List.of(
          "first",
          "second",
          "third",
          "fourth",
          "fifth",
          "sixth",
          "seventh",
          "eighth",
          "ninth",
          "tenth",
          "eleventh",
          "twelfth",
          "thirteenth",
          "fourteenth",
          "fifteenth",
          "sixteenth",
          "seventeenth",
          "eighteenth",
          "nineteenth",
          "twentieth");

  private static final String DAY = "(\\d{1,2}(?:st|nd|rd|th|\\.)?|(?:twenty|thirty)?[ -]?[a-z]+)";
  private static final String MONTH = "([a-zä]+)";
  private static final Pattern DAY_MONTH =
      Pattern.compile("^(?:the )?" + DAY + " (?:of )?" + MONTH + "$");
  private static final Pattern MONTH_DAY = Pattern.compile("^" + MONTH + " (?:the )?" + DAY + "$");

  private SpokenDates() {}

  /** 1 to 31 for "5", "5th", "fifth", "twenty-first", "thirtieth"; else -1. */
  static int dayOfMonth(String said) {
    String day = said.strip().replace('-', ' ');
    if (day.matches("\\d{1,2}(?:st|nd|rd|th|\\.)?")) {
      return Integer.parseInt(day.replaceAll("\\D", ""));
    }
    int tens = 0;
    if (day.startsWith("twenty ")) {
      tens = 20;
      day = day.substring(7);
    } else if (day.startsWith("thirty ")) {
      tens = 30;
      day = day.substring(7);
    }
    if (day.equals("thirtieth")) {
      return 30;
    }
    int index = ORDINALS.indexOf(day);
    if (index < 0 || (tens > 0 && index > 8)) {
      return -1;
    }
    return tens + index + 1;
  }

  private static int month(String said) {
    for (int i = 0; i < MONTHS.size(); i++) {
      if (List.of(MONTHS.get(i).split("\\|")).contains(said)) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The next {@code day} of {@code month} from {@code today} on (today included), or null. */
  private static String nextDay(int day, int month, LocalDate today) {
    if (day < 1 || month < 1) {
      return null;
    }
    for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
      try {
        LocalDate date = LocalDate.of(year, month, day);
        if (!date.isBefore(today)) {
          return date.toString();
        }
      } catch (java.time.DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  private static String dayOfAMonth(String said, LocalDate today) {
    Matcher dayMonth = DAY_MONTH.matcher(said);
    if (dayMonth.matches()) {
      String date = nextDay(dayOfMonth(dayMonth.group(1)), month(dayMonth.group(2)), today);
      if (date != null) {
        return date;
      }
    }
    Matcher monthDay = MONTH_DAY.matcher(said);
    if (monthDay.matches()) {
      return nextDay(dayOfMonth(monthDay.group(2)), month(monthDay.group(1)), today);
    }
    return null;
  }

  /** The AMAZON.DATE value for what was typed, relative to {@code today}. */
  public static String resolve(String spoken, LocalDate today) {
    if (spoken == null) {
      return null;
    }
    String said =
        spoken.strip().toLowerCase(Locale.ROOT).replaceFirst("^(on|am|next|nächsten) ", "");
    try {
      return LocalDate.parse(said).toString();
    } catch (DateTimeParseException e) {
      // not written as a date
    }
    switch (said) {
      case "today", "heute":
        return today.toString();
      case "tomorrow", "morgen":
        return today.plusDays(1).toString();
      case "the day after tomorrow", "übermorgen":
        return today.plusDays(2).toString();
      case "yesterday", "gestern":
        return today.minusDays(1).toString();
      case "week", "woche":
        LocalDate next = today.plusWeeks(1);
        return String.format(
            "%d-W%02d",
            next.get(IsoFields.WEEK_BASED_YEAR), next.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      default:
        break;
    }
    DayOfWeek day = WEEKDAYS.get(said);
    if (day != null) {
      return today.with(TemporalAdjusters.next(day)).toString();
    }
    String ofAMonth = dayOfAMonth(said, today);
    return ofAMonth != null ? ofAMonth : spoken;
  }
}
