package com.crmvoice.simulator.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * What Alexa makes of a spoken AMAZON.DATE, for the words a user types most: today, tomorrow, a
 * weekday (the next one), "next week" (an ISO week, yyyy-Www, as Alexa sends it), or a date already
 * written yyyy-MM-dd; in English and German. Anything else passes through as typed. See
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

  private SpokenDates() {}

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
    return spoken;
  }
}
