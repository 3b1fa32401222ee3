package com.crmvoice.core.port;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.domain.NewLead;
import java.time.Instant;
import java.util.List;
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
