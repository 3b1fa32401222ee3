package com.crmvoice.core.port;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.domain.NewLead;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CRM, as CRM Voice needs it. Salesforce is the first implementation; every method's failures
 * are {@link CrmUnavailableException} (retry later) or {@link CrmRejectedException} (the CRM said
 * no).
 *
 * <p>"Open" means not converted and not in one of the configured closed statuses.
 */
public interface CrmGateway {

  /** The most Salesforce takes in one sObject Collections call; callers batch up to this. */
  int MAX_CREATE_BATCH = 200;

  /**
   * The owner's open leads, oldest first (by creation time, then id), at most {@code limit}.
   *
   * @throws CrmUnavailableException when the CRM cannot answer now
   */
  List<Lead> topOpenLeads(String ownerId, int limit);

  /**
   * {@link #topOpenLeads} for several owners, in as few CRM calls as the adapter can make (the
   * refresher's incremental pass asks for every affected owner at once). Every given owner is a key
   * of the answer, mapped to an empty list when it has no open lead. This default asks owner by
   * owner; an adapter that can query many owners at once overrides it.
   *
   * @throws CrmUnavailableException when the CRM cannot answer now
   */
  default Map<String, List<Lead>> topOpenLeadsOf(Collection<String> ownerIds, int limit) {
    Map<String, List<Lead>> leads = new LinkedHashMap<>();
    for (String ownerId : ownerIds) {
      leads.put(ownerId, topOpenLeads(ownerId, limit));
    }
    return leads;
  }

  /**
   * Every open lead of every owner, ordered by owner id, then creation time, then id, fetched page
   * by page as the stream is consumed. Close the stream when done.
   *
   * @throws CrmUnavailableException when a page cannot be fetched (also while streaming)
   */
  Stream<Lead> openLeads();

  /**
   * Every lead modified at or after {@code since}, open or not, in modification order, fetched page
   * by page as the stream is consumed. Close the stream when done.
   *
   * @throws CrmUnavailableException when a page cannot be fetched (also while streaming)
   */
  Stream<LeadChange> leadsModifiedSince(Instant since);

  /**
   * Creates leads, up to {@link #MAX_CREATE_BATCH} a call to the CRM where the CRM allows it, and
   * answers one result per request, in request order. When an external id is configured, a request
   * whose {@link CreateLeadRequest#externalId()} the CRM already holds answers {@link
   * CreateResult.Created} with the existing record instead of creating a second one.
   *
   * @throws CrmUnavailableException when the whole call failed and may be tried again
   */
  List<CreateResult> createLeads(List<CreateLeadRequest> requests);

  /**
   * Sets leads' statuses, each only if the lead is still the version the user heard: a lead whose
   * {@link StatusUpdateRequest#heardModifiedAt()} (or, when that is unknown, whose status) no
   * longer matches is {@link UpdateResult.Rejected} with {@link #LEAD_CHANGED} and left as it is; a
   * lead that already has the new status is {@link UpdateResult.Updated} without a write (a
   * redelivered command). One result per request, in request order.
   *
   * @throws CrmUnavailableException when the whole call failed and may be tried again
   */
  List<UpdateResult> updateLeadStatuses(List<StatusUpdateRequest> requests);

  /**
   * Creates tasks on leads (a logged call, a follow-up), batched where the CRM allows it, one
   * result per request in request order. When a task external id is configured, a request whose
   * {@link CreateTaskRequest#externalId()} the CRM already holds answers {@link
   * CreateResult.Created} with the existing task instead of creating a second one.
   *
   * @throws CrmUnavailableException when the whole call failed and may be tried again
   */
  List<CreateResult> createTasks(List<CreateTaskRequest> requests);

  /**
   * The values of the lead status picklist, in the CRM's order (for Salesforce, describe of
   * Lead.Status), active values only.
   *
   * @throws CrmUnavailableException when the CRM cannot answer now
   */
  List<PicklistValue> leadStatuses();

  /** Error code of an update refused because the record changed since the user heard it. */
  String LEAD_CHANGED = "LEAD_CHANGED";

  /** Error code of a write to a lead the CRM does not hold (deleted, merged, never visible). */
  String LEAD_NOT_FOUND = "LEAD_NOT_FOUND";

  /** Error code of a status change refused because the lead was converted meanwhile. */
  String LEAD_NOT_OPEN = "LEAD_NOT_OPEN";

  /**
   * One status change.
   *
   * @param expectedStatus the status the user heard
   * @param heardModifiedAt the lead's version the user heard; null when unknown
   */
  record StatusUpdateRequest(
      String leadId, String expectedStatus, String newStatus, Instant heardModifiedAt) {}

  /** The outcome of one {@link StatusUpdateRequest}. */
  sealed interface UpdateResult {

    /**
     * The lead now has the status; {@code changed} is false when it already had it. {@code
     * modifiedAt} is the lead's new version when the CRM told it, else null.
     */
    record Updated(boolean changed, Instant modifiedAt) implements UpdateResult {}

    /** The CRM refused this update for good, or the lead changed since the user heard it. */
    record Rejected(String errorCode, String message) implements UpdateResult {}

    /** This update failed in a way that may succeed later. */
    record Retryable(String errorCode, String message) implements UpdateResult {}
  }

  /**
   * One task on a lead.
   *
   * @param externalId idempotency key (the command id)
   * @param completedCall true for a logged call (TaskSubtype Call, Status Completed), false for an
   *     open follow-up
   * @param description may be null
   * @param activityDate the call's day, or the follow-up's due date
   */
  record CreateTaskRequest(
      String externalId,
      String ownerId,
      String leadId,
      String subject,
      String description,
      LocalDate activityDate,
      boolean completedCall) {}

  /**
   * One value of a picklist.
   *
   * @param value the API value a write sends ("Working - Contacted")
   * @param label what the org shows for it
   * @param defaultValue whether new records get it
   */
  record PicklistValue(String value, String label, boolean defaultValue) {}

  /**
   * The lead the CRM holds under this external id (the {@link CreateLeadRequest#externalId()} a
   * create upserted on), if any: how the worker learns what became of a create whose answer never
   * came (a timeout after the CRM may have committed), before it declares the command failed.
   *
   * @return the lead's CRM id; empty when the CRM holds no lead with this external id
   * @throws CrmUnavailableException when the CRM cannot answer now
   * @throws CrmRejectedException when the CRM cannot look leads up by external id (none configured)
   */
  Optional<String> findLeadByExternalId(String externalId);

  /**
   * The CRM user an OAuth access token belongs to (for Salesforce, the userinfo endpoint).
   *
   * @throws CrmRejectedException when the token is not valid (expired or revoked)
   * @throws CrmUnavailableException when the CRM cannot answer now
   */
  CrmUser userForAccessToken(String accessToken);

  /**
   * One lead to create.
   *
   * @param externalId idempotency key (derived from the command id); used as the external id value
   *     when the CRM is configured with one
   * @param ownerId the CRM user who will own the lead
   * @param lead the validated values
   */
  record CreateLeadRequest(String externalId, String ownerId, NewLead lead) {}

  /** The outcome for one {@link CreateLeadRequest}. */
  sealed interface CreateResult {

    /** The CRM holds the lead under {@code crmId}; {@code created} is false when it already did. */
    record Created(String crmId, boolean created) implements CreateResult {}

    /** The CRM refused this record for good (validation, duplicate rule). */
    record Rejected(String errorCode, String message) implements CreateResult {}

    /** This record failed in a way that may succeed later (lock, limit, outage). */
    record Retryable(String errorCode, String message) implements CreateResult {}
  }
}
