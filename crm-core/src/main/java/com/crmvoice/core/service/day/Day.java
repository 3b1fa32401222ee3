package com.crmvoice.core.service.day;

import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.ClosingDeals.DealMention;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One user's day as the briefing tells it, in their time zone: today's meetings (soonest first),
 * open tasks due today and overdue ones (earliest due first), leads new since the last briefing,
 * deals closing this week, the top lead (null when none). Empty lists are sections to leave out.
 */
public record Day(
    LocalDate today,
    ZoneId zone,
    List<CalendarEvent> meetings,
    List<OpenTask> dueToday,
    List<OpenTask> overdue,
    List<LeadArrival> newLeads,
    List<DealMention> closingThisWeek,
    Lead topLead) {

  public Day {
    meetings = List.copyOf(meetings);
    dueToday = List.copyOf(dueToday);
    overdue = List.copyOf(overdue);
    newLeads = List.copyOf(newLeads);
    closingThisWeek = List.copyOf(closingThisWeek);
  }

  /** Whether there is nothing at all to tell. */
  public boolean isEmpty() {
    return meetings.isEmpty()
        && dueToday.isEmpty()
        && overdue.isEmpty()
        && newLeads.isEmpty()
        && closingThisWeek.isEmpty()
        && topLead == null;
  }
}
