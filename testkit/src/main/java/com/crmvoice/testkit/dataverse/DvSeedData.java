package com.crmvoice.testkit.dataverse;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The fake's canned leads: the simulator's demo set and deterministic random leads. */
final class DvSeedData {

  private static final String[] FIRST = {
    "Ana", "Ben", "Chloé", "Dev", "Eli", "Fatima", "Gus", "Hana"
  };
  private static final String[] LAST = {"Smith", "O'Neil", "Nguyen", "Schmidt", "Okafor", "Rossi"};
  private static final String[] COMPANY = {"Acme", "Globex", "Initech", "Umbrella", "Hooli"};

  private DvSeedData() {}

  /** The demo user's four leads (one disqualified), as the fake Salesforce has them. */
  static List<Map<String, Object>> demoLeads(Instant now, String owner) {
    return List.of(
        demo(
            owner,
            "Maria",
            "Garcia",
            "Northwind Traders",
            "maria.garcia@northwind.example",
            "+1 206 555 0143",
            0,
            1,
            now.minus(Duration.ofDays(12))),
        demo(
            owner,
            "Wei",
            "Chen",
            "Contoso Pharmaceuticals",
            "wei.chen@contoso.example",
            "+1 425 555 0170",
            0,
            2,
            now.minus(Duration.ofDays(5))),
        demo(
            owner,
            "Olu",
            "Adeyemi",
            "Fabrikam",
            "olu@fabrikam.example",
            null,
            2,
            6,
            now.minus(Duration.ofDays(30))),
        demo(
            owner,
            "Sam",
            "Taylor",
            "Tailspin Toys",
            null,
            "+44 20 7946 0321",
            0,
            1,
            // As the fake Salesforce's: created in the last day, the briefing's new lead.
            now.minus(Duration.ofHours(20))));
  }

  private static Map<String, Object> demo(
      String owner,
      String first,
      String last,
      String company,
      String email,
      String phone,
      int state,
      int status,
      Instant created) {
    Map<String, Object> row = new HashMap<>();
    row.put("_ownerid_value", owner);
    row.put("subject", first + " " + last + ", " + company);
    row.put("firstname", first);
    row.put("lastname", last);
    row.put("companyname", company);
    row.put("emailaddress1", email);
    row.put("telephone1", phone);
    row.put("statecode", state);
    row.put("statuscode", status);
    row.put("createdon", created);
    return row;
  }

  static Map<String, Object> randomLead(Random random, String owner, Instant now) {
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    String company = COMPANY[random.nextInt(COMPANY.length)];
    Map<String, Object> row = new HashMap<>();
    row.put("_ownerid_value", owner);
    row.put("subject", first + " " + last + ", " + company);
    row.put("firstname", first);
    row.put("lastname", last);
    row.put("companyname", company);
    row.put(
        "emailaddress1",
        (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + "@example.com");
    row.put("telephone1", String.format("+1 555 %07d", random.nextInt(10_000_000)));
    row.put("statecode", 0);
    row.put("statuscode", 1 + random.nextInt(2));
    row.put("createdon", now.minusSeconds(60L + random.nextInt(365 * 24 * 3600)));
    return row;
  }
}
