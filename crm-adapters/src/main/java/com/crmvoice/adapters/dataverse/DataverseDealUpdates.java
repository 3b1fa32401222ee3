package com.crmvoice.adapters.dataverse;

import com.crmvoice.adapters.dataverse.DataverseHttp.Answer;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.DealGateway;
import com.crmvoice.core.port.DealGateway.DealUpdateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Conditional opportunity updates. One query of the batch's opportunities (per {@value
 * DataverseCrmGateway#IDS_PER_FILTER} ids, with their {@code @odata.etag}) decides each request as
 * the Salesforce adapter does: gone ({@link DealGateway#DEAL_NOT_FOUND}), already holding the new
 * values (done, no write: a redelivery), another owner's ({@link DealGateway#DEAL_NOT_OWNED}),
 * closed ({@link DealGateway#DEAL_NOT_OPEN}), or changed since the user heard it ({@link
 * DealGateway#DEAL_CHANGED}: modifiedon differs, at whole seconds, or the heard values do). The
 * rest are {@code PATCH opportunities(id)} with {@code If-Match: <etag>} in one $batch of
 * independent requests: a 412 there is DEAL_CHANGED too, so unlike Salesforce's Collections update
 * a change between the read and the write is seen.
 *
 * <p>What a write sends: salesstage (the stage label's option value), estimatedvalue,
 * estimatedclosedate; a change to Won or Lost is a change set of that PATCH and Dynamics'
 * WinOpportunity or LoseOpportunity action ({@link #operations}). Refused for that request: a stage
 * the org's salesstage does not have (INVALID_STAGE), a next step (NOT_SUPPORTED_ON_DYNAMICS: no
 * such column).
 */
final class DataverseDealUpdates {

  private final DataverseHttp http;
  private final DataverseDealGateway deals;

  DataverseDealUpdates(DataverseHttp http, DataverseDealGateway deals) {
    this.http = http;
    this.deals = deals;
  }

  private record Current(Deal deal, boolean closed, String etag) {}

  List<UpdateResult> update(List<DealUpdateRequest> requests) {
    requests.forEach(r -> DataverseDealGateway.guid(r.dealId()));
    Map<String, Current> current = readCurrent(requests);
    UpdateResult[] results = new UpdateResult[requests.size()];
    List<List<Batch.Operation>> patches = new ArrayList<>();
    List<Integer> patched = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      DealUpdateRequest request = requests.get(i);
      Current now = current.get(lower(request.dealId()));
      if (now == null) {
        results[i] = rejected(DealGateway.DEAL_NOT_FOUND, "Dataverse has no such opportunity");
      } else if (request.changes().heldBy(now.deal())) {
        results[i] = new UpdateResult.Updated(false, now.deal().lastModifiedAt());
      } else if (!now.deal().ownerId().equalsIgnoreCase(request.ownerId())) {
        results[i] = rejected(DealGateway.DEAL_NOT_OWNED, "another user owns the opportunity");
      } else if (now.closed()) {
        results[i] = rejected(DealGateway.DEAL_NOT_OPEN, "the opportunity is closed");
      } else if (changedSinceHeard(request, now.deal())) {
        results[i] = rejected(DealGateway.DEAL_CHANGED, "changed since the user heard it");
      } else {
        UpdateResult refused = refusal(request.changes());
        if (refused != null) {
          results[i] = refused;
          continue;
        }
        patches.add(operations(request, now));
        patched.add(i);
      }
    }
    return ConditionalWrites.send(
        results, patched, () -> http.batchGroups(patches), DataverseDealUpdates::result);
  }

  /**
   * A change's operations: one PATCH with If-Match; a change to Won or Lost is a change set of the
   * PATCH (the probability Dynamics' own close sets, 100 or 0, with the other new values) and the
   * WinOpportunity or LoseOpportunity action (statuscode 3 Won or 4 Canceled, an opportunityclose
   * with the deal's amount and close date), so the close is conditional and all or nothing.
   */
  private List<Batch.Operation> operations(DealUpdateRequest request, Current now) {
    DealChanges changes = request.changes();
    String id = request.dealId();
    ObjectNode body = body(changes);
    boolean win = DealRows.WON.equals(changes.stage());
    boolean close = win || DealRows.LOST.equals(changes.stage());
    if (close) {
      body.put("closeprobability", win ? 100 : 0);
    }
    Batch.Operation patch =
        new Batch.Operation(
            "PATCH", OData.byId(DealRows.ENTITY_SET, id), body, Map.of("If-Match", now.etag()));
    if (!close) {
      return List.of(patch);
    }
    ObjectNode action = DataverseHttp.JSON.createObjectNode();
    action.put("Status", win ? 3 : 4);
    ObjectNode activity = action.putObject("OpportunityClose");
    activity.put("subject", LeadRows.truncate((win ? "Won: " : "Lost: ") + now.deal().name(), 200));
    activity.put("opportunityid@odata.bind", "/" + OData.byId(DealRows.ENTITY_SET, id));
    java.math.BigDecimal amount = changes.amount() != null ? changes.amount() : now.deal().amount();
    if (amount != null) {
      activity.put("actualrevenue", amount);
    }
    java.time.LocalDate day =
        changes.closeDate() != null ? changes.closeDate() : now.deal().closeDate();
    activity.put("actualend", OData.date(day));
    return List.of(
        patch,
        new Batch.Operation("POST", win ? "WinOpportunity" : "LoseOpportunity", action, Map.of()));
  }

  /** Why this change cannot be written to Dynamics, or null when it can. */
  private UpdateResult refusal(DealChanges changes) {
    if (changes.nextStep() != null) {
      return rejected("NOT_SUPPORTED_ON_DYNAMICS", "Dynamics 365 has no next step column");
    }
    if (changes.stage() == null) {
      return null;
    }
    if (changes.stage().equals(DealRows.WON) || changes.stage().equals(DealRows.LOST)) {
      return null;
    }
    return deals.stageValue(changes.stage()) == null
        ? rejected("INVALID_STAGE", "not a sales stage of this org")
        : null;
  }

  private ObjectNode body(DealChanges changes) {
    ObjectNode body = DataverseHttp.JSON.createObjectNode();
    if (changes.stage() != null
        && !changes.stage().equals(DealRows.WON)
        && !changes.stage().equals(DealRows.LOST)) {
      body.put("salesstage", deals.stageValue(changes.stage()));
    }
    if (changes.amount() != null) {
      body.put("estimatedvalue", changes.amount());
    }
    if (changes.closeDate() != null) {
      body.put("estimatedclosedate", OData.date(changes.closeDate()));
    }
    return body;
  }

  /** A group's result: every answer 2xx, or the first failure (a failed change set's only one). */
  private static UpdateResult result(List<Answer> answers) {
    for (Answer answer : answers) {
      if (answer.status() < 200 || answer.status() >= 300) {
        return result(answer);
      }
    }
    return new UpdateResult.Updated(true, null);
  }

  private static UpdateResult result(Answer answer) {
    return ConditionalWrites.result(
        answer,
        DealGateway.DEAL_CHANGED,
        "Dataverse: the row's version changed",
        DealGateway.DEAL_NOT_FOUND,
        "Dataverse has no such opportunity");
  }

  private static UpdateResult rejected(String code, String message) {
    return new UpdateResult.Rejected(code, message);
  }

  /** modifiedon has whole seconds: the heard version is compared at seconds, the values too. */
  private static boolean changedSinceHeard(DealUpdateRequest request, Deal now) {
    if (request.heardModifiedAt() != null
        && !request
            .heardModifiedAt()
            .truncatedTo(ChronoUnit.SECONDS)
            .equals(now.lastModifiedAt())) {
      return true;
    }
    Deal heard = request.heard();
    if (heard == null) {
      return request.heardModifiedAt() == null;
    }
    return !heard.stage().equals(now.stage())
        || !Objects.equals(heard.amount(), now.amount())
        || !heard.closeDate().equals(now.closeDate());
  }

  private Map<String, Current> readCurrent(List<DealUpdateRequest> requests) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    requests.forEach(r -> ids.add(lower(r.dealId())));
    List<String> all = List.copyOf(ids);
    Map<String, Current> current = new HashMap<>();
    int chunk = DataverseCrmGateway.IDS_PER_FILTER;
    for (int from = 0; from < all.size(); from += chunk) {
      List<String> part = all.subList(from, Math.min(all.size(), from + chunk));
      String path =
          DealRows.ENTITY_SET
              + OData.query(
                  "$select",
                  DealRows.SELECT,
                  "$expand",
                  DealRows.EXPAND,
                  "$filter",
                  OData.anyOf("opportunityid", part));
      try (Stream<JsonNode> rows = http.query(path, r -> r)) {
        rows.forEach(
            r ->
                current.put(
                    lower(r.path("opportunityid").asText()),
                    new Current(
                        deals.toDeal(r),
                        r.path("statecode").asInt(DealRows.OPEN) != DealRows.OPEN,
                        r.path("@odata.etag").asText())));
      }
    }
    return current;
  }

  private static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
