package com.crmvoice.adapters.dataverse;

import com.crmvoice.adapters.dataverse.DataverseHttp.Answer;
import com.crmvoice.core.config.DataverseConfig;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link CrmGateway} over Microsoft Dynamics 365 Sales, the Dataverse Web API v9.2: OData queries
 * on leads (an open lead has statecode 0; the top lead is the owner's oldest open one by createdon,
 * then leadid), lead creates as upserts on the command id alternate key with {@code If-None-Match:
 * *} (a create never overwrites; a redelivered command finds its lead) several to one {@code
 * $batch}, and the user behind a delegated token through {@code WhoAmI}. The writes on existing
 * leads are {@link DataverseActivities}; the transport, token and error mapping {@link
 * DataverseHttp}. Nothing here is shared with the Salesforce adapter.
 *
 * <p>Where it differs from the Salesforce adapter: the change query cannot see deleted leads
 * (Dataverse queries never return them; change tracking would, with a delta token the port does not
 * carry), so a lead deleted in Dynamics leaves the cache at the next full pass.
 */
public final class DataverseCrmGateway implements com.crmvoice.adapters.aws.WiredCrm {

  /** Owners (or leads) per {@code (x eq a or x eq b ...)} filter, keeping the URL short. */
  static final int IDS_PER_FILTER = 50;

  private final DataverseHttp http;
  private final DataverseActivities activities;
  private final DataverseDealGateway deals;
  private final DataverseCalendarGateway calendar;

  public DataverseCrmGateway(DataverseConfig config, HttpClient http, Clock clock) {
    this.http = new DataverseHttp(config, http, clock);
    this.activities = new DataverseActivities(this.http);
    this.deals = new DataverseDealGateway(this.http);
    this.calendar = new DataverseCalendarGateway(this.http);
  }

