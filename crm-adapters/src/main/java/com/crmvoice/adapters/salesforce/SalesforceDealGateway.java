package com.crmvoice.adapters.salesforce;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChange;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.domain.deal.FiscalCalendar;
import com.crmvoice.core.domain.deal.FiscalPeriod;
import com.crmvoice.core.domain.deal.OrgCurrency;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.DealGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link DealGateway} over Salesforce's REST API, on the transport of a {@link
 * SalesforceCrmGateway} (one session, one request count): Opportunity queries (open deals by owner,
 * won deals in a date range, changes through queryAll), the stage picklist (describe of
 * Opportunity.StageName, joined with the OpportunityStage records that carry each stage's default
 * probability and forecast category), the fiscal periods (Period records, else
 * Organization.FiscalYearStartMonth), the org's currency (CurrencyType in a multi-currency org,
 * else Organization.DefaultCurrencyIsoCode), and conditional updates ({@link DealUpdates}). Every
 * value in a query goes through {@link Soql}. The org currency is read once per instance: an org
 * does not switch multi-currency on while a container lives, and which fields exist depends on it.
 */
public final class SalesforceDealGateway implements DealGateway {

  private final SalesforceHttp http;
  private final DealUpdates updates;
  private volatile OrgCurrency currency;

  SalesforceDealGateway(SalesforceHttp http) {
    this.http = http;
    this.updates = new DealUpdates(http);
  }

  @Override
  public List<Deal> openDealsOf(String ownerId) {
    Soql soql = openQuery().where(Soql.eq("OwnerId", ownerId));
    soql.orderBy("CloseDate", true).orderBy("Id", true);
    try (Stream<Deal> deals = http.query(soql.build(), DealRecords::toDeal)) {
      return deals.toList();
    }
  }

  /** One query per {@value SalesforceCrmGateway#OWNERS_PER_QUERY} owners. */
  @Override
  public Map<String, List<Deal>> openDealsOf(Collection<String> ownerIds) {
    Map<String, List<Deal>> byOwner = new LinkedHashMap<>();
    ownerIds.forEach(o -> byOwner.put(o, new ArrayList<>()));
    List<String> owners = List.copyOf(byOwner.keySet());
    int chunk = SalesforceCrmGateway.OWNERS_PER_QUERY;
    for (int from = 0; from < owners.size(); from += chunk) {
      List<String> part = owners.subList(from, Math.min(owners.size(), from + chunk));
      Soql soql = openQuery().where(Soql.in("OwnerId", part));
      soql.orderBy("OwnerId", true).orderBy("CloseDate", true).orderBy("Id", true);
      try (Stream<Deal> deals = http.query(soql.build(), DealRecords::toDeal)) {
        deals.forEach(
            d -> {
              List<Deal> own = byOwner.get(d.ownerId());
              if (own != null) {
                own.add(d);
              }
            });
      }
    }
    byOwner.replaceAll((owner, deals) -> List.copyOf(deals));
    return byOwner;
  }

  @Override
  public Stream<Deal> openDeals() {
    Soql soql = openQuery();
    soql.orderBy("OwnerId", true).orderBy("CloseDate", true).orderBy("Id", true);
    return http.query(soql.build(), DealRecords::toDeal);
  }

  private Soql openQuery() {
    return Soql.select(DealRecords.fields(orgCurrency().multiCurrency()))
        .from("Opportunity")
        .where(Soql.eq("IsClosed", false));
  }

  @Override
  public Stream<Deal> wonDeals(LocalDate from, LocalDate to, Collection<String> ownerIds) {
    if (ownerIds != null && ownerIds.isEmpty()) {
      return Stream.empty();
    }
    if (ownerIds == null) {
      Soql soql = wonQuery(from, to);
      soql.orderBy("OwnerId", true).orderBy("CloseDate", true).orderBy("Id", true);
      return http.query(soql.build(), DealRecords::toDeal);
    }
    List<String> owners = List.copyOf(ownerIds);
    int chunk = SalesforceCrmGateway.OWNERS_PER_QUERY;
    List<Stream<Deal>> parts = new ArrayList<>();
    for (int at = 0; at < owners.size(); at += chunk) {
      List<String> part = owners.subList(at, Math.min(owners.size(), at + chunk));
      Soql soql = wonQuery(from, to).where(Soql.in("OwnerId", part));
      soql.orderBy("OwnerId", true).orderBy("CloseDate", true).orderBy("Id", true);
      String built = soql.build();
      // Each chunk is queried only when the consumer reaches it.
      parts.add(Stream.of(built).flatMap(q -> http.query(q, DealRecords::toDeal)));
    }
    return parts.stream().flatMap(s -> s);
  }

  private Soql wonQuery(LocalDate from, LocalDate to) {
    return Soql.select(DealRecords.fields(orgCurrency().multiCurrency()))
        .from("Opportunity")
        .where(
            Soql.eq("IsWon", true),
            Soql.onOrAfter("CloseDate", from),
            Soql.onOrBefore("CloseDate", to));
  }

  /**
   * queryAll, not query, so deals deleted since the watermark come back as deletions (a delete
   * moves SystemModstamp), as for leads.
   */
  @Override
  public Stream<DealChange> dealsModifiedSince(Instant since) {
    String soql =
        Soql.select(
                DealRecords.fields(
                    orgCurrency().multiCurrency(), "IsClosed", "IsDeleted", "SystemModstamp"))
            .from("Opportunity")
            .where(Soql.atOrAfter("SystemModstamp", since))
            .orderBy("SystemModstamp", true)
            .orderBy("Id", true)
            .build();
    return http.query(
        "/queryAll",
        soql,
        record -> {
          Deal deal = DealRecords.toDeal(record);
          Instant at = LeadRecords.parseDateTime(record.path("SystemModstamp").asText());
          boolean deleted = record.path("IsDeleted").asBoolean(false);
          boolean open = !deleted && !record.path("IsClosed").asBoolean(false);
          return new DealChange(deal, open, at, deleted);
        });
  }

