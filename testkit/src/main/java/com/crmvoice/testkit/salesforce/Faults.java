package com.crmvoice.testkit.salesforce;

import java.time.Duration;

/**
 * Faults the fake injects into its data API (query, create, upsert), counted down per request. The
 * token and userinfo endpoints are only affected by {@link #expireTokens()} and latency.
 */
public final class Faults {

  private volatile Duration latency = Duration.ZERO;
  private int failNext;
  private int failStatus;
  private int passBeforeFailing;
  private int lockErrors;
  private int requestLimit;
  private int dropConnections;
  private int commitThenDrop;
  private int commitThenStall;
  private Duration stall = Duration.ZERO;
  private boolean duplicateRule;
  private final Runnable expire;

  Faults(Runnable expire) {
    this.expire = expire;
  }

  /** Every request waits this long before it is handled. */
  public Faults latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /** The next {@code n} data requests answer this HTTP status (500, 502, 503, ...). */
  public synchronized Faults failNext(int n, int httpStatus) {
    passBeforeFailing = 0;
    failNext = n;
    failStatus = httpStatus;
    return this;
  }

  /**
   * The next {@code okRequests} data requests are answered, then the {@code n} after them answer
   * this HTTP status: a failure in the middle of a paged query.
   */
  public synchronized Faults failAfter(int okRequests, int n, int httpStatus) {
    passBeforeFailing = okRequests;
    failNext = n;
    failStatus = httpStatus;
    return this;
  }

  /**
   * Every access token issued so far stops working: the next call answers 401 INVALID_SESSION_ID.
   */
  public Faults expireTokens() {
    expire.run();
    return this;
  }

  /** The next {@code n} record writes fail with UNABLE_TO_LOCK_ROW. */
  public synchronized Faults lockErrors(int n) {
    lockErrors = n;
    return this;
  }

  /** The next {@code n} data requests answer 403 REQUEST_LIMIT_EXCEEDED. */
  public synchronized Faults requestLimit(int n) {
    requestLimit = n;
    return this;
  }

  /** The next {@code n} data requests are dropped: the connection closes with no response. */
  public synchronized Faults dropConnections(int n) {
    dropConnections = n;
    return this;
  }

  /** The next {@code n} write requests are applied, then the connection closes with no response. */
  public synchronized Faults commitThenDrop(int n) {
    commitThenDrop = n;
    return this;
  }

  /**
   * The next {@code n} write requests are applied, then their answer waits {@code stall} before it
   * is sent: with a stall longer than the client's timeout, the client gives up on a request that
   * has committed (what a slow Salesforce does to a worker). Give {@code n} at least the client's
   * attempts to stall every retry as well.
   */
  public synchronized Faults commitThenStall(int n, Duration stall) {
    commitThenStall = n;
    this.stall = stall;
    return this;
  }

  /**
   * A duplicate rule on Lead: same last name and email as an existing lead is DUPLICATES_DETECTED.
   */
  public synchronized Faults duplicateRule(boolean active) {
    duplicateRule = active;
    return this;
  }

  public synchronized Faults clear() {
    latency = Duration.ZERO;
    failNext = 0;
    passBeforeFailing = 0;
    lockErrors = 0;
    requestLimit = 0;
    dropConnections = 0;
    commitThenDrop = 0;
    commitThenStall = 0;
    stall = Duration.ZERO;
    duplicateRule = false;
    return this;
  }

  Duration latency() {
    return latency;
  }

  /** The status to fail this request with, or 0. */
  synchronized int takeFailure() {
    if (failNext > 0 && passBeforeFailing > 0) {
      passBeforeFailing--;
      return 0;
    }
    if (failNext > 0) {
      failNext--;
      return failStatus;
    }
    if (requestLimit > 0) {
      requestLimit--;
      return 403;
    }
    return 0;
  }

  synchronized boolean takeDrop() {
    if (dropConnections > 0) {
      dropConnections--;
      return true;
    }
    return false;
  }

  synchronized boolean takeCommitThenDrop() {
    if (commitThenDrop > 0) {
      commitThenDrop--;
      return true;
    }
    return false;
  }

  /** How long to hold this committed write's answer back, or zero. */
  synchronized Duration takeCommitThenStall() {
    if (commitThenStall > 0) {
      commitThenStall--;
      return stall;
    }
    return Duration.ZERO;
  }

  synchronized boolean takeLockError() {
    if (lockErrors > 0) {
      lockErrors--;
      return true;
    }
    return false;
  }

  synchronized boolean duplicateRuleActive() {
    return duplicateRule;
  }
}