  /** A gateway with its own HTTP client (HTTP/1.1, the configured connect timeout). */
  public static DataverseCrmGateway create(DataverseConfig config) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new DataverseCrmGateway(config, http, Clock.systemUTC());
  }

  /** Web API requests sent so far (a $batch counts once), for per-pass figures. */
  public long requestCount() {
    return http.requestCount();
  }

  /** Appointments, tasks and new leads over the same token ({@link DataverseCalendarGateway}). */
  @Override
  public DataverseCalendarGateway calendar() {
    return calendar;
  }

  /** The opportunities over the same token and request count ({@link DataverseDealGateway}). */
  @Override
  public DataverseDealGateway dealGateway() {
    return deals;
  }

  /** Token requests made so far. */
  public int signIns() {
    return http.signIns();
  }

  // ---- reads ----

  @Override
  public List<Lead> topOpenLeads(String ownerId, int limit) {
    String path =
        LeadRows.ENTITY_SET
            + OData.query(
                "$select",
                LeadRows.SELECT,
                "$filter",
                OData.and(
                    OData.eq("_ownerid_value", guid(ownerId)),
                    OData.eq("statecode", Integer.toString(LeadRows.OPEN))),
                "$orderby",
                "createdon asc,leadid asc",
                "$top",
                Integer.toString(limit));
    try (Stream<Lead> leads = http.query(path, LeadRows::toLead)) {
      return leads.toList();
    }
  }

  /**
   * One query per {@value #IDS_PER_FILTER} owners, keeping each owner's first {@code limit} leads:
   * OData has no per-group $top, so the query reads the open leads of those owners.
   */
  @Override
  public Map<String, List<Lead>> topOpenLeadsOf(Collection<String> ownerIds, int limit) {
    Map<String, List<Lead>> top = new LinkedHashMap<>();
    ownerIds.forEach(o -> top.put(o, new ArrayList<>()));
    Map<String, String> byLowercase = new HashMap<>();
    top.keySet().forEach(o -> byLowercase.put(guid(o), o));
    List<String> owners = List.copyOf(byLowercase.keySet());
    for (int from = 0; from < owners.size(); from += IDS_PER_FILTER) {
      List<String> chunk = owners.subList(from, Math.min(owners.size(), from + IDS_PER_FILTER));
      String path =
          LeadRows.ENTITY_SET
              + OData.query(
                  "$select",
                  LeadRows.SELECT,
                  "$filter",
                  OData.and(
                      OData.anyOf("_ownerid_value", chunk),
                      OData.eq("statecode", Integer.toString(LeadRows.OPEN))),
                  "$orderby",
                  "createdon asc,leadid asc");
      try (Stream<Lead> leads = http.query(path, LeadRows::toLead)) {
        leads.forEach(
            lead -> {
              String owner = byLowercase.get(lead.ownerId().toLowerCase(java.util.Locale.ROOT));
              List<Lead> own = owner == null ? null : top.get(owner);
              if (own != null && own.size() < limit) {
                own.add(lead);
              }
            });
      }
    }
    top.replaceAll((owner, leads) -> List.copyOf(leads));
    return top;
  }

  /** Every open lead, grouped by owner (ordered by _ownerid_value, then createdon and leadid). */
  @Override
  public Stream<Lead> openLeads() {
    String path =
        LeadRows.ENTITY_SET
            + OData.query(
                "$select",
                LeadRows.SELECT,
                "$filter",
                OData.eq("statecode", Integer.toString(LeadRows.OPEN)),
                "$orderby",
                "_ownerid_value asc,createdon asc,leadid asc");
    return http.query(path, LeadRows::toLead);
  }

  @Override
  public Stream<LeadChange> leadsModifiedSince(Instant since) {
    String path =
        LeadRows.ENTITY_SET
            + OData.query(
                "$select",
                LeadRows.SELECT,
                "$filter",
                OData.ge("modifiedon", OData.dateTime(since)),
                "$orderby",
                "modifiedon asc,leadid asc");
    return http.query(path, LeadRows::toChange);
  }

  // ---- writes ----

  @Override
  public List<CreateResult> createLeads(List<CreateLeadRequest> requests) {
    return inBatches(
        requests,
        chunk ->
            activities.upsertNew(
                LeadRows.ENTITY_SET,
                "leadid",
                chunk.stream()
                    .map(
                        r ->
                            OData.isGuid(r.ownerId())
                                ? new DataverseActivities.NewRow(
                                    r.externalId(), LeadRows.createBody(r.ownerId(), r.lead()))
                                : null)
                    .toList()));
  }

  /**
   * Writes in $batch requests of at most {@link #MAX_CREATE_BATCH} operations, one result per
   * request in order. A batch that fails as a whole makes its requests retryable while earlier
   * batches stand; only when every batch failed is the failure thrown.
   */
  static <R> List<CreateResult> inBatches(
      List<R> requests, Function<List<R>, List<CreateResult>> call) {
    List<CreateResult> results = new ArrayList<>(requests.size());
    CrmUnavailableException lastFailure = null;
    int failed = 0;
    int batches = 0;
    for (int from = 0; from < requests.size(); from += MAX_CREATE_BATCH) {
      List<R> chunk = requests.subList(from, Math.min(requests.size(), from + MAX_CREATE_BATCH));
      batches++;
      try {
        results.addAll(call.apply(chunk));
      } catch (CrmUnavailableException e) {
        lastFailure = e;
        failed++;
        for (int i = 0; i < chunk.size(); i++) {
          results.add(new CreateResult.Retryable(e.errorCode(), e.getMessage()));
        }
      }
    }
    if (batches > 0 && failed == batches) {
      throw lastFailure;
    }
    return results;
  }

  @Override
  public List<UpdateResult> updateLeadStatuses(List<StatusUpdateRequest> requests) {
    return activities.updateLeadStatuses(requests);
  }

  @Override
  public List<CreateResult> createTasks(List<CreateTaskRequest> requests) {
    return inBatches(requests, activities::createActivities);
  }

  @Override
  public List<PicklistValue> leadStatuses() {
    return activities.leadStatuses();
  }

  /** The lead under this command id: a GET on the alternate key (404 when there is none). */
  @Override
  public Optional<String> findLeadByExternalId(String externalId) {
    String path =
        OData.byKey(LeadRows.ENTITY_SET, http.config().commandIdColumn(), externalId)
            + OData.query("$select", "leadid");
    Answer answer = http.exchange("GET", http.url(path), null, Map.of());
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (answer.status() != 200 || answer.json() == null) {
      throw DataverseHttp.failure(answer);
    }
    return Optional.of(answer.json().path("leadid").asText());
  }

  // ---- identity ----

  /**
   * WhoAmI with the user's delegated token (account linking with Microsoft Entra ID), then the
   * user's full name from systemusers with the same token.
   */
  @Override
  public CrmUser userForAccessToken(String accessToken) {
    JsonNode who = userRequest(accessToken, "WhoAmI");
    String userId = who.path("UserId").asText(null);
    if (!OData.isGuid(userId)) {
      throw new CrmRejectedException("INVALID_WHOAMI", "WhoAmI answered no UserId");
    }
    JsonNode user =
        userRequest(accessToken, OData.byId("systemusers", userId) + "?$select=fullname");
    return new CrmUser(userId, user.path("fullname").asText(null));
  }

  private JsonNode userRequest(String accessToken, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(http.url(path)))
            .timeout(http.config().timeout())
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/json")
            .header("OData-MaxVersion", "4.0")
            .header("OData-Version", "4.0")
            .GET()
            .build();
    HttpResponse<String> response = http.exchange(request);
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new CrmRejectedException("INVALID_TOKEN", "the access token is not valid");
    }
    JsonNode body = DataverseHttp.parse(response.body());
    if (status != 200 || body == null) {
      throw DataverseHttp.failure(
          new Answer(
              status,
              response
                  .headers()
                  .firstValue("Retry-After")
                  .map(v -> Map.of("Retry-After", v))
                  .orElse(Map.of()),
              body));
    }
    return body;
  }

  private static String guid(String id) {
    if (!OData.isGuid(id)) {
      throw new CrmRejectedException("MALFORMED_ID", "not a Dataverse id (a GUID)");
    }
    return OData.guid(id);
  }
}
