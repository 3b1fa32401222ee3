package com.crmvoice.adapters.dataverse;

import com.crmvoice.adapters.dataverse.DataverseHttp.Answer;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChange;
import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.domain.deal.FiscalCalendar;
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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link DealGateway} over the Dataverse Web API, on the transport of a {@link DataverseCrmGateway}
 * (one token, one request count): opportunity queries with the account's name through {@code
 * $expand=customerid_account($select=name)} (open: statecode 0 with an estimated close date; won:
 * statecode 1 by actualclosedate; changes: modifiedon), the stages (the opportunity salesstage
 * option set's metadata, then Won and Lost), the fiscal calendar (quarters and months from the
 * month of organization.fiscalcalendarstart) and the currency (the active transactioncurrency rows
 * and organization.basecurrencyid, read in one $batch and kept for the instance's life, as the
 * Salesforce adapter keeps its own). Row mapping: {@link DealRows}; updates: {@link
 * DataverseDealUpdates}.
 *
 * <p>Where it differs from Salesforce: Dataverse's queries never return deleted opportunities, so a
 * deleted deal leaves the cache at the next full pass; stages carry no default probability or
 * forecast category (Dynamics keeps closeprobability as the user set it); no next step.
 */
public final class DataverseDealGateway implements DealGateway {

  static final String SALES_STAGE_METADATA =
      "EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='salesstage')"
          + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName"
          + "&$expand=OptionSet($select=Options)";

  /** A currency: its ISO code and units per one unit of the base currency. */
  private record Currency(String iso, BigDecimal rate) {}

  private record Settings(OrgCurrency currency, Map<String, String> isoById) {}

  private final DataverseHttp http;
  private final DataverseDealUpdates updates;
  private volatile Settings settings;
  private volatile Map<String, Integer> stageValues;

  DataverseDealGateway(DataverseHttp http) {
    this.http = http;
    this.updates = new DataverseDealUpdates(http, this);
  }

  // ---- reads ----

  @Override
  public List<Deal> openDealsOf(String ownerId) {
    return openDealsOf(List.of(ownerId)).get(ownerId);
  }

  /** One query per {@value DataverseCrmGateway#IDS_PER_FILTER} owners. */
  @Override
  public Map<String, List<Deal>> openDealsOf(Collection<String> ownerIds) {
    Map<String, List<Deal>> byOwner = new LinkedHashMap<>();
    ownerIds.forEach(o -> byOwner.put(o, new ArrayList<>()));
    Map<String, String> byLowercase = new HashMap<>();
    byOwner.keySet().forEach(o -> byLowercase.put(guid(o), o));
    List<String> owners = List.copyOf(byLowercase.keySet());
    int chunk = DataverseCrmGateway.IDS_PER_FILTER;
    for (int from = 0; from < owners.size(); from += chunk) {
      List<String> part = owners.subList(from, Math.min(owners.size(), from + chunk));
      String path = query(OData.and(openFilter(), OData.anyOf("_ownerid_value", part)), ORDER);
      try (Stream<Deal> deals = http.query(path, this::toDeal)) {
        deals.forEach(
            d -> {
              String owner = byLowercase.get(d.ownerId().toLowerCase(Locale.ROOT));
              List<Deal> own = owner == null ? null : byOwner.get(owner);
              if (own != null) {
                own.add(d);
              }
            });
      }
    }
    byOwner.replaceAll((owner, deals) -> List.copyOf(deals));
    return byOwner;
  }

  private static final String ORDER = "_ownerid_value asc,estimatedclosedate asc,opportunityid asc";

  @Override
  public Stream<Deal> openDeals() {
    return http.query(query(openFilter(), ORDER), this::toDeal);
  }

  private static String openFilter() {
    return OData.and(
        OData.eq("statecode", Integer.toString(DealRows.OPEN)),
        OData.notNull("estimatedclosedate"));
  }

  @Override
  public Stream<Deal> wonDeals(LocalDate from, LocalDate to, Collection<String> ownerIds) {
    if (ownerIds != null && ownerIds.isEmpty()) {
      return Stream.empty();
    }
    String won =
        OData.and(
            OData.eq("statecode", Integer.toString(DealRows.WON_STATE)),
            OData.ge("actualclosedate", OData.date(from)),
            OData.le("actualclosedate", OData.date(to)));
    String order = "_ownerid_value asc,actualclosedate asc,opportunityid asc";
    if (ownerIds == null) {
      return http.query(query(won, order), this::toDeal);
    }
    List<String> owners = ownerIds.stream().map(DataverseDealGateway::guid).distinct().toList();
    int chunk = DataverseCrmGateway.IDS_PER_FILTER;
    List<String> paths = new ArrayList<>();
    for (int at = 0; at < owners.size(); at += chunk) {
      List<String> part = owners.subList(at, Math.min(owners.size(), at + chunk));
      paths.add(query(OData.and(won, OData.anyOf("_ownerid_value", part)), order));
    }
    // Each chunk is queried only when the consumer reaches it.
    return paths.stream().flatMap(p -> http.query(p, this::toDeal));
  }

  /**
   * modifiedon, not change tracking: closed and reassigned deals come back, deleted ones do not
   * (see the class comment). An open opportunity without an estimated close date counts as not
   * open, so it leaves the cached pipeline.
   */
  @Override
  public Stream<DealChange> dealsModifiedSince(Instant since) {
    String path =
        query(OData.ge("modifiedon", OData.dateTime(since)), "modifiedon asc,opportunityid asc");
    return http.query(
        path,
        row -> {
          Deal deal = toDeal(row);
          return new DealChange(deal, DealRows.inPipeline(row), deal.lastModifiedAt(), false);
        });
  }

