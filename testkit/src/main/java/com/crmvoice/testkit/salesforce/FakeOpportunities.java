package com.crmvoice.testkit.salesforce;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The test controls of the fake org's sales side: opportunities and accounts set up and read
 * directly (not over REST, not counted as calls), the stage picklist, a custom fiscal year, the
 * org's currency or multi-currency, and the demo pipeline. Every method holds the fake's monitor.
 */
public final class FakeOpportunities {

  private final Object lock;
  private final SalesStore sales;
  private final OpportunityResources resources;
  private final Clock clock;

  FakeOpportunities(Object lock, SalesStore sales, OpportunityResources resources, Clock clock) {
    this.lock = lock;
    this.sales = sales;
    this.resources = resources;
    this.clock = clock;
  }

  public String insertAccount(String name, String ownerId) {
    synchronized (lock) {
      return sales.insertAccount(name, ownerId);
    }
  }

  /**
   * Inserts an opportunity, fields by API name (Amount and Probability as numbers, CloseDate as a
   * LocalDate); Name, StageName and CloseDate are required.
   */
  public String insert(Map<String, Object> fields) {
    synchronized (lock) {
      return sales.insertOpportunity(fields);
    }
  }

  public void update(String id, Map<String, Object> fields) {
    synchronized (lock) {
      sales.updateOpportunity(id, fields);
    }
  }

  public void delete(String id) {
    synchronized (lock) {
      sales.deleteOpportunity(id);
    }
  }

  /** The opportunity as stored (a copy), or null. */
  public Map<String, Object> get(String id) {
    synchronized (lock) {
      Map<String, Object> row = sales.opportunity(id);
      return row == null ? null : new HashMap<>(row);
    }
  }

  public List<Map<String, Object>> all() {
    synchronized (lock) {
      return sales.opportunities();
    }
  }

  /** Updates applied over REST to this opportunity (PATCH or Collections). */
  public int appliedUpdates(String id) {
    return resources.appliedUpdates(id);
  }

  /** Adds an active stage at the end of the sales process. */
  public void addStage(String name, int probability, String forecast, boolean closed, boolean won) {
    synchronized (lock) {
      sales.stage(name, probability, forecast, closed, won);
    }
  }

  public void defaultCurrency(String isoCode) {
    synchronized (lock) {
      sales.defaultCurrency(isoCode);
    }
  }

  public void fiscalYearStartMonth(int month) {
    synchronized (lock) {
      sales.fiscalYearStartMonth(month);
    }
  }

  /** Turns multi-currency on (CurrencyType, Opportunity.CurrencyIsoCode appear). */
  public void multiCurrency(String corporate, Map<String, BigDecimal> rates) {
    synchronized (lock) {
      sales.multiCurrency(corporate, rates);
    }
  }

  /** A custom fiscal year named {@code name}: quarters as {start, end} pairs, both inclusive. */
  public void customFiscalYear(String name, List<LocalDate[]> quarters) {
    synchronized (lock) {
      sales.customFiscalYear(name, quarters);
    }
  }

  /**
   * Deterministic deals: {@code dealsPerOwner} open deals for each of the owners {@code 005}
   * followed by a 12-digit number and {@code AAA} (the owners {@link FakeSalesforce#seed} makes),
   * closing within the next half year, and one won deal each this quarter.
   */
  public void seed(int owners, int dealsPerOwner, long randomSeed) {
    Random random = new Random(randomSeed);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    synchronized (lock) {
      for (int o = 1; o <= owners; o++) {
        String owner = String.format("005%012dAAA", o);
        String account = sales.insertAccount(DemoDeals.accountName(random), owner);
        for (int d = 0; d < dealsPerOwner; d++) {
          sales.insertOpportunity(DemoDeals.randomOpen(random, owner, account, today));
        }
        sales.insertOpportunity(DemoDeals.randomWon(random, owner, account, today));
      }
    }
  }

  /** The demo user's pipeline: deals in several stages this quarter and next, and two wins. */
  public void seedDemo() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    synchronized (lock) {
      DemoDeals.demo(sales, today);
    }
  }
}
