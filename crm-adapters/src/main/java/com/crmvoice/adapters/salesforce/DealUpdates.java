package com.crmvoice.adapters.salesforce;

import com.crmvoice.adapters.salesforce.SalesforceHttp.Answer;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.port.DealGateway;
import com.crmvoice.core.port.DealGateway.DealUpdateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Conditional Opportunity updates. One SOQL read of the batch's deals (per 100 ids) decides each
 * request: gone ({@link DealGateway#DEAL_NOT_FOUND}), already holding the new values (done, no
 * write: a redelivery), another owner's ({@link DealGateway#DEAL_NOT_OWNED}), closed ({@link
 * DealGateway#DEAL_NOT_OPEN}), or changed since the user heard it ({@link
 * DealGateway#DEAL_CHANGED}: LastModifiedDate differs, or without a known version the heard values
 * differ). The rest are written: a single one as PATCH with {@code If-Unmodified-Since} (412 is
 * DEAL_CHANGED too), several as sObject Collections update calls of up to 200, which cannot carry a
 * precondition per record; there the read above is the check, and a change in the milliseconds
 * between it and the write is not seen
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_update.htm).
 * Only StageName is sent for a stage change: Salesforce sets the stage's probability and forecast
 * category itself.
 */
final class DealUpdates {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");
  private static final int QUERY_CHUNK = 100;
  private static final int COLLECTIONS_CHUNK = 200;

  private final SalesforceHttp http;

  DealUpdates(SalesforceHttp http) {
    this.http = http;
  }

  private record Current(Deal deal, boolean closed) {}

