package com.crmvoice.adapters.salesforce;

import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.SalesforceIds;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link CrmGateway} over Salesforce's REST API: the lead queries, creates through sObject
 * Collections (or upserts on the configured external id field, so a repeated command finds its lead
 * instead of creating a second) and the userinfo look-up. The transport (session, paging, error
 * mapping, API usage) is {@link SalesforceHttp}; the writes on existing leads are {@link
 * SalesforceActivities}.
 *
 * <p>Lead writes send {@code Sforce-Auto-Assign} (FALSE by default, so an active lead assignment
 * rule does not take the lead from the owner CRM Voice gives it) and, unless configured off, {@code
 * Sforce-Duplicate-Rule-Header: allowSave=true} (an Alert-type duplicate rule lets the lead the
 * user confirmed through; a Block-type rule still refuses it). The change query goes through
 * queryAll, so leads deleted or merged away since the watermark come back as deletions.
 */
public final class SalesforceCrmGateway implements com.crmvoice.adapters.aws.WiredCrm {

  /**
   * Owners per {@code OwnerId IN (...)} query: 200 quoted 18-character ids keep the SOQL statement
   * far under its 100,000-character limit and the request URI short.
   */
  static final int OWNERS_PER_QUERY = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** API usage as the last response reported it. */
  public record ApiUsage(int used, int max) {
    public double fraction() {
      return max == 0 ? 0 : (double) used / max;
    }
  }

  private final SalesforceConfig config;
  private final SalesforceHttp http;
  private final SalesforceActivities activities;
  private final SalesforceDealGateway deals;
  private final SalesforceCalendarGateway calendar;

  public SalesforceCrmGateway(SalesforceConfig config, HttpClient http, Clock clock) {
    this.config = config;
    this.http = new SalesforceHttp(config, http, clock);
    this.activities = new SalesforceActivities(this.http, config);
    this.deals = new SalesforceDealGateway(this.http);
    this.calendar = new SalesforceCalendarGateway(this.http, config);
  }

  /** The calendar (Events, Tasks, new leads) over the same session and counts as this gateway. */
  public SalesforceCalendarGateway calendar() {
    return calendar;
  }

