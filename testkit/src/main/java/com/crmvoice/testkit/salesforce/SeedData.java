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
            now.minus(Duration.ofDays(2))));
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
}