  private static String query(String filter, String orderBy) {
    return DealRows.ENTITY_SET
        + OData.query(
            "$select",
            DealRows.SELECT,
            "$expand",
            DealRows.EXPAND,
            "$filter",
            filter,
            "$orderby",
            orderBy);
  }

  Deal toDeal(JsonNode row) {
    Settings known = settings();
    return DealRows.toDeal(
        row, id -> known.currency().multiCurrency() ? known.isoById().get(lower(id)) : null);
  }

  // ---- stages ----

  /** The salesstage options in their order, then Won (closed, won) and Lost (closed). */
  @Override
  public List<DealStage> stages() {
    Map<String, Integer> values = readStageValues();
    List<DealStage> stages = new ArrayList<>();
    int order = 0;
    for (String label : values.keySet()) {
      stages.add(new DealStage(label, label, ++order, null, null, false, false));
    }
    stages.add(new DealStage(DealRows.WON, DealRows.WON, ++order, 100, null, true, true));
    stages.add(new DealStage(DealRows.LOST, DealRows.LOST, ++order, 0, null, true, false));
    return List.copyOf(stages);
  }

  /** The salesstage option value of a stage label; null when the org has no such open stage. */
  Integer stageValue(String label) {
    Map<String, Integer> values = stageValues;
    if (values == null || !values.containsKey(label)) {
      values = readStageValues(); // new to this container, or added to the org since
    }
    return values.get(label);
  }

  private Map<String, Integer> readStageValues() {
    JsonNode metadata = http.send("GET", SALES_STAGE_METADATA, null, Map.of());
    Map<String, Integer> values = new LinkedHashMap<>();
    if (metadata != null) {
      for (JsonNode option : metadata.path("OptionSet").path("Options")) {
        String label = option.path("Label").path("UserLocalizedLabel").path("Label").asText(null);
        if (label != null && option.hasNonNull("Value")) {
          values.put(label, option.get("Value").asInt());
        }
      }
    }
    if (values.isEmpty()) {
      throw new CrmRejectedException("NO_STAGE_FIELD", "opportunity salesstage has no options");
    }
    stageValues = Map.copyOf(values);
    return values;
  }

  // ---- fiscal calendar and currency ----

  /**
   * Quarters and months of a fiscal year starting in the month of fiscalcalendarstart (Dynamics
   * defines no period rows the Web API lists, so none come from the CRM).
   */
  @Override
  public FiscalCalendar fiscalCalendar(LocalDate day) {
    JsonNode org = organization();
    String start = DealRows.text(org, "fiscalcalendarstart");
    int month =
        start == null ? 1 : Instant.parse(start).atZone(java.time.ZoneOffset.UTC).getMonthValue();
    return FiscalCalendar.of(List.of(), month);
  }

  private JsonNode organization() {
    try (Stream<JsonNode> rows =
        http.query(
            "organizations"
                + OData.query(
                    "$select", "organizationid,fiscalcalendarstart,_basecurrencyid_value"),
            r -> r)) {
      return rows.findFirst()
          .orElseThrow(
              () -> new CrmRejectedException("NO_ORGANIZATION", "organizations answered none"));
    }
  }

  @Override
  public OrgCurrency orgCurrency() {
    return settings().currency();
  }

  /** The base currency and the active currencies: two GETs in one $batch, once per instance. */
  private Settings settings() {
    Settings known = settings;
    if (known != null) {
      return known;
    }
    List<Answer> answers =
        http.batch(
            List.of(
                new Batch.Operation(
                    "GET",
                    "organizations"
                        + OData.query("$select", "organizationid,_basecurrencyid_value"),
                    null,
                    Map.of()),
                new Batch.Operation(
                    "GET",
                    "transactioncurrencies"
                        + OData.query(
                            "$select",
                            "transactioncurrencyid,isocurrencycode,exchangerate",
                            "$filter",
                            OData.eq("statecode", "0")),
                    null,
                    Map.of())));
    for (Answer answer : answers) {
      if (answer.status() != 200 || answer.json() == null) {
        throw DataverseHttp.failure(answer);
      }
    }
    String base =
        DealRows.text(answers.get(0).json().path("value").path(0), "_basecurrencyid_value");
    Map<String, Currency> currencies = new HashMap<>();
    for (JsonNode row : answers.get(1).json().path("value")) {
      currencies.put(
          lower(row.path("transactioncurrencyid").asText()),
          new Currency(
              row.path("isocurrencycode").asText(), row.path("exchangerate").decimalValue()));
    }
    Currency corporate = base == null ? null : currencies.get(lower(base));
    if (corporate == null) {
      throw new CrmRejectedException("NO_BASE_CURRENCY", "the base currency is not active");
    }
    Map<String, String> isoById = new HashMap<>();
    Map<String, BigDecimal> rates = new HashMap<>();
    currencies.forEach(
        (id, c) -> {
          isoById.put(id, c.iso());
          rates.put(c.iso(), c.rate());
        });
    OrgCurrency currency =
        currencies.size() > 1
            ? new OrgCurrency(corporate.iso(), true, rates)
            : OrgCurrency.single(corporate.iso());
    Settings read = new Settings(currency, Map.copyOf(isoById));
    settings = read;
    return read;
  }

  // ---- updates ----

  @Override
  public List<UpdateResult> updateDeals(List<DealUpdateRequest> requests) {
    return updates.update(requests);
  }

  static String guid(String id) {
    if (!OData.isGuid(id)) {
      throw new CrmRejectedException("MALFORMED_ID", "not a Dataverse id (a GUID)");
    }
    return OData.guid(id);
  }

  private static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
