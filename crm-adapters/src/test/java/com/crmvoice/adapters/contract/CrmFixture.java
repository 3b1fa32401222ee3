package com.crmvoice.adapters.contract;

import com.crmvoice.core.port.CrmGateway;
import java.time.Instant;
import java.util.List;

/**
 * One CRM's fake behind the port contract: what {@link CrmPortContract} needs to set a CRM up,
 * break it and look inside it, in domain terms, so the same test runs against every adapter.
 */
interface CrmFixture extends AutoCloseable {

  /** The adapter under test, connected to the fake. */
  CrmGateway gateway();

  /** An adapter with a wrong client secret. */
  CrmGateway gatewayWithWrongSecret();

  /** A new owner (a CRM user) id, different on every call. */
  String newOwner();

  /** An owner id the CRM does not hold, in the CRM's id format. */
  String unknownLeadId();

  /** Inserts an open lead with the first open status, created at {@code createdAt}; its id. */
  String openLead(
      String owner, String firstName, String lastName, String company, Instant createdAt);

  /** Closes a lead (Salesforce: a closed status; Dynamics: disqualified). */
  void closeLead(String leadId);

  /** Converts a lead (Salesforce: IsConverted; Dynamics: qualified). */
  void convertLead(String leadId);

  /** Changes a lead's first name behind the adapter's back: a new version. */
  void touchLead(String leadId);

  /** The CRM's open statuses, the first the default of new leads. */
  List<String> openStatuses();

  /** A lead's status as the adapter reports it. */
  String statusOf(String leadId);

  int leadCount();

  /** (subject, completed call?) of the activities on a lead, oldest first. */
  List<String> activitiesOn(String leadId);

  /** A delegated (account-linking) token of {@code owner}. */
  String userToken(String owner);

  void failNext(int n, int httpStatus);

  /** The CRM's API limit is hit for the next {@code n} requests. */
  void limitNext(int n);

  void expireTokens();

  void dropConnections(int n);

  /** Web API / REST requests the fake has answered so far (tokens excluded). */
  int apiCalls();

  @Override
  void close();
}