  List<UpdateResult> update(List<DealUpdateRequest> requests, boolean multiCurrency) {
    Map<String, Current> current = readCurrent(requests, multiCurrency);
    UpdateResult[] results = new UpdateResult[requests.size()];
    List<Integer> toWrite = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      DealUpdateRequest request = requests.get(i);
      Current now = current.get(request.dealId());
      if (now == null) {
        results[i] = rejected(DealGateway.DEAL_NOT_FOUND, "Salesforce has no such opportunity");
      } else if (request.changes().heldBy(now.deal())) {
        results[i] = new UpdateResult.Updated(false, now.deal().lastModifiedAt());
      } else if (!now.deal().ownerId().equals(request.ownerId())) {
        results[i] = rejected(DealGateway.DEAL_NOT_OWNED, "another user owns the opportunity");
      } else if (now.closed()) {
        results[i] = rejected(DealGateway.DEAL_NOT_OPEN, "the opportunity is closed");
      } else if (changedSinceHeard(request, now.deal())) {
        results[i] = rejected(DealGateway.DEAL_CHANGED, "changed since the user heard it");
      } else {
        toWrite.add(i);
      }
    }
    if (toWrite.size() == 1) {
      int i = toWrite.get(0);
      results[i] = patchOne(requests.get(i), current.get(requests.get(i).dealId()).deal());
    } else if (!toWrite.isEmpty()) {
      writeCollections(requests, toWrite, results);
    }
    return List.of(results);
  }

  private static UpdateResult rejected(String code, String message) {
    return new UpdateResult.Rejected(code, message);
  }

  private static boolean changedSinceHeard(DealUpdateRequest request, Deal now) {
    if (request.heardModifiedAt() != null) {
      return !request.heardModifiedAt().equals(now.lastModifiedAt());
    }
    Deal heard = request.heard();
    return heard == null
        || !heard.stage().equals(now.stage())
        || !Objects.equals(heard.amount(), now.amount())
        || !heard.closeDate().equals(now.closeDate())
        || !Objects.equals(heard.nextStep(), now.nextStep());
  }

  private static ObjectNode body(DealChanges changes) {
    ObjectNode body = JSON.createObjectNode();
    if (changes.stage() != null) {
      body.put("StageName", changes.stage());
    }
    if (changes.amount() != null) {
      body.put("Amount", changes.amount());
    }
    if (changes.closeDate() != null) {
      body.put("CloseDate", changes.closeDate().toString());
    }
    if (changes.nextStep() != null) {
      body.put("NextStep", changes.nextStep());
    }
    return body;
  }

  private UpdateResult patchOne(DealUpdateRequest request, Deal now) {
    String since =
        SalesforceActivities.HTTP_DATE.format(now.lastModifiedAt().truncatedTo(ChronoUnit.SECONDS));
    Answer answer =
        http.sendConditional(
            "PATCH",
            http.dataPath("/sobjects/Opportunity/" + recordId(request.dealId())),
            body(request.changes()),
            Map.of("If-Unmodified-Since", since));
    if (answer.status() == 204 || answer.status() == 200) {
      return new UpdateResult.Updated(true, null);
    }
    if (answer.status() == 412) {
      return rejected(DealGateway.DEAL_CHANGED, "Salesforce: modified since " + since);
    }
    if (answer.status() == 404) {
      return rejected(DealGateway.DEAL_NOT_FOUND, "Salesforce has no such opportunity");
    }
    RuntimeException failure = http.failure(answer);
    if (failure instanceof CrmRejectedException r) {
      return rejected(r.errorCode(), r.getMessage());
    }
    throw failure;
  }

  private void writeCollections(
      List<DealUpdateRequest> requests, List<Integer> toWrite, UpdateResult[] results) {
    int failedCalls = 0;
    int calls = 0;
    CrmUnavailableException last = null;
    for (int from = 0; from < toWrite.size(); from += COLLECTIONS_CHUNK) {
      List<Integer> chunk =
          toWrite.subList(from, Math.min(toWrite.size(), from + COLLECTIONS_CHUNK));
      calls++;
      ObjectNode body = JSON.createObjectNode().put("allOrNone", false);
      ArrayNode records = body.putArray("records");
      for (int i : chunk) {
        ObjectNode record = body(requests.get(i).changes());
        ObjectNode full = records.addObject();
        full.putObject("attributes").put("type", "Opportunity");
        full.put("id", recordId(requests.get(i).dealId()));
        full.setAll(record);
      }
      try {
        JsonNode answer = http.send("PATCH", http.dataPath("/composite/sobjects"), body);
        if (!answer.isArray() || answer.size() != chunk.size()) {
          throw new CrmUnavailableException(
              "UNEXPECTED_RESPONSE", "sObject Collections answered " + answer.size() + " results");
        }
        for (int k = 0; k < chunk.size(); k++) {
          JsonNode item = answer.get(k);
          if (item.path("success").asBoolean(false)) {
            results[chunk.get(k)] = new UpdateResult.Updated(true, null);
          } else {
            JsonNode error = item.path("errors").path(0);
            String code = error.path("statusCode").asText("UNKNOWN_EXCEPTION");
            String message = error.path("message").asText("");
            results[chunk.get(k)] =
                SalesforceHttp.RETRYABLE_CODES.contains(code)
                    ? new UpdateResult.Retryable(code, message)
                    : "ENTITY_IS_DELETED".equals(code)
                        ? rejected(DealGateway.DEAL_NOT_FOUND, message)
                        : rejected(code, message);
          }
        }
      } catch (CrmUnavailableException e) {
        failedCalls++;
        last = e;
        for (int i : chunk) {
          results[i] = new UpdateResult.Retryable(e.errorCode(), e.getMessage());
        }
      }
    }
    if (failedCalls > 0 && failedCalls == calls && toWrite.size() == requests.size()) {
      throw last;
    }
  }

  private Map<String, Current> readCurrent(List<DealUpdateRequest> requests, boolean multi) {
    Set<String> ids = new LinkedHashSet<>();
    requests.forEach(r -> ids.add(recordId(r.dealId())));
    List<String> all = List.copyOf(ids);
    Map<String, Current> current = new HashMap<>();
    for (int from = 0; from < all.size(); from += QUERY_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + QUERY_CHUNK));
      String soql =
          Soql.select(DealRecords.fields(multi, "IsClosed"))
              .from("Opportunity")
              .where(Soql.in("Id", chunk))
              .build();
      try (Stream<JsonNode> rows = http.query(soql, r -> r)) {
        rows.forEach(
            r ->
                current.put(
                    r.path("Id").asText(),
                    new Current(DealRecords.toDeal(r), r.path("IsClosed").asBoolean(false))));
      }
    }
    return current;
  }

  private static String recordId(String id) {
    if (id == null || !RECORD_ID.matcher(id).matches()) {
      throw new CrmRejectedException("MALFORMED_ID", "not a Salesforce record id");
    }
    return id;
  }
}
