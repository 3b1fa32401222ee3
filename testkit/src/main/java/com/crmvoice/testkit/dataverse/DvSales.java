package com.crmvoice.testkit.dataverse;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The test controls of the fake environment's sales side, set up and read directly (not over the
 * Web API, not counted as calls): accounts, opportunities (open, won, lost), the transaction
 * currencies with their exchange rates (units per one unit of the base currency, as Dataverse keeps
 * them) and the organization's base currency and fiscal calendar start. A new fake has US Dollar as
 * its base and only currency and a fiscal year starting on 1 January. Every method holds the fake's
 * monitor.
 */
public final class DvSales {

  private final FakeDataverse fake;
  private final Schema schema;
  private final Clock clock;
  private final String organizationId;
  private String baseCurrencyId;

  DvSales(FakeDataverse fake, Schema schema, Clock clock) {
    this.fake = fake;
    this.schema = schema;
    this.clock = clock;
    this.baseCurrencyId = insertCurrency("USD", "US Dollar", BigDecimal.ONE);
    Map<String, Object> org = new HashMap<>();
    org.put("organizationid", FakeDataverse.ORGANIZATION_ID);
    org.put("name", "CRM Voice (fake)");
    org.put("fiscalcalendarstart", Instant.parse("2020-01-01T00:00:00Z"));
    org.put("_basecurrencyid_value", baseCurrencyId);
    this.organizationId = schema.organizations.insert(org);
  }

  private String insertCurrency(String iso, String name, BigDecimal rate) {
    Map<String, Object> row = new HashMap<>();
    row.put("isocurrencycode", iso);
    row.put("currencyname", name);
    row.put("exchangerate", rate);
    row.put("statecode", 0);
    return schema.currencies.insert(row);
  }

  /** Adds an active currency, {@code rate} units of it per one unit of the base currency. */
  public String addCurrency(String iso, String name, BigDecimal rate) {
    synchronized (fake) {
      return insertCurrency(iso, name, rate);
    }
  }

  /** The id of the currency with this ISO code, or null. */
  public String currencyId(String iso) {
    synchronized (fake) {
      return schema.currencies.rows().stream()
          .filter(r -> iso.equals(r.get("isocurrencycode")))
          .map(r -> (String) r.get("transactioncurrencyid"))
          .findFirst()
          .orElse(null);
    }
  }

  /** Makes a currency the organization's base currency (its rate becomes 1). */
  public void baseCurrency(String iso) {
    synchronized (fake) {
      String id = currencyId(iso);
      if (id == null) {
        id = insertCurrency(iso, iso, BigDecimal.ONE);
      }
      schema.currencies.update(id, Map.of("exchangerate", BigDecimal.ONE));
      schema.organizations.update(organizationId, Map.of("_basecurrencyid_value", id));
      baseCurrencyId = id;
    }
  }

