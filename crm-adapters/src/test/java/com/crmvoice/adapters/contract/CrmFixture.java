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

  /**
   * The status that closes a lead as not interested (Salesforce: a closed Lead Status; Dynamics: a
   * Disqualified status reason).
   */
  String notInterestedStatus();

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

  // ---- deals and the calendar (DealPortContract, CalendarPortContract) ----

  /** The deal port of {@link #gateway()}'s kind, connected to the fake. */
  com.crmvoice.core.port.DealGateway deals();

  /** The calendar port, connected to the fake. */
  com.crmvoice.core.port.CalendarGateway calendar();

  /** The CRM's open stages in sales-process order (Salesforce: StageName values). */
  List<String> openStages();

  /** The stage of a won deal. */
  String wonStage();

  /**
   * Inserts an open deal of {@code owner} in open stage {@code stage} (an index into {@link
   * #openStages()}), for a new account named {@code account} (or none), with probability {@code
   * probability}; its id.
   */
  String openDeal(
      String owner,
      String name,
      String account,
      int stage,
      int probability,
      String amount,
      java.time.LocalDate close);

  /** Closes a deal as won on {@code day}. */
  void winDeal(String dealId, java.time.LocalDate day);

  /** Changes a deal's name behind the adapter's back: a new version. */
  void touchDeal(String dealId);

  /** Gives a deal to another owner. */
  void reassignDeal(String dealId, String owner);

  /** A deal id the CRM does not hold, in its id format. */
  String unknownDealId();

  /** The org's fiscal year starts in this month (1 to 12). */
  void fiscalYearStartMonth(int month);

  /** A contact (a person a meeting can be with); its id. */
  String contact(String firstName, String lastName);

  /**
   * A meeting of {@code owner} (Salesforce: an Event; Dynamics: an appointment) with {@code whoId}
   * (a lead or contact, or null) and these invitees; its id.
   */
  String meeting(
      String owner,
      String subject,
      Instant start,
      Instant end,
      String whoId,
      List<String> inviteeIds);

  /** An open task of {@code owner} about a lead (or none), due on {@code due}; its id. */
  String openTask(String owner, String leadId, String subject, java.time.LocalDate due);

  /** Completes a task behind the adapter's back. */
  void completeTask(String taskId);

  /** Changes a task's subject behind the adapter's back: a new version. */
  void touchTask(String taskId);

  boolean taskCompleted(String taskId);

  /** A task id the CRM does not hold, in its id format. */
  String unknownTaskId();

  @Override
  void close();
}
