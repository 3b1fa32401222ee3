package com.crmvoice.testkit.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The fake's canned leads: the simulator's demo set and deterministic random leads. */
final class SeedData {

  private static final String[] FIRST = {
    "Ana", "Ben", "Chloé", "Dev", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lena", "Mo",
    "Nia", "Omar", "Pia"
  };
  private static final String[] LAST = {
    "Smith",
    "O'Neil",
    "Nguyen",
    "Schmidt",
    "Kowalski",
    "Okafor",
    "Rossi",
    "Tanaka",
    "Dubois",
    "Silva",
    "Haddad",
    "Berg"
  };
  private static final String[] COMPANY = {
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Soylent",
    "Vandelay Industries",
    "Tyrell"
  };
  private static final String[] OPEN = {"Open - Not Contacted", "Working - Contacted"};

  private SeedData() {}

  /** The demo user's four leads, created days before {@code now}. */
  static List<Map<String, Object>> demoLeads(Instant now) {
    return List.of(
        demo(
            "Maria",
            "Garcia",
            "Northwind Traders",
            "maria.garcia@northwind.example",
            "+1 206 555 0143",
            "Open - Not Contacted",
            now.minus(Duration.ofDays(12))),
        demo(
            "Wei",
            "Chen",
            "Contoso Pharmaceuticals",
            "wei.chen@contoso.example",
            "+1 425 555 0170",
            "Working - Contacted",
            now.minus(Duration.ofDays(5))),
        demo(
            "Olu",
            "Adeyemi",
            "Fabrikam",
            "olu@fabrikam.example",
            null,
            "Closed - Not Converted",
            now.minus(Duration.ofDays(30))),
        demo(
            "Sam",
            "Taylor",
            "Tailspin Toys",
            null,
            "+44 20 7946 0321",
            "Open - Not Contacted",
            now.minus(Duration.ofHours(20))));
  }

  private static Map<String, Object> demo(
      String first,
      String last,
      String company,
      String email,
      String phone,
      String status,
      Instant created) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("OwnerId", FakeSalesforce.DEMO_USER_ID);
    fields.put("FirstName", first);
    fields.put("LastName", last);
    fields.put("Company", company);
    fields.put("Email", email);
    fields.put("Phone", phone);
    fields.put("Status", status);
    fields.put("CreatedDate", created);
    fields.put("IsConverted", Boolean.FALSE);
    return fields;
  }

  /** An open lead of {@code owner} created in the year before {@code now}, drawn from random. */
  static Map<String, Object> randomLead(Random random, String owner, Instant now) {
    Map<String, Object> record = new HashMap<>();
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    record.put("OwnerId", owner);
    record.put("FirstName", first);
    record.put("LastName", last);
    record.put("Company", COMPANY[random.nextInt(COMPANY.length)]);
    record.put(
        "Email", (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + "@example.com");
    record.put("Phone", String.format("+1 555 %07d", random.nextInt(10_000_000)));
    record.put("Status", OPEN[random.nextInt(OPEN.length)]);
    record.put("IsConverted", Boolean.FALSE);
    record.put("CreatedDate", now.minusSeconds(60L + random.nextInt(365 * 24 * 3600)));
    return record;
  }

  /**
   * The demo user's day in {@code zone}: four meetings today (with their leads, one with a contact
   * invited too), one tomorrow; open tasks due today, yesterday and three days ago, and one next
   * week that no briefing mentions yet.
   */
  static void demoDay(FakeSalesforce fake, java.time.ZoneId zone, Instant now) {
    Map<String, String> leadIds = new HashMap<>();
    for (Map<String, Object> lead : fake.leads()) {
      if (FakeSalesforce.DEMO_USER_ID.equals(lead.get("OwnerId"))) {
        leadIds.put(lead.get("FirstName") + " " + lead.get("LastName"), (String) lead.get("Id"));
      }
    }
    String maria = leadIds.get("Maria Garcia");
    String wei = leadIds.get("Wei Chen");
    String sam = leadIds.get("Sam Taylor");
    String priya = fake.addContact("Priya Patel");
    String jonas = fake.addContact("Jonas Weber");
    java.time.LocalDate today = java.time.LocalDate.ofInstant(now, zone);
    String owner = FakeSalesforce.DEMO_USER_ID;
    meeting(fake, owner, "Discovery call", today, 9, 30, 30, zone, maria, List.of());
    meeting(fake, owner, "Pipeline review", today, 11, 0, 45, zone, priya, List.of());
    meeting(fake, owner, "Product demo", today, 14, 0, 60, zone, wei, List.of(jonas));
    meeting(fake, owner, "Contract questions", today, 16, 30, 30, zone, sam, List.of());
    meeting(fake, owner, "Proposal review", today.plusDays(1), 10, 0, 60, zone, maria, List.of());
    fake.insertTask(owner, maria, "Send the proposal", today);
    fake.insertTask(owner, wei, "Call back about pricing", today.minusDays(1));
    fake.insertTask(owner, null, "Prepare the quarterly forecast", today.minusDays(3));
    fake.insertTask(owner, sam, "Book the site visit", today.plusDays(6));
  }

  private static void meeting(
      FakeSalesforce fake,
      String owner,
      String subject,
      java.time.LocalDate day,
      int hour,
      int minute,
      int minutes,
      java.time.ZoneId zone,
      String who,
      List<String> invitees) {
    Instant start = day.atTime(hour, minute).atZone(zone).toInstant();
    fake.insertEvent(owner, subject, start, start.plus(Duration.ofMinutes(minutes)), who, invitees);
  }
}
