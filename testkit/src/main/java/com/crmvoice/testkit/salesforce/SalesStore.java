package com.crmvoice.testkit.salesforce;

import com.crmvoice.testkit.salesforce.SObjectSchema.Type;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fake org's sales objects: Opportunity (with the recycle bin queryAll reads), Account, the
 * OpportunityStage picklist, Period and FiscalYearSettings (empty until a custom fiscal year is
 * set), Organization, and CurrencyType, which exists only in a multi-currency org (as does
 * Opportunity.CurrencyIsoCode). A stage change sets Probability, ForecastCategoryName, IsClosed and
 * IsWon from the stage, as Salesforce does; {@code Account.Name} is kept on each opportunity row
 * (an account renamed later is not followed). Not thread-safe: callers hold the fake's monitor.
 */
final class SalesStore {

  private final Clock clock;
  private final Map<String, Map<String, Object>> opportunities = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> recycleBin = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> accounts = new LinkedHashMap<>();
  private final List<Map<String, Object>> stages = new ArrayList<>();
  private final List<Map<String, Object>> periods = new ArrayList<>();
  private final List<Map<String, Object>> fiscalYears = new ArrayList<>();
  private final List<Map<String, Object>> currencies = new ArrayList<>();
  private final Map<String, Object> organization = new HashMap<>();
  private boolean multiCurrency;
  private long nextId = 1;
  private Instant lastStamp = Instant.EPOCH;

  SalesStore(Clock clock) {
    this.clock = clock;
    organization.put("Id", FakeSalesforce.ORG_ID);
    organization.put("Name", "CRM Voice Demo");
    organization.put("DefaultCurrencyIsoCode", "USD");
    organization.put("FiscalYearStartMonth", BigDecimal.ONE);
    organization.put("UsesStartDateAsFiscalYearName", Boolean.TRUE);
    stage("Prospecting", 10, "Pipeline", false, false);
    stage("Qualification", 10, "Pipeline", false, false);
    stage("Needs Analysis", 20, "Pipeline", false, false);
    stage("Value Proposition", 50, "Pipeline", false, false);
    stage("Id. Decision Makers", 60, "Pipeline", false, false);
    stage("Perception Analysis", 70, "Pipeline", false, false);
    stage("Proposal/Price Quote", 75, "Pipeline", false, false);
    stage("Negotiation/Review", 90, "Pipeline", false, false);
    stage("Closed Won", 100, "Closed", true, true);
    stage("Closed Lost", 0, "Omitted", true, false);
  }

  // ---- schemas ----

  /** The schemas of the objects this store answers for, as the org is set up now. */
  List<SObjectSchema> schemas() {
    List<SObjectSchema> all = new ArrayList<>();
    for (String name :
        List.of(
            "opportunity",
            "account",
            "opportunitystage",
            "period",
            "fiscalyearsettings",
            "organization",
            "currencytype")) {
      SObjectSchema schema = schema(name);
      if (schema != null) {
        all.add(schema);
      }
    }
    return all;
  }

  /** Whether {@code object} (its API name) is one of this store's. */
  boolean holds(String object) {
    return schema(object.toLowerCase(Locale.ROOT)) != null || object.equals("CurrencyType");
  }