  /** A gateway with its own HTTP client (HTTP/1.1, the configured connect timeout). */
  public static SalesforceCrmGateway create(SalesforceConfig config) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new SalesforceCrmGateway(config, http, Clock.systemUTC());
  }

  /**
   * The deal gateway over this gateway's transport: the same session, the same {@link
   * #requestCount()}.
   */
  public SalesforceDealGateway dealGateway() {
    return deals;
  }

  /** API usage from the last response's Sforce-Limit-Info header, or null before any call. */
  public ApiUsage lastApiUsage() {
    return http.lastApiUsage();
  }

  /**
   * Requests sent to Salesforce's REST and userinfo endpoints so far (not the token endpoint, which
   * does not count against the API limit), for per-pass figures.
   */
  public long requestCount() {
    return http.requestCount();
  }

  // ---- reads ----

  @Override
  public List<Lead> topOpenLeads(String ownerId, int limit) {
    Soql soql = openLeadQuery().where(Soql.eq("OwnerId", ownerId));
    soql.orderBy("CreatedDate", true).orderBy("Id", true).limit(limit);
    try (Stream<Lead> leads = http.query(soql.build(), LeadRecords::toLead)) {
      return leads.toList();
    }
  }

  /**
   * One query per {@value #OWNERS_PER_QUERY} owners ({@code OwnerId IN (...)}, ordered by owner,
   * creation time and id, paged through nextRecordsUrl), keeping each owner's first {@code limit}
   * leads. SOQL has no per-group LIMIT, so the query reads every open lead of those owners: at most
   * what a full pass reads for them.
   */
  @Override
  public Map<String, List<Lead>> topOpenLeadsOf(Collection<String> ownerIds, int limit) {
    Map<String, List<Lead>> top = new LinkedHashMap<>();
    ownerIds.forEach(o -> top.put(o, new ArrayList<>()));
    List<String> owners = List.copyOf(top.keySet());
    for (int from = 0; from < owners.size(); from += OWNERS_PER_QUERY) {
      List<String> chunk = owners.subList(from, Math.min(owners.size(), from + OWNERS_PER_QUERY));
      Soql soql = openLeadQuery().where(Soql.in("OwnerId", chunk));
      soql.orderBy("OwnerId", true).orderBy("CreatedDate", true).orderBy("Id", true);
      try (Stream<Lead> leads = http.query(soql.build(), LeadRecords::toLead)) {
        leads.forEach(
            lead -> {
              List<Lead> own = top.get(lead.ownerId());
              if (own != null && own.size() < limit) {
                own.add(lead);
              }
            });
      }
    }
    top.replaceAll((owner, leads) -> List.copyOf(leads));
    return top;
  }

  @Override
  public Stream<Lead> openLeads() {
    Soql soql = openLeadQuery();
    soql.orderBy("OwnerId", true).orderBy("CreatedDate", true).orderBy("Id", true);
    return http.query(soql.build(), LeadRecords::toLead);
  }

  @Override
  public Stream<LeadChange> leadsModifiedSince(Instant since) {
    String[] fields = Arrays.copyOf(LeadRecords.LEAD_FIELDS, LeadRecords.LEAD_FIELDS.length + 3);
    fields[LeadRecords.LEAD_FIELDS.length] = "IsConverted";
    fields[LeadRecords.LEAD_FIELDS.length + 1] = "SystemModstamp";
    fields[LeadRecords.LEAD_FIELDS.length + 2] = "IsDeleted";
    String soql =
        Soql.select(fields)
            .from("Lead")
            .where(Soql.atOrAfter("SystemModstamp", since))
            .orderBy("SystemModstamp", true)
            .orderBy("Id", true)
            .build();
    Set<String> closed = Set.copyOf(config.closedStatuses());
    // queryAll, not query: query leaves out leads deleted (or merged away) since the watermark, and
    // they would stay cached until the next full pass. A delete moves SystemModstamp.
    // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_queryall.htm
    return http.query(
        "/queryAll",
        soql,
        record -> {
          Lead lead = LeadRecords.toLead(record);
          Instant modifiedAt = LeadRecords.parseDateTime(record.path("SystemModstamp").asText());
          if (record.path("IsDeleted").asBoolean(false)) {
            return LeadChange.deletion(lead, modifiedAt);
          }
          boolean open =
              !record.path("IsConverted").asBoolean(false) && !closed.contains(lead.status());
          return new LeadChange(lead, open, modifiedAt);
        });
  }

  private Soql openLeadQuery() {
    Soql soql =
        Soql.select(LeadRecords.LEAD_FIELDS).from("Lead").where(Soql.eq("IsConverted", false));
    if (!config.closedStatuses().isEmpty()) {
      soql.where(Soql.notIn("Status", config.closedStatuses()));
    }
    return soql;
  }

  // ---- writes ----

  @Override
  public List<CreateResult> createLeads(List<CreateLeadRequest> requests) {
    return inCollectionsCalls(requests, this::createChunk);
  }

  /**
   * Creates in sObject Collections calls of at most {@link #MAX_CREATE_BATCH} records, one result
   * per request in order. A call that fails as a whole makes its records retryable while earlier
   * calls stand; only when every call failed is the failure thrown.
   */
  static <R> List<CreateResult> inCollectionsCalls(
      List<R> requests, Function<List<R>, List<CreateResult>> call) {
    List<CreateResult> results = new ArrayList<>(requests.size());
    CrmUnavailableException lastFailure = null;
    int failedChunks = 0;
    int chunks = 0;
    for (int from = 0; from < requests.size(); from += MAX_CREATE_BATCH) {
      List<R> chunk = requests.subList(from, Math.min(requests.size(), from + MAX_CREATE_BATCH));
      chunks++;
      try {
        results.addAll(call.apply(chunk));
      } catch (CrmUnavailableException e) {
        lastFailure = e;
        failedChunks++;
        for (int i = 0; i < chunk.size(); i++) {
          results.add(new CreateResult.Retryable(e.errorCode(), e.getMessage()));
        }
      }
    }
    if (chunks > 0 && failedChunks == chunks) {
      throw lastFailure;
    }
    return results;
  }

  private List<CreateResult> createChunk(List<CreateLeadRequest> chunk) {
    String externalField = config.externalIdField();
    ObjectNode body = JSON.createObjectNode();
    body.put("allOrNone", false);
    ArrayNode records = body.putArray("records");
    for (CreateLeadRequest request : chunk) {
      ObjectNode record = records.addObject();
      record.putObject("attributes").put("type", "Lead");
      record.put("OwnerId", request.ownerId());
      NewLead lead = request.lead();
      putIfPresent(record, "FirstName", lead.firstName());
      record.put("LastName", lead.lastName());
      putIfPresent(record, "Company", lead.company());
      putIfPresent(record, "Email", lead.email());
      putIfPresent(record, "Phone", lead.phone());
      if (externalField != null) {
        record.put(externalField, request.externalId());
      }
    }
    JsonNode response =
        externalField == null
            ? http.send("POST", http.dataPath("/composite/sobjects"), body, writeHeaders())
            : http.send(
                "PATCH",
                http.dataPath("/composite/sobjects/Lead/" + Soql.identifier(externalField)),
                body,
                writeHeaders());
    return collectionsResults(response, chunk.size());
  }

  /**
   * The per-record results of an sObject Collections create or upsert, in the order sent: created
   * (an upsert's {@code created} false is an update), or the first error's code, retryable or not.
   *
   * @throws CrmUnavailableException when the answer is not one result per record sent
   */
  static List<CreateResult> collectionsResults(JsonNode response, int sent) {
    if (!response.isArray() || response.size() != sent) {
      throw new CrmUnavailableException(
          "UNEXPECTED_RESPONSE",
          "sObject Collections answered " + response.size() + " results for " + sent + " records");
    }
    List<CreateResult> results = new ArrayList<>();
    for (JsonNode item : response) {
      if (item.path("success").asBoolean(false)) {
        boolean created = !item.has("created") || item.path("created").asBoolean(true);
        results.add(new CreateResult.Created(item.path("id").asText(), created));
        continue;
      }
      JsonNode error = item.path("errors").path(0);
      String code = error.path("statusCode").asText("UNKNOWN_EXCEPTION");
      String message = error.path("message").asText("");
      results.add(
          SalesforceHttp.RETRYABLE_CODES.contains(code)
              ? new CreateResult.Retryable(code, message)
              : new CreateResult.Rejected(code, message));
    }
    return results;
  }

  @Override
  public List<UpdateResult> updateLeadStatuses(List<StatusUpdateRequest> requests) {
    return activities.updateLeadStatuses(requests);
  }

  @Override
  public List<CreateResult> createTasks(List<CreateTaskRequest> requests) {
    return activities.createTasks(requests);
  }

  @Override
  public List<PicklistValue> leadStatuses() {
    return activities.leadStatuses();
  }

  /**
   * A SOQL query on the external id field, its value bound through {@link Soql#eq} (quoted and
   * escaped, never pasted). SOQL reads committed data, so a lead an unanswered upsert committed is
   * found. (The sObject Rows by External ID resource, GET /sobjects/Lead/{field}/{value}, answers
   * the same; the query needs no second error mapping for its 404 and 300 answers.)
   * https://developer.salesforce.com/docs/platform/api-rest/guide/resources-sobject-upsert-get.html
   */
  @Override
  public Optional<String> findLeadByExternalId(String externalId) {
    String field = config.externalIdField();
    if (field == null) {
      throw new CrmRejectedException(
          "EXTERNAL_ID_NOT_CONFIGURED", "no external id field is configured for Lead");
    }
    String soql = Soql.select("Id").from("Lead").where(Soql.eq(field, externalId)).limit(1).build();
    try (Stream<String> ids = http.query(soql, record -> record.path("Id").asText())) {
      return ids.findFirst();
    }
  }

  /**
   * Headers of every lead create and upsert. Without Sforce-Auto-Assign the REST API runs the
   * active lead assignment rules ("If the header is not provided in the request, the default value
   * is TRUE":
   * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm),
   * and a lead created for the user could land in a queue or with another rep while the cache
   * records it as the user's. Without allowSave an Alert-type duplicate rule refuses the lead with
   * DUPLICATES_DETECTED, although a person in the UI could have saved it after the alert
   * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm);
   * docs/worker.md says why CRM Voice allows the save by default.
   */
  private Map<String, String> writeHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Sforce-Auto-Assign", config.autoAssign());
    if (config.duplicateAllowSave()) {
      headers.put("Sforce-Duplicate-Rule-Header", "allowSave=true");
    }
    return headers;
  }

  // ---- identity ----

  @Override
  public CrmUser userForAccessToken(String accessToken) {
    HttpRequest request =
        HttpRequest.newBuilder(config.loginUrl().resolve("/services/oauth2/userinfo"))
            .timeout(config.timeout())
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response = http.exchange(request);
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new CrmRejectedException("INVALID_SESSION_ID", "the access token is not valid");
    }
    if (response.statusCode() >= 500 || response.statusCode() == 429) {
      throw new CrmUnavailableException(
          "USERINFO_" + response.statusCode(), "userinfo answered HTTP " + response.statusCode());
    }
    JsonNode body = SalesforceHttp.parse(response.body());
    if (response.statusCode() != 200 || body == null || !body.hasNonNull("user_id")) {
      throw new CrmRejectedException(
          "INVALID_USERINFO", "userinfo answered HTTP " + response.statusCode());
    }
    return new CrmUser(
        SalesforceIds.normalise(body.get("user_id").asText()), body.path("name").asText(null));
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
