package com.crmvoice.testkit.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table {@code ./bench} prints: every {@link BenchRow} the benchmark mains wrote to their
 * logs, as a Markdown table (figure, the reference measured in the same run, the ratio, the goal,
 * whether it is met, the load average over the minute before it was printed), so it can be pasted
 * into the README as printed.
 */
public final class BenchTable {

  private BenchTable() {}

  /** Prints the table of every bench row found in the given log files. */
  public static void main(String[] args) throws IOException {
    List<BenchRow> rows = new ArrayList<>();
    for (String file : args) {
      rows.addAll(rows(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)));
    }
    System.out.print(format(rows));
  }

  /** The rows among a benchmark's output lines; other lines are skipped. */
  public static List<BenchRow> rows(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith(BenchRow.PREFIX)).map(BenchRow::parse).toList();
  }

  /** The Markdown table, then a line counting the goals met. */
  public static String format(List<BenchRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| item | figure | value | reference, same run | ratio | goal | met | load |\n");
    out.append("| --- | --- | ---: | --- | ---: | --- | --- | ---: |\n");
    int goals = 0;
    int met = 0;
    for (BenchRow row : rows) {
      Boolean isMet = row.met();
      if (row.goal() != null) {
        goals++;
        met += Boolean.TRUE.equals(isMet) ? 1 : 0;
      }
      out.append("| ")
          .append(row.item())
          .append(" | ")
          .append(row.figure())
          .append(" | ")
          .append(withUnit(row.value(), row.unit()))
          .append(" | ")
          .append(
              row.reference().isEmpty()
                  ? ""
                  : row.reference() + ": " + withUnit(row.referenceValue(), row.unit()))
          .append(" | ")
          .append(Double.isNaN(row.ratio()) ? "" : number(row.ratio()) + "×")
          .append(" | ")
          .append(goal(row))
          .append(" | ")
          .append(isMet == null ? "" : isMet ? "yes" : "**no**")
          .append(" | ")
          .append(Double.isNaN(row.load()) ? "" : String.format(Locale.ROOT, "%.1f", row.load()))
          .append(" |\n");
    }
    out.append(String.format(Locale.ROOT, "%nGoals met: %d of %d.%n", met, goals));
    return out.toString();
  }

  private static String goal(BenchRow row) {
    BenchRow.Goal goal = row.goal();
    if (goal == null) {
      return "";
    }
    String op = goal.atMost() ? "≤ " : "≥ ";
    return goal.subject() == BenchRow.Goal.Subject.RATIO
        ? "ratio " + op + limit(goal.limit())
        : op + limit(goal.limit()) + (row.unit().isEmpty() ? "" : " " + row.unit());
  }

  private static String withUnit(double value, String unit) {
    return unit.isEmpty() ? number(value) : number(value) + " " + unit;
  }

  private static String limit(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** Three significant digits or so, no exponent; whole numbers with thousands separators. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double abs = Math.abs(value);
    if (value == Math.rint(value) && abs < 1e15) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    if (abs >= 0.01) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