  /** The schema of an object this store answers for, or null (CurrencyType: multi-currency). */
  private SObjectSchema schema(String name) {
    return switch (name) {
      case "opportunity" -> opportunitySchema();
      case "account" ->
          SObjectSchema.named("Account")
              .field("Id", Type.ID)
              .field("Name", Type.STRING)
              .field("OwnerId", Type.ID);
      case "opportunitystage" ->
          SObjectSchema.named("OpportunityStage")
              .field("Id", Type.ID)
              .field("ApiName", Type.STRING)
              .field("MasterLabel", Type.STRING)
              .field("SortOrder", Type.NUMBER)
              .field("DefaultProbability", Type.NUMBER)
              .field("ForecastCategoryName", Type.STRING)
              .field("IsActive", Type.BOOLEAN)
              .field("IsClosed", Type.BOOLEAN)
              .field("IsWon", Type.BOOLEAN);
      case "period" ->
          SObjectSchema.named("Period")
              .field("Id", Type.ID)
              .field("Type", Type.STRING)
              .field("StartDate", Type.DATE)
              .field("EndDate", Type.DATE)
              .field("Number", Type.NUMBER)
              .field("FiscalYearSettingsId", Type.ID)
              .field("FiscalYearSettings.Name", Type.STRING);
      case "fiscalyearsettings" ->
          SObjectSchema.named("FiscalYearSettings")
              .field("Id", Type.ID)
              .field("Name", Type.STRING)
              .field("StartDate", Type.DATE)
              .field("EndDate", Type.DATE)
              .field("IsStandardYear", Type.BOOLEAN);
      case "organization" ->
          SObjectSchema.named("Organization")
              .field("Id", Type.ID)
              .field("Name", Type.STRING)
              .field("DefaultCurrencyIsoCode", Type.STRING)
              .field("FiscalYearStartMonth", Type.NUMBER)
              .field("UsesStartDateAsFiscalYearName", Type.BOOLEAN);
      case "currencytype" ->
          multiCurrency
              ? SObjectSchema.named("CurrencyType")
                  .field("Id", Type.ID)
                  .field("IsoCode", Type.STRING)
                  .field("ConversionRate", Type.NUMBER)
                  .field("DecimalPlaces", Type.NUMBER)
                  .field("IsActive", Type.BOOLEAN)
                  .field("IsCorporate", Type.BOOLEAN)
              : null;
      default -> null;
    };
  }

  private SObjectSchema opportunitySchema() {
    SObjectSchema schema =
        SObjectSchema.named("Opportunity")
            .field("Id", Type.ID)
            .field("OwnerId", Type.ID)
            .field("Name", Type.STRING)
            .field("AccountId", Type.ID)
            .field("Account.Name", Type.STRING)
            .field("StageName", Type.STRING)
            .field("Amount", Type.CURRENCY)
            .field("CloseDate", Type.DATE)
            .field("Probability", Type.NUMBER)
            .field("ForecastCategoryName", Type.STRING)
            .field("NextStep", Type.STRING)
            .field("LastActivityDate", Type.DATE)
            .field("IsClosed", Type.BOOLEAN)
            .field("IsWon", Type.BOOLEAN)
            .field("IsDeleted", Type.BOOLEAN)
            .field("CreatedDate", Type.DATETIME)
            .field("LastModifiedDate", Type.DATETIME)
            .field("SystemModstamp", Type.DATETIME);
    return multiCurrency ? schema.field("CurrencyIsoCode", Type.STRING) : schema;
  }

  /** The rows a query of {@code object} filters ({@code all}: deleted opportunities too). */
  Collection<Map<String, Object>> candidates(String object, boolean all) {
    return switch (object) {
      case "Opportunity" -> {
        List<Map<String, Object>> rows = new ArrayList<>(opportunities.values());
        if (all) {
          rows.addAll(recycleBin.values());
        }
        yield rows;
      }
      case "Account" -> accounts.values();
      case "OpportunityStage" -> stages;
      case "Period" -> periods;
      case "FiscalYearSettings" -> fiscalYears;
      case "Organization" -> List.of(organization);
      case "CurrencyType" -> currencies;
      default -> List.of();
    };
  }

  // ---- org set-up ----

  void stage(String name, int probability, String forecast, boolean closed, boolean won) {
    Map<String, Object> row = new HashMap<>();
    row.put("Id", String.format("01J%012dAAA", stages.size() + 1));
    row.put("ApiName", name);
    row.put("MasterLabel", name);
    row.put("SortOrder", BigDecimal.valueOf(stages.size() + 1));
    row.put("DefaultProbability", BigDecimal.valueOf(probability));
    row.put("ForecastCategoryName", forecast);
    row.put("IsActive", Boolean.TRUE);
    row.put("IsClosed", closed);
    row.put("IsWon", won);
    stages.add(row);
  }

  Map<String, Object> stageRow(String name) {
    for (Map<String, Object> row : stages) {
      if (row.get("ApiName").equals(name) && Boolean.TRUE.equals(row.get("IsActive"))) {
        return row;
      }
    }
    return null;
  }