  /** The fiscal year's start (organization.fiscalcalendarstart, midnight UTC of that day). */
  public void fiscalCalendarStart(LocalDate start) {
    synchronized (fake) {
      schema.organizations.update(
          organizationId,
          Map.of("fiscalcalendarstart", start.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
  }

  public String insertAccount(String name) {
    synchronized (fake) {
      Map<String, Object> row = new HashMap<>();
      row.put("name", name);
      return schema.accounts.insert(row);
    }
  }

  /**
   * Inserts an opportunity, columns by logical name ({@code _ownerid_value}, {@code
   * _customerid_value} an account id, estimatedvalue as a BigDecimal, estimatedclosedate as a
   * LocalDate, salesstage and closeprobability as numbers); open (statecode 0, In Progress) in the
   * base currency unless given. The owner is added as a user when unknown. Answers its id.
   */
  public String insertOpportunity(Map<String, Object> columns) {
    synchronized (fake) {
      Map<String, Object> row = new HashMap<>(columns);
      String owner =
          row.getOrDefault("_ownerid_value", FakeDataverse.APPLICATION_USER_ID).toString();
      owner = owner.toLowerCase(Locale.ROOT);
      row.put("_ownerid_value", owner);
      if (!fake.users().isUser(owner)) {
        fake.addUser(owner, "User " + owner.substring(owner.length() - 4));
      }
      if (row.get("name") == null || row.get("estimatedclosedate") == null) {
        throw new IllegalArgumentException("an opportunity needs a name and estimatedclosedate");
      }
      row.putIfAbsent("statecode", 0);
      row.putIfAbsent("statuscode", 1);
      row.putIfAbsent("_transactioncurrencyid_value", baseCurrencyId);
      return schema.opportunities.insert(row);
    }
  }

  /** Changes an opportunity directly (reassign, edit): a new version and modifiedon. */
  public void updateOpportunity(String id, Map<String, Object> columns) {
    synchronized (fake) {
      schema.opportunities.update(id.toLowerCase(Locale.ROOT), new HashMap<>(columns));
    }
  }

  /** Closes an opportunity as won on {@code day} (actualvalue the estimated value). */
  public void win(String id, LocalDate day) {
    close(id, 1, 3, day);
  }

  /** Closes an opportunity as lost (Canceled) on {@code day}. */
  public void lose(String id, LocalDate day) {
    close(id, 2, 4, day);
  }

  private void close(String id, int state, int status, LocalDate day) {
    synchronized (fake) {
      Map<String, Object> row = schema.opportunities.row(id);
      Map<String, Object> values = new HashMap<>();
      values.put("statecode", state);
      values.put("statuscode", status);
      values.put("actualclosedate", day);
      values.put("actualvalue", state == 1 ? row.get("estimatedvalue") : BigDecimal.ZERO);
      schema.opportunities.update(id.toLowerCase(Locale.ROOT), values);
    }
  }

  public void deleteOpportunity(String id) {
    synchronized (fake) {
      schema.opportunities.delete(id.toLowerCase(Locale.ROOT));
    }
  }

  /** The opportunity as stored (a copy without nulls), or null. */
  public Map<String, Object> opportunity(String id) {
    synchronized (fake) {
      Map<String, Object> row = schema.opportunities.row(id);
      return row == null ? null : Map.copyOf(Table.withoutNulls(row));
    }
  }

  public List<Map<String, Object>> opportunities() {
    synchronized (fake) {
      return schema.opportunities.copies();
    }
  }

  /** PATCH updates of this opportunity the fake applied over the Web API. */
  public int appliedUpdates(String id) {
    return fake.appliedUpdates(id.toLowerCase(Locale.ROOT));
  }

  /**
   * The stage an opportunity row is at, as the Dataverse adapter reads it: the salesstage option's
   * label while open (statecode 0), Won or Lost once closed.
   */
  public static String stageOf(Map<String, Object> row) {
    Object state = row.get("statecode");
    if (state instanceof Number n && n.intValue() == 1) {
      return "Won";
    }
    if (state instanceof Number n && n.intValue() == 2) {
      return "Lost";
    }
    Object stage = row.get("salesstage");
    return stage instanceof Number n
        ? Schema.SALES_STAGES.stream()
            .filter(o -> o.value() == n.intValue())
            .map(Schema.StatusOption::label)
            .findFirst()
            .orElse(String.valueOf(stage))
        : null;
  }

  /** The salesstage option value of a stage label (Qualify, Develop, Propose, Close). */
  public static int salesStage(String label) {
    return Schema.SALES_STAGES.stream()
        .filter(o -> o.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no sales stage " + label))
        .value();
  }

  /**
   * Deterministic deals: {@code dealsPerOwner} open deals for each of the owners {@link
   * FakeDataverse#ownerId} 1 to {@code owners}, closing within the next half year, and one won deal
   * each this quarter.
   */
  public void seed(int owners, int dealsPerOwner, long randomSeed) {
    Random random = new Random(randomSeed);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    synchronized (fake) {
      for (int o = 1; o <= owners; o++) {
        String owner = FakeDataverse.ownerId(o);
        fake.addUser(owner, "Rep " + o);
        String account = insertAccount(DvDemoDeals.accountName(random));
        for (int d = 0; d < dealsPerOwner; d++) {
          insertOpportunity(DvDemoDeals.randomOpen(random, owner, account, today));
        }
        String won = insertOpportunity(DvDemoDeals.randomOpen(random, owner, account, today));
        win(won, DvDemoDeals.dayThisQuarter(random, today));
      }
    }
  }
}
