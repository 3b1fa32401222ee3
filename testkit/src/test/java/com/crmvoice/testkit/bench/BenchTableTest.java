package com.crmvoice.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.testkit.bench.BenchRow.Goal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {

  @Test
  void rowSurvivesItsLineFormat() {
    BenchRow row =
        BenchRow.vs(
            "1 GetTopLead",
            "(b) handler p99",
            7.25,
            "ms",
            "(a) Query p99",
            5.0,
            Goal.ratioAtMost(1.5));

    assertThat(BenchRow.parse(row.line())).isEqualTo(row);
    BenchRow loaded = new BenchRow("i", "f", 1, "ms", "", Double.NaN, null, 6.5);
    assertThat(BenchRow.parse(loaded.line()).load()).isEqualTo(6.5);
    // a row written before the load column was added still reads
    assertThat(BenchRow.parse(row.line().replaceAll("\\tNaN$", "")).load()).isNaN();
    assertThat(BenchRow.parse(BenchRow.of("3 worker", "calls", 3, "", null).line()).goal())
        .isNull();
  }

  @Test
  void judgesRatioGoalsOnTheRatioAndValueGoalsOnTheValue() {
    assertThat(BenchRow.vs("i", "f", 7.5, "ms", "r", 5, Goal.ratioAtMost(1.5)).met()).isTrue();
    assertThat(BenchRow.vs("i", "f", 7.6, "ms", "r", 5, Goal.ratioAtMost(1.5)).met()).isFalse();
    assertThat(BenchRow.vs("i", "f", 100, "ms", "r", 5, Goal.ratioAtLeast(20)).met()).isTrue();
    assertThat(BenchRow.of("i", "f", 399, "leads/s", Goal.valueAtLeast(400)).met()).isFalse();
    assertThat(BenchRow.of("i", "f", 0.02, "calls/lead", Goal.valueAtMost(0.02)).met()).isTrue();
    assertThat(BenchRow.of("i", "f", 1, "", null).met()).isNull();
  }

  @Test
  void printsOneMarkdownRowPerFigureWithReferenceRatioGoalAndVerdict() {
    List<String> log =
        List.of(
            "some benchmark chatter",
            BenchRow.of("1 GetTopLead", "(a) bare Query p50", 4.0, "ms", null).line(),
            BenchRow.vs(
                    "1 GetTopLead",
                    "(b) stream handler p50",
                    8.0,
                    "ms",
                    "(a) bare Query p50",
                    4.0,
                    Goal.ratioAtMost(1.5))
                .line(),
            new BenchRow(
                    "3 worker",
                    "throughput",
                    450,
                    "leads/s",
                    "",
                    Double.NaN,
                    Goal.valueAtLeast(400),
                    3.2)
                .line());

    String table = BenchTable.format(BenchTable.rows(log));

    assertThat(table.lines())
        .containsExactly(
            "| item | figure | value | reference, same run | ratio | goal | met | load |",
            "| --- | --- | ---: | --- | ---: | --- | --- | ---: |",
            "| 1 GetTopLead | (a) bare Query p50 | 4 ms |  |  |  |  |  |",
            "| 1 GetTopLead | (b) stream handler p50 | 8 ms | (a) bare Query p50: 4 ms | 2×"
                + " | ratio ≤ 1.5 | **no** |  |",
            "| 3 worker | throughput | 450 leads/s |  |  | ≥ 400 leads/s | yes | 3.2 |",
            "",
            "Goals met: 1 of 2.");
  }

  @Test
  void refusesARatioGoalWithoutReference() {
    assertThatThrownBy(() -> BenchRow.of("i", "f", 1, "ms", Goal.ratioAtMost(1.5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersKeepAboutThreeSignificantDigits() {
    assertThat(BenchTable.number(0.0052)).isEqualTo("0.0052");
    assertThat(BenchTable.number(0.123)).isEqualTo("0.123");
    assertThat(BenchTable.number(6.414)).isEqualTo("6.41");
    assertThat(BenchTable.number(61.23)).isEqualTo("61.2");
    assertThat(BenchTable.number(105_123.4)).isEqualTo("105,123");
  }
}