  List<String> activeStageNames() {
    return stages.stream()
        .filter(r -> Boolean.TRUE.equals(r.get("IsActive")))
        .map(r -> (String) r.get("ApiName"))
        .toList();
  }

  void defaultCurrency(String isoCode) {
    organization.put("DefaultCurrencyIsoCode", isoCode);
  }

  void fiscalYearStartMonth(int month) {
    organization.put("FiscalYearStartMonth", BigDecimal.valueOf(month));
  }

  /** Turns multi-currency on: the corporate currency and the others' rates against it. */
  void multiCurrency(String corporate, Map<String, BigDecimal> rates) {
    multiCurrency = true;
    currencies.clear();
    addCurrency(corporate, BigDecimal.ONE, true);
    rates.forEach((iso, rate) -> addCurrency(iso, rate, false));
    organization.put("DefaultCurrencyIsoCode", corporate);
    for (Map<String, Object> opp : opportunities.values()) {
      opp.putIfAbsent("CurrencyIsoCode", corporate);
    }
  }

  private void addCurrency(String iso, BigDecimal rate, boolean corporate) {
    Map<String, Object> row = new HashMap<>();
    row.put("Id", String.format("02L%012dAAA", currencies.size() + 1));
    row.put("IsoCode", iso);
    row.put("ConversionRate", rate);
    row.put("DecimalPlaces", BigDecimal.valueOf(2));
    row.put("IsActive", Boolean.TRUE);
    row.put("IsCorporate", corporate);
    currencies.add(row);
  }

  /** A record's amount in the corporate currency: amount / its currency's ConversionRate. */
  BigDecimal toCorporate(Map<String, Object> row, BigDecimal amount) {
    if (!multiCurrency) {
      return amount;
    }
    Object iso = row.get("CurrencyIsoCode");
    for (Map<String, Object> currency : currencies) {
      if (currency.get("IsoCode").equals(iso)) {
        return amount.divide(
            (BigDecimal) currency.get("ConversionRate"), 10, java.math.RoundingMode.HALF_UP);
      }
    }
    throw new IllegalStateException("no CurrencyType " + iso);
  }

  boolean multiCurrency() {
    return multiCurrency;
  }

  /** A custom fiscal year: one FiscalYearSettings row and its Quarter periods. */
  void customFiscalYear(String name, List<LocalDate[]> quarters) {
    String fyId = String.format("022%012dAAA", fiscalYears.size() + 1);
    Map<String, Object> fy = new HashMap<>();
    fy.put("Id", fyId);
    fy.put("Name", name);
    fy.put("StartDate", quarters.get(0)[0]);
    fy.put("EndDate", quarters.get(quarters.size() - 1)[1]);
    fy.put("IsStandardYear", Boolean.FALSE);
    fiscalYears.add(fy);
    for (int i = 0; i < quarters.size(); i++) {
      Map<String, Object> p = new HashMap<>();
      p.put("Id", String.format("026%012dAAA", periods.size() + 1));
      p.put("Type", "Quarter");
      p.put("StartDate", quarters.get(i)[0]);
      p.put("EndDate", quarters.get(i)[1]);
      p.put("Number", BigDecimal.valueOf(i + 1));
      p.put("FiscalYearSettingsId", fyId);
      p.put("FiscalYearSettings.__type", "FiscalYearSettings");
      p.put("FiscalYearSettings.__id", fyId);
      p.put("FiscalYearSettings.Name", name);
      periods.add(p);
    }
  }

  // ---- records ----

  String insertAccount(String name, String ownerId) {
    String id = String.format("001%012dAAA", nextId++);
    Map<String, Object> row = new HashMap<>();
    row.put("Id", id);
    row.put("Name", name);
    row.put("OwnerId", ownerId);
    accounts.put(id, row);
    return id;
  }

