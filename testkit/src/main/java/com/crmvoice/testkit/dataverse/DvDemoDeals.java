package com.crmvoice.testkit.dataverse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The fake's canned opportunities: the fake Salesforce's demo pipeline (testkit DemoDeals) in
 * Dynamics' sales stages, and deterministic random deals. Salesforce's five open stages fold into
 * Dynamics' four (Prospecting: Qualify; Id. Decision Makers and Value Proposition: Develop;
 * Proposal/Price Quote: Propose; Negotiation/Review: Close), and each deal carries the probability
 * Salesforce's stage gives it, so the pipeline's figures are the same on both CRMs.
 */
final class DvDemoDeals {

  private static final String[] ACCOUNTS = {
    "Globex", "Initech", "Umbrella", "Hooli", "Soylent", "Vandelay Industries", "Tyrell"
  };
  private static final String[] KINDS = {"renewal", "expansion", "pilot", "upgrade", "rollout"};
  private static final String[] STAGES = {"Qualify", "Develop", "Propose", "Close"};
  private static final int[] PROBABILITIES = {10, 50, 75, 90};

  private DvDemoDeals() {}

  static String accountName(Random random) {
    return ACCOUNTS[random.nextInt(ACCOUNTS.length)];
  }

  /**
   * The demo user's deals, relative to {@code today}: five open ones (closing in 3, 10, 20, 40 and
   * 75 days), one won this quarter and one lost; and another owner's Acme deal the demo user must
   * never hear.
   */
  static void demo(DvSales sales, LocalDate today) {
    String owner = FakeDataverse.DEMO_USER_ID;
    String acme = sales.insertAccount("Acme Corporation");
    String northwind = sales.insertAccount("Northwind Traders");
    String contoso = sales.insertAccount("Contoso");
    String fabrikam = sales.insertAccount("Fabrikam");
    String tailspin = sales.insertAccount("Tailspin Toys");
    LocalDate quarterStart =
        today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
    sales.insertOpportunity(deal(owner, "Acme expansion", acme, "Close", 90, "42500", 3, today));
    sales.insertOpportunity(
        deal(owner, "Northwind renewal", northwind, "Propose", 75, "18000", 10, today));
    sales.insertOpportunity(
        deal(owner, "Tailspin Toys upgrade", tailspin, "Develop", 60, "12000", 20, today));
    sales.insertOpportunity(
        deal(owner, "Contoso pilot", contoso, "Qualify", 10, "7500", 40, today));
    sales.insertOpportunity(
        deal(owner, "Fabrikam rollout", fabrikam, "Develop", 50, "65000", 75, today));
    LocalDate closed =
        today.minusDays(5).isBefore(quarterStart) ? quarterStart : today.minusDays(5);
    String won =
        sales.insertOpportunity(
            deal(owner, "Northwind onboarding", northwind, "Close", 100, "15000", -5, today));
    sales.win(won, closed);
    String lost =
        sales.insertOpportunity(
            deal(owner, "Acme legacy support", acme, "Propose", 0, "9000", -5, today));
    sales.lose(lost, closed);
    sales.insertOpportunity(
        deal(FakeDataverse.ownerId(2), "Acme data platform", acme, "Close", 90, "99000", 2, today));
  }

  static Map<String, Object> randomOpen(
      Random random, String owner, String accountId, LocalDate today) {
    int stage = random.nextInt(STAGES.length);
    return deal(
        owner,
        accountName(random) + " " + KINDS[random.nextInt(KINDS.length)],
        accountId,
        STAGES[stage],
        PROBABILITIES[stage],
        Integer.toString(1000 * (1 + random.nextInt(120))),
        random.nextInt(180),
        today);
  }

  /** A day from the start of this quarter to today. */
  static LocalDate dayThisQuarter(Random random, LocalDate today) {
    LocalDate quarterStart =
        today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
    return quarterStart.plusDays(
        random.nextInt(1 + (int) (today.toEpochDay() - quarterStart.toEpochDay())));
  }

  private static Map<String, Object> deal(
      String owner,
      String name,
      String accountId,
      String stage,
      int probability,
      String amount,
      int closesInDays,
      LocalDate today) {
    Map<String, Object> row = new HashMap<>();
    row.put("_ownerid_value", owner);
    row.put("name", name);
    row.put("_customerid_value", accountId);
    row.put("salesstage", DvSales.salesStage(stage));
    row.put("stepname", (DvSales.salesStage(stage) + 1) + "-" + stage);
    row.put("closeprobability", probability);
    row.put("estimatedvalue", new BigDecimal(amount));
    row.put("estimatedclosedate", today.plusDays(closesInDays));
    return row;
  }
}
