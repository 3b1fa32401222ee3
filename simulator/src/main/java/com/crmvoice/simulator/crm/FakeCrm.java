package com.crmvoice.simulator.crm;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake CRM the simulator runs the pipeline against, whichever it is ({@code --crm salesforce}
 * or {@code dynamics}): what the functions' environment needs to reach it, its demo user, and what
 * the console shows of it and injects into it, in one shape for both. Each fault method answers the
 * line the console prints (saying so when this CRM has no such fault).
 */
public interface FakeCrm extends AutoCloseable {

  /** A lead as the console lists it. */
  record Lead(
      String id, String name, String company, String status, Instant created, String owner) {}

  /** A task or logged call as the console lists it: kind is "Call" or "Task". */
  record Activity(
      String id, String subject, String status, String kind, String leadId, Object due) {}

  /** An opportunity as the console lists it (what a deal update by voice changed). */
  record Deal(
      String id,
      String name,
      String owner,
      String stage,
      Object probability,
      String forecastCategory,
      Object amount,
      Object closeDate,
      String nextStep,
      int updatesApplied) {}

  /** The CRM's opportunities; none where the fake has no deals. */
  default List<Deal> deals() {
    return List.of();
  }

  /**
   * Adds an open deal in the first stage of the sales process for {@code ownerId}, as a colleague
   * would in the CRM: {@code name} on a new account called {@code account}, closing {@code
   * closesInDays} from today. Answers the line the console prints.
   */
  default String addDeal(
      String ownerId, String name, String account, BigDecimal amount, int closesInDays) {
    return "  [simulator] " + name() + "'s fake holds no deals";
  }

  /** The CRM's name as the console and the skill say it. */
  String name();

  /** The value of the CRM setting that picks this CRM's adapter. */
  String setting();

  URI baseUrl();

  /** The settings that connect a function to this fake (the CRM setting included). */
  Map<String, String> env();

  /** Seeds the demo user's leads among two other owners', and their day where the fake has one. */
  void seedDemo(java.time.ZoneId zone);

  String demoOwnerId();

  int leadCount();

  List<Lead> leads();

  List<Activity> activities();

  /** A delegated access token of {@code ownerId}, as account linking hands it to the skill. */
  String issueUserToken(String ownerId);

  /** The owner id that "demo", "repN" or an id of this CRM's form names; empty if none. */
  Optional<String> ownerId(String argument);

  /** What an owner id of this CRM looks like, for the console's hint. */
  String ownerIdForm();

  String failNext(int n, int httpStatus);

  String latency(Duration latency);

  String expireTokens();

  /** The CRM's API request limit, the next {@code n} calls. */
  String requestLimit(int n);

  String lockErrors(int n);

  String dropConnections(int n);

  String duplicateRule(boolean on);

  String clear();

  @Override
  void close();
}
