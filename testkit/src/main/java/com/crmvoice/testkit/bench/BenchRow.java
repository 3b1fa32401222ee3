package com.crmvoice.testkit.bench;

import java.util.Locale;
import java.util.Objects;

/**
 * One figure of the benchmark table {@code ./bench} prints: what was measured, its value, the
 * reference measured in the same run (if any) and the goal, either on the value itself or on the
 * ratio value / reference. Benchmark mains print rows with {@link #emit()}; {@link BenchTable}
 * collects them from the logs.
 *
 * @param item the issue item the figure belongs to, e.g. "1 GetTopLead"
 * @param figure what was measured, e.g. "(b) stream handler p50"
 * @param value the measured value
 * @param unit its unit, e.g. "ms", "leads/s", "" for a plain count
 * @param reference what the value is compared with, or "" for none
 * @param referenceValue the reference's value in the same unit, NaN for none
 * @param goal the goal, or null for a figure printed for information
 * @param load the machine's load average over the last minute when the figure was printed (NaN:
 *     unknown); the machine is shared, so a figure is read beside it
 */
public record BenchRow(
    String item,
    String figure,
    double value,
    String unit,
    String reference,
    double referenceValue,
    Goal goal,
    double load) {

  /** The prefix of a row's line in a benchmark's output. */
  public static final String PREFIX = "BENCH\t";

  public BenchRow(
      String item,
      String figure,
      double value,
      String unit,
      String reference,
      double referenceValue,
      Goal goal) {
    this(item, figure, value, unit, reference, referenceValue, goal, Double.NaN);
  }

  public BenchRow {
    Objects.requireNonNull(item);
    Objects.requireNonNull(figure);
    Objects.requireNonNull(unit);
    Objects.requireNonNull(reference);
    if (reference.isEmpty() != Double.isNaN(referenceValue)) {
      throw new IllegalArgumentException("a reference needs a name and a value: " + figure);
    }
    if (goal != null && goal.subject() == Goal.Subject.RATIO && reference.isEmpty()) {
      throw new IllegalArgumentException("a ratio goal needs a reference: " + figure);
    }
    for (String text : new String[] {item, figure, unit, reference}) {
      if (text.contains("\t") || text.contains("\n")) {
        throw new IllegalArgumentException("no tabs or line breaks in a row: " + text);
      }
    }
  }

  /** A figure without reference. */
  public static BenchRow of(String item, String figure, double value, String unit, Goal goal) {
    return new BenchRow(item, figure, value, unit, "", Double.NaN, goal);
  }

  /** A figure with the reference it is compared with. */
  public static BenchRow vs(
      String item,
      String figure,
      double value,
      String unit,
      String reference,
      double referenceValue,
      Goal goal) {
    return new BenchRow(item, figure, value, unit, reference, referenceValue, goal);
  }

  /** value / reference, NaN without a reference or with a zero reference. */
  public double ratio() {
    return Double.isNaN(referenceValue) || referenceValue == 0
        ? Double.NaN
        : value / referenceValue;
  }

  /** Whether the goal is met: null when there is no goal or nothing to judge it by. */
  public Boolean met() {
    if (goal == null) {
      return null;
    }
    double subject = goal.subject() == Goal.Subject.RATIO ? ratio() : value;
    return Double.isNaN(subject) ? null : goal.isMetBy(subject);
  }

  /**
   * Prints the row on stdout, with the load average now, in the line format {@link #parse} reads.
   */
  public void emit() {
    BenchRow row =
        Double.isNaN(load)
            ? new BenchRow(item, figure, value, unit, reference, referenceValue, goal, loadNow())
            : this;
    System.out.println(row.line());
    System.out.flush();
  }

  /** The load average over the last minute (/proc/loadavg, else the JVM's), NaN if unknown. */
  public static double loadNow() {
    try {
      String text = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
      return Double.parseDouble(text.strip().split("\\s+")[0]);
    } catch (java.io.IOException | RuntimeException e) {
      double jvm =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return jvm < 0 ? Double.NaN : jvm;
    }
  }

  /** The row as one line of tab-separated fields after {@link #PREFIX}. */
  public String line() {
    return PREFIX
        + String.join(
            "\t",
            item,
            figure,
            Double.toString(value),
            unit,
            reference,
            Double.toString(referenceValue),
            goal == null ? "-" : goal.code(),
            Double.toString(load));
  }

  /** Reads a line {@link #line()} wrote. */
  public static BenchRow parse(String line) {
    if (!line.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a bench row: " + line);
    }
    String[] f = line.substring(PREFIX.length()).split("\t", -1);
    if (f.length != 7 && f.length != 8) {
      throw new IllegalArgumentException("a bench row has 7 or 8 fields: " + line);
    }
    return new BenchRow(
        f[0],
        f[1],
        Double.parseDouble(f[2]),
        f[3],
        f[4],
        Double.parseDouble(f[5]),
        f[6].equals("-") ? null : Goal.parse(f[6]),
        f.length == 8 ? Double.parseDouble(f[7]) : Double.NaN);
  }

  /**
   * A goal: the value (or the ratio to the reference) at most or at least a limit.
   *
   * @param subject what the limit applies to
   * @param atMost true for "≤ limit", false for "≥ limit"
   * @param limit the limit
   */
  public record Goal(Subject subject, boolean atMost, double limit) {

    /** What a goal's limit applies to. */
    public enum Subject {
      VALUE,
      RATIO
    }

    public static Goal valueAtMost(double limit) {
      return new Goal(Subject.VALUE, true, limit);
    }

    public static Goal valueAtLeast(double limit) {
      return new Goal(Subject.VALUE, false, limit);
    }

    public static Goal ratioAtMost(double limit) {
      return new Goal(Subject.RATIO, true, limit);
    }

    public static Goal ratioAtLeast(double limit) {
      return new Goal(Subject.RATIO, false, limit);
    }

    boolean isMetBy(double subject) {
      return atMost ? subject <= limit : subject >= limit;
    }

    String code() {
      return subject.name().toLowerCase(Locale.ROOT) + (atMost ? "<=" : ">=") + limit;
    }

    static Goal parse(String code) {
      int at = code.indexOf("<=");
      boolean atMost = at >= 0;
      if (!atMost) {
        at = code.indexOf(">=");
      }
      if (at < 0) {
        throw new IllegalArgumentException("not a goal: " + code);
      }
      return new Goal(
          Subject.valueOf(code.substring(0, at).toUpperCase(Locale.ROOT)),
          atMost,
          Double.parseDouble(code.substring(at + 2)));
    }
  }
}
