package com.crmvoice.core.service.refresher;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What the agenda cache holds of each owner's time, computed in UTC so that it covers "today" in
 * every time zone (UTC-12 to UTC+14) without knowing the user's: events from 14 hours before
 * today's UTC midnight to {@code daysAhead} days after it, open tasks due up to tomorrow in UTC
 * (overdue ones included), leads created in the last two days. The skill then picks today in the
 * user's zone.
 *
 * @param eventsFrom first event start kept
 * @param eventsTo events starting at or after this are not kept
 * @param tasksDueBy last due date kept
 * @param leadsSince first lead creation kept
 */
public record AgendaWindow(
    Instant eventsFrom, Instant eventsTo, LocalDate tasksDueBy, Instant leadsSince) {

  /** Days of meetings kept after today (the skill's "next meeting" looks this far). */
  public static final int DAYS_AHEAD = 3;

  /** How far back "new leads" reach when the user never heard a briefing. */
  public static final Duration NEW_LEADS_BACK = Duration.ofDays(2);

  public static AgendaWindow at(Instant now) {
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return new AgendaWindow(
        midnight.minus(Duration.ofHours(14)),
        midnight.plus(Duration.ofDays(DAYS_AHEAD + 1)),
        today.plusDays(1),
        now.minus(NEW_LEADS_BACK));
  }
}
