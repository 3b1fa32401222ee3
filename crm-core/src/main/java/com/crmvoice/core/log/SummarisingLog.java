package com.crmvoice.core.log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * A WARN line for the first event of each kind, then a count: for events an outsider can cause as
 * often as they like (a refused request, a request no handler takes), so that a probe of 10,000
 * refused requests writes a few lines, not 10,000. The first event of a kind is logged at once;
 * later ones are counted and written as one summary line ("42 refused in the last PT1M:
 * bad-signature=40, stale=2") with the first event after each period. {@link #flush} writes what is
 * still counted (call it on shutdown). Kinds must be few and fixed (a reason code, never a value
 * from the request); past {@link #MAX_KINDS} distinct kinds, new ones count as "other".
 * Thread-safe.
 */
public final class SummarisingLog {

  /** Where the lines go: SLF4J in production, a list in tests. */
  @FunctionalInterface
  public interface Sink {
    void warn(String line);
  }

  static final int MAX_KINDS = 32;
  static final String OTHER = "other";

  private final String what;
  private final Clock clock;
  private final Duration period;
  private final Sink sink;
  private final Map<String, Boolean> seen = new TreeMap<>();
  private final Map<String, Long> counted = new TreeMap<>();
  private Instant periodStart;

  /**
   * @param what what the events are, as the lines say it ("request refused")
   * @param period how often at most a summary line is written
   */
  public SummarisingLog(String what, Clock clock, Duration period, Sink sink) {
    this.what = Objects.requireNonNull(what, "what");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sink = Objects.requireNonNull(sink, "sink");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    this.period = period;
    this.periodStart = clock.instant();
  }

  /** Lines to {@code log} at WARN, a summary at most once a minute. */
  public static SummarisingLog toSlf4j(Logger log, String what, Clock clock) {
    return new SummarisingLog(what, clock, Duration.ofMinutes(1), log::warn);
  }

  /** One event of {@code kind}. */
  public void record(String kind) {
    String line = null;
    String summary;
    synchronized (this) {
      String key = kind;
      if (!seen.containsKey(key)) {
        if (seen.size() >= MAX_KINDS) {
          key = OTHER;
        }
        if (!seen.containsKey(key)) {
          seen.put(key, Boolean.TRUE);
          line =
              what
                  + ": "
                  + key
                  + " (more of this kind are counted and summarised every "
                  + period
                  + ")";
        }
      }
      if (line == null) {
        counted.merge(key, 1L, Long::sum);
      }
      summary = dueSummary(false);
    }
    if (summary != null) {
      sink.warn(summary);
    }
    if (line != null) {
      sink.warn(line);
    }
  }

  /** Writes the summary of what is counted now, if anything is. */
  public void flush() {
    String summary;
    synchronized (this) {
      summary = dueSummary(true);
    }
    if (summary != null) {
      sink.warn(summary);
    }
  }

  private String dueSummary(boolean now) {
    Instant instant = clock.instant();
    if (!now && instant.isBefore(periodStart.plus(period))) {
      return null;
    }
    Duration over = Duration.between(periodStart, instant);
    periodStart = instant;
    if (counted.isEmpty()) {
      return null;
    }
    long total = counted.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder line =
        new StringBuilder().append(total).append(" more ").append(what).append(" in the last ");
    line.append(over).append(':');
    String separator = " ";
    for (Map.Entry<String, Long> entry : counted.entrySet()) {
      line.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
      separator = ", ";
    }
    counted.clear();
    return line.toString();
  }
}
