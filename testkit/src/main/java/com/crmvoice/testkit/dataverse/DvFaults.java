package com.crmvoice.testkit.dataverse;

import java.time.Duration;

/**
 * Faults the fake injects into Web API requests (not the token endpoint), counted down per HTTP
 * request (a $batch is one): HTTP failures with Dataverse's error body, service protection 429s
 * with Retry-After, dropped connections, writes that commit and then drop or stall.
 */
public final class DvFaults {

  private volatile Duration latency = Duration.ZERO;
  private int failNext;
  private int failStatus;
  private int throttleNext;
  private int retryAfterSeconds;
  private int dropConnections;
  private int commitThenDrop;
  private int commitThenStall;
  private Duration stall = Duration.ZERO;
  private final Runnable expire;

  DvFaults(Runnable expire) {
    this.expire = expire;
  }

  public DvFaults latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /** The next {@code n} requests answer this status (500, 502, 503, ...). */
  public synchronized DvFaults failNext(int n, int httpStatus) {
    failNext = n;
    failStatus = httpStatus;
    return this;
  }

  /**
   * The next {@code n} requests hit the number-of-requests service protection limit: 429, error
   * 0x80072322, {@code Retry-After: seconds}.
   */
  public synchronized DvFaults throttle(int n, int retryAfterSeconds) {
    throttleNext = n;
    this.retryAfterSeconds = retryAfterSeconds;
    return this;
  }

  /** Every token issued so far stops working: the next request answers 401. */
  public DvFaults expireTokens() {
    expire.run();
    return this;
  }

  public synchronized DvFaults dropConnections(int n) {
    dropConnections = n;
    return this;
  }

  /** The next {@code n} write requests are applied, then the connection closes unanswered. */
  public synchronized DvFaults commitThenDrop(int n) {
    commitThenDrop = n;
    return this;
  }

  /** The next {@code n} write requests are applied, then their answer waits {@code stall}. */
  public synchronized DvFaults commitThenStall(int n, Duration stall) {
    commitThenStall = n;
    this.stall = stall;
    return this;
  }

  public synchronized DvFaults clear() {
    latency = Duration.ZERO;
    failNext = 0;
    throttleNext = 0;
    dropConnections = 0;
    commitThenDrop = 0;
    commitThenStall = 0;
    stall = Duration.ZERO;
    return this;
  }

  Duration latency() {
    return latency;
  }

  synchronized int takeFailure() {
    if (failNext > 0) {
      failNext--;
      return failStatus;
    }
    return 0;
  }

  /** Seconds of Retry-After for a throttled request, or -1. */
  synchronized int takeThrottle() {
    if (throttleNext > 0) {
      throttleNext--;
      return retryAfterSeconds;
    }
    return -1;
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

  synchronized Duration takeCommitThenStall() {
    if (commitThenStall > 0) {
      commitThenStall--;
      return stall;
    }
    return Duration.ZERO;
  }
}