  /** Inserts an opportunity (fields by API name); Name, StageName and CloseDate are required. */
  String insertOpportunity(Map<String, Object> fields) {
    Map<String, Object> row = new HashMap<>();
    fields.forEach((k, v) -> row.put(canonical(k), v));
    for (String required : List.of("Name", "StageName", "CloseDate")) {
      if (row.get(required) == null) {
        throw new IllegalArgumentException(required + " is required");
      }
    }
    Map<String, Object> stage = stageRow((String) row.get("StageName"));
    if (stage == null) {
      throw new IllegalArgumentException("no active stage " + row.get("StageName"));
    }
    row.putIfAbsent("OwnerId", FakeSalesforce.INTEGRATION_USER_ID);
    row.putIfAbsent("Probability", stage.get("DefaultProbability"));
    row.put("ForecastCategoryName", stage.get("ForecastCategoryName"));
    row.put("IsClosed", stage.get("IsClosed"));
    row.put("IsWon", stage.get("IsWon"));
    row.put("IsDeleted", Boolean.FALSE);
    if (multiCurrency) {
      row.putIfAbsent("CurrencyIsoCode", organization.get("DefaultCurrencyIsoCode"));
    }
    linkAccount(row);
    Instant stamp = nextStamp();
    row.putIfAbsent("CreatedDate", stamp);
    row.put("LastModifiedDate", stamp);
    row.put("SystemModstamp", stamp);
    String id = String.format("006%012dAAA", nextId++);
    row.put("Id", id);
    opportunities.put(id, row);
    return id;
  }

  Map<String, Object> opportunity(String id) {
    return opportunities.get(id);
  }

  List<Map<String, Object>> opportunities() {
    // A row may hold nulls (a blank NextStep), which Map.copyOf refuses.
    return opportunities.values().stream()
        .map(r -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(r)))
        .toList();
  }

  /**
   * Applies changes (fields by API name): a new StageName sets Probability (unless the change sets
   * it), ForecastCategoryName, IsClosed and IsWon from the stage; the record's stamps move.
   */
  void updateOpportunity(String id, Map<String, Object> changes) {
    Map<String, Object> row = opportunities.get(id);
    if (row == null) {
      throw new IllegalArgumentException("no opportunity " + id);
    }
    Map<String, Object> next = new HashMap<>(row);
    changes.forEach((k, v) -> next.put(canonical(k), v));
    if (changes.containsKey("StageName")) {
      Map<String, Object> stage = stageRow((String) next.get("StageName"));
      if (stage == null) {
        throw new IllegalArgumentException("no active stage " + next.get("StageName"));
      }
      if (!changes.containsKey("Probability")) {
        next.put("Probability", stage.get("DefaultProbability"));
      }
      next.put("ForecastCategoryName", stage.get("ForecastCategoryName"));
      next.put("IsClosed", stage.get("IsClosed"));
      next.put("IsWon", stage.get("IsWon"));
    }
    linkAccount(next);
    Instant stamp = nextStamp();
    next.put("LastModifiedDate", stamp);
    next.put("SystemModstamp", stamp);
    opportunities.put(id, next);
  }

  void deleteOpportunity(String id) {
    Map<String, Object> row = opportunities.remove(id);
    if (row == null) {
      throw new IllegalArgumentException("no opportunity " + id);
    }
    Map<String, Object> deleted = new HashMap<>(row);
    deleted.put("IsDeleted", Boolean.TRUE);
    deleted.put("SystemModstamp", nextStamp());
    recycleBin.put(id, deleted);
  }

  private void linkAccount(Map<String, Object> row) {
    Object accountId = row.get("AccountId");
    Map<String, Object> account = accountId == null ? null : accounts.get(accountId.toString());
    // QueryResource nests a parent field from these keys, and answers "Account": null without.
    row.put("Account.__type", account == null ? null : "Account");
    row.put("Account.__id", account == null ? null : accountId.toString());
    row.put("Account.Name", account == null ? null : account.get("Name"));
  }

  private String canonical(String field) {
    String name = opportunitySchema().canonical(field);
    if (name == null || name.contains(".")) {
      throw new IllegalArgumentException("no writable Opportunity field " + field);
    }
    return name;
  }

  /** Strictly increasing stamps to the millisecond, as the change query orders by them. */
  private Instant nextStamp() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
    return lastStamp;
  }
}
