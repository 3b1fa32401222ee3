package com.crmvoice.testkit.dataverse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo user's day as the fake Salesforce has it (testkit SeedData.demoDay): four meetings today
 * and one tomorrow with the demo leads and two contacts (one an attendee), and tasks due today,
 * yesterday, three days ago and next week.
 */
final class DvDemoDay {

  private DvDemoDay() {}

  static void seed(FakeDataverse fake, ZoneId zone, Instant now) {
    Map<String, String> leads = new HashMap<>();
    for (Map<String, Object> lead : fake.leads()) {
      if (FakeDataverse.DEMO_USER_ID.equals(lead.get("_ownerid_value"))) {
        leads.put(lead.get("firstname") + " " + lead.get("lastname"), (String) lead.get("leadid"));
      }
    }
    DvCalendar calendar = fake.calendar();
    String maria = leads.get("Maria Garcia");
    String wei = leads.get("Wei Chen");
    String sam = leads.get("Sam Taylor");
    String priya = calendar.addContact("Priya", "Patel");
    String jonas = calendar.addContact("Jonas", "Weber");
    LocalDate today = LocalDate.ofInstant(now, zone);
    String owner = FakeDataverse.DEMO_USER_ID;
    meeting(calendar, "Discovery call", today, 9, 30, 30, zone, maria, List.of());
    meeting(calendar, "Pipeline review", today, 11, 0, 45, zone, priya, List.of());
    meeting(calendar, "Product demo", today, 14, 0, 60, zone, wei, List.of(jonas));
    meeting(calendar, "Contract questions", today, 16, 30, 30, zone, sam, List.of());
    meeting(calendar, "Proposal review", today.plusDays(1), 10, 0, 60, zone, maria, List.of());
    calendar.insertTask(owner, maria, "Send the proposal", today);
    calendar.insertTask(owner, wei, "Call back about pricing", today.minusDays(1));
    calendar.insertTask(owner, null, "Prepare the quarterly forecast", today.minusDays(3));
    calendar.insertTask(owner, sam, "Book the site visit", today.plusDays(6));
  }

  private static void meeting(
      DvCalendar calendar,
      String subject,
      LocalDate day,
      int hour,
      int minute,
      int minutes,
      ZoneId zone,
      String regarding,
      List<String> attendees) {
    Instant start = day.atTime(hour, minute).atZone(zone).toInstant();
    calendar.insertAppointment(
        FakeDataverse.DEMO_USER_ID,
        subject,
        start,
        start.plus(Duration.ofMinutes(minutes)),
        regarding,
        attendees);
  }
}
