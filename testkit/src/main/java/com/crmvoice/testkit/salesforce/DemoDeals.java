package com.crmvoice.testkit.salesforce;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** The fake's canned opportunities: the demo user's pipeline and deterministic random deals. */
final class DemoDeals {

  private static final String[] ACCOUNTS = {
    "Globex", "Initech", "Umbrella", "Hooli", "Soylent", "Vandelay Industries", "Tyrell"
  };
  private static final String[] KINDS = {"renewal", "expansion", "pilot", "upgrade", "rollout"};
  private static final String[] OPEN_STAGES = {
    "Prospecting",
    "Qualification",
    "Value Proposition",
    "Proposal/Price Quote",
    "Negotiation/Review"
  };

  private DemoDeals() {}

  /** {@code days} after today, but no later than this week's Sunday (the briefing's week). */
  static LocalDate withinWeek(LocalDate today, int days) {
    LocalDate sunday =
        today.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    LocalDate date = today.plusDays(days);
    return date.isAfter(sunday) ? sunday : date;
  }

  static String accountName(Random random) {
    return ACCOUNTS[random.nextInt(ACCOUNTS.length)];
  }

  /**
   * The demo user's deals, relative to {@code today}: five open ones in five stages (one closing
   * within three days and this week, one within the month, the others this or next quarter), one
   * won this quarter, one lost; and a deal of another owner that must never be the demo user's.
   */
  static void demo(SalesStore sales, LocalDate today) {
    String owner = FakeSalesforce.DEMO_USER_ID;
    String acme = sales.insertAccount("Acme Corporation", owner);
    String northwind = sales.insertAccount("Northwind Traders", owner);
    String contoso = sales.insertAccount("Contoso", owner);
    String fabrikam = sales.insertAccount("Fabrikam", owner);
    String tailspin = sales.insertAccount("Tailspin Toys", owner);
    LocalDate quarterStart =
        today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
    sales.insertOpportunity(
        deal(owner, "Acme expansion", acme, "Negotiation/Review", "42500", withinWeek(today, 3))
            .with("NextStep", "Send the contract")
            .with("LastActivityDate", today.minusDays(2))
            .fields);
    sales.insertOpportunity(
        deal(
                owner,
                "Northwind renewal",
                northwind,
                "Proposal/Price Quote",
                "18000",
                today.plusDays(10))
            .with("NextStep", "Review pricing with procurement")
            .with("LastActivityDate", today.minusDays(6))
            .fields);
    sales.insertOpportunity(
        deal(
                owner,
                "Tailspin Toys upgrade",
                tailspin,
                "Id. Decision Makers",
                "12000",
                today.plusDays(20))
            .fields);
    sales.insertOpportunity(
        deal(owner, "Contoso pilot", contoso, "Prospecting", "7500", today.plusDays(40)).fields);
    sales.insertOpportunity(
        deal(owner, "Fabrikam rollout", fabrikam, "Value Proposition", "65000", today.plusDays(75))
            .with("NextStep", "Book the technical workshop")
            .fields);
    LocalDate won = today.minusDays(5).isBefore(quarterStart) ? quarterStart : today.minusDays(5);
    sales.insertOpportunity(
        deal(owner, "Northwind onboarding", northwind, "Closed Won", "15000", won).fields);
    sales.insertOpportunity(
        deal(owner, "Acme legacy support", acme, "Closed Lost", "9000", won).fields);
    String other = "005000000000002AAA";
    sales.insertOpportunity(
        deal(other, "Acme data platform", acme, "Negotiation/Review", "99000", today.plusDays(2))
            .fields);
  }

  static Map<String, Object> randomOpen(
      Random random, String owner, String accountId, LocalDate today) {
    String stage = OPEN_STAGES[random.nextInt(OPEN_STAGES.length)];
    return deal(
            owner,
            accountName(random) + " " + KINDS[random.nextInt(KINDS.length)],
            accountId,
            stage,
            Integer.toString(1000 * (1 + random.nextInt(120))),
            today.plusDays(random.nextInt(180)))
        .with("NextStep", random.nextBoolean() ? "Call back" : null)
        .fields;
  }

  static Map<String, Object> randomWon(
      Random random, String owner, String accountId, LocalDate today) {
    LocalDate quarterStart =
        today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
    LocalDate close =
        quarterStart.plusDays(
            random.nextInt(1 + (int) (today.toEpochDay() - quarterStart.toEpochDay())));
    return deal(
            owner,
            "Won " + KINDS[random.nextInt(KINDS.length)],
            accountId,
            "Closed Won",
            Integer.toString(1000 * (1 + random.nextInt(50))),
            close)
        .fields;
  }

  private record Fields(Map<String, Object> fields) {
    Fields with(String name, Object value) {
      fields.put(name, value);
      return this;
    }
  }

  private static Fields deal(
      String owner, String name, String accountId, String stage, String amount, LocalDate close) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("OwnerId", owner);
    fields.put("Name", name);
    fields.put("AccountId", accountId);
    fields.put("StageName", stage);
    fields.put("Amount", new BigDecimal(amount));
    fields.put("CloseDate", close);
    return new Fields(fields);
  }
}