  @Override
  public List<DealStage> stages() {
    JsonNode describe = http.send("GET", http.dataPath("/sobjects/Opportunity/describe"), null);
    Map<String, String> labels = new LinkedHashMap<>();
    for (JsonNode field : describe.path("fields")) {
      if ("StageName".equals(field.path("name").asText())) {
        for (JsonNode value : field.path("picklistValues")) {
          if (value.path("active").asBoolean(true)) {
            String api = value.path("value").asText();
            labels.put(api, value.path("label").asText(api));
          }
        }
      }
    }
    if (labels.isEmpty()) {
      throw new CrmRejectedException("NO_STAGE_FIELD", "Opportunity describe has no StageName");
    }
    String soql =
        Soql.select(
                "ApiName",
                "SortOrder",
                "DefaultProbability",
                "ForecastCategoryName",
                "IsClosed",
                "IsWon")
            .from("OpportunityStage")
            .where(Soql.eq("IsActive", true))
            .orderBy("SortOrder", true)
            .build();
    Map<String, JsonNode> rows = new HashMap<>();
    try (Stream<JsonNode> stream = http.query(soql, r -> r)) {
      stream.forEach(r -> rows.put(r.path("ApiName").asText(), r));
    }
    List<DealStage> stages = new ArrayList<>();
    int position = 0;
    for (Map.Entry<String, String> entry : labels.entrySet()) {
      JsonNode row = rows.get(entry.getKey());
      position++;
      stages.add(
          new DealStage(
              entry.getKey(),
              entry.getValue(),
              row == null ? position : row.path("SortOrder").asInt(position),
              row == null || !row.hasNonNull("DefaultProbability")
                  ? null
                  : (int) Math.round(row.get("DefaultProbability").asDouble()),
              row == null ? null : DealRecords.text(row, "ForecastCategoryName"),
              row != null && row.path("IsClosed").asBoolean(false),
              row != null && row.path("IsWon").asBoolean(false)));
    }
    stages.sort(java.util.Comparator.comparingInt(DealStage::sortOrder));
    return List.copyOf(stages);
  }

  @Override
  public FiscalCalendar fiscalCalendar(LocalDate day) {
    String soql =
        Soql.select("Type", "StartDate", "EndDate", "Number", "FiscalYearSettings.Name")
            .from("Period")
            .where(
                Soql.in("Type", List.of("Quarter", "Month")),
                Soql.onOrAfter("EndDate", day.minusYears(1)),
                Soql.onOrBefore("StartDate", day.plusYears(1)))
            .orderBy("StartDate", true)
            .build();
    List<FiscalPeriod> periods = new ArrayList<>();
    try (Stream<JsonNode> rows = http.query(soql, r -> r)) {
      rows.forEach(
          r ->
              periods.add(
                  new FiscalPeriod(
                      "Quarter".equals(r.path("Type").asText())
                          ? FiscalPeriod.Kind.QUARTER
                          : FiscalPeriod.Kind.MONTH,
                      LocalDate.parse(r.path("StartDate").asText()),
                      LocalDate.parse(r.path("EndDate").asText()),
                      r.path("Number").asInt(0),
                      yearOf(r.path("FiscalYearSettings").path("Name").asText("")))));
    }
    return FiscalCalendar.of(periods, organization().path("FiscalYearStartMonth").asInt(1));
  }

  private static int yearOf(String name) {
    return name.matches("\\d{4}") ? Integer.parseInt(name) : 0;
  }

  /**
   * CurrencyType exists only in a multi-currency org: in a single-currency org the query is refused
   * with INVALID_TYPE, and the org's one currency is Organization.DefaultCurrencyIsoCode.
   */
  @Override
  public OrgCurrency orgCurrency() {
    OrgCurrency known = currency;
    if (known != null) {
      return known;
    }
    String soql =
        Soql.select("IsoCode", "ConversionRate", "IsCorporate")
            .from("CurrencyType")
            .where(Soql.eq("IsActive", true))
            .build();
    OrgCurrency read;
    try (Stream<JsonNode> rows = http.query(soql, r -> r)) {
      Map<String, BigDecimal> rates = new HashMap<>();
      String corporate = null;
      for (JsonNode r : (Iterable<JsonNode>) rows::iterator) {
        String iso = r.path("IsoCode").asText();
        rates.put(iso, r.path("ConversionRate").decimalValue());
        if (r.path("IsCorporate").asBoolean(false)) {
          corporate = iso;
        }
      }
      read =
          corporate == null
              ? OrgCurrency.single(organization().path("DefaultCurrencyIsoCode").asText("USD"))
              : new OrgCurrency(corporate, true, rates);
    } catch (CrmRejectedException e) {
      if (!"INVALID_TYPE".equals(e.errorCode())) {
        throw e;
      }
      read = OrgCurrency.single(organization().path("DefaultCurrencyIsoCode").asText("USD"));
    }
    currency = read;
    return read;
  }

  private JsonNode organization() {
    String soql =
        Soql.select("DefaultCurrencyIsoCode", "FiscalYearStartMonth").from("Organization").build();
    try (Stream<JsonNode> rows = http.query(soql, r -> r)) {
      return rows.findFirst()
          .orElseThrow(
              () ->
                  new CrmRejectedException("NO_ORGANIZATION", "Organization query answered none"));
    }
  }

  @Override
  public List<UpdateResult> updateDeals(List<DealUpdateRequest> requests) {
    return updates.update(requests, orgCurrency().multiCurrency());
  }
}
