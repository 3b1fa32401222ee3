package com.crmvoice.core.domain;

import java.time.Instant;
import java.util.List;

/**
 * A meeting on a CRM user's calendar: in Salesforce an Event the user owns. {@code with} names the
 * people it is with (the Event's WhoId and its EventRelation invitees: leads, contacts, users), in
 * the CRM's order, without contact details.
 *
 * @param end null when the CRM holds none (an all-day event has its day only)
 * @param allDay an all-day event: {@code start} is the day's start in UTC, no time is spoken
 */
public record CalendarEvent(
    String id,
    String ownerId,
    String subject,
    Instant start,
    Instant end,
    boolean allDay,
    List<String> with) {

  public CalendarEvent {
    LeadActivity.requireText(id, "id");
    LeadActivity.requireText(ownerId, "ownerId");
    if (start == null) {
      throw new IllegalArgumentException("start must not be null");
    }
    subject = subject == null || subject.isBlank() ? null : subject;
    with = with == null ? List.of() : List.copyOf(with);
  }
}
