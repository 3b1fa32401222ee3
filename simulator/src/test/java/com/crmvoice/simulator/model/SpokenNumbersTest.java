package com.crmvoice.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpokenNumbersTest {

  @Test
  void digitsAsTheyAre() {
    assertThat(SpokenNumbers.resolve("50000")).isEqualTo("50000");
    assertThat(SpokenNumbers.resolve("42,500")).isEqualTo("42500");
    assertThat(SpokenNumbers.resolve("-5000")).isEqualTo("-5000");
  }

  @Test
  void englishWords() {
    assertThat(SpokenNumbers.resolve("fifty thousand")).isEqualTo("50000");
    assertThat(SpokenNumbers.resolve("forty-two thousand five hundred")).isEqualTo("42500");
    assertThat(SpokenNumbers.resolve("a hundred and twenty thousand")).isEqualTo("120000");
    assertThat(SpokenNumbers.resolve("minus five thousand")).isEqualTo("-5000");
    assertThat(SpokenNumbers.resolve("five billion")).isEqualTo("5000000000");
    assertThat(SpokenNumbers.resolve("two million three hundred thousand")).isEqualTo("2300000");
  }

  @Test
  void germanWords() {
    assertThat(SpokenNumbers.resolve("fünfzigtausend")).isEqualTo("50000");
    assertThat(SpokenNumbers.resolve("zweiundvierzigtausendfünfhundert")).isEqualTo("42500");
    assertThat(SpokenNumbers.resolve("hunderttausend")).isEqualTo("100000");
    assertThat(SpokenNumbers.resolve("minus fünftausend")).isEqualTo("-5000");
    assertThat(SpokenNumbers.resolve("fünf milliarden")).isEqualTo("5000000000");
    assertThat(SpokenNumbers.resolve("einhundertzwanzigtausend")).isEqualTo("120000");
  }

  @Test
  void anythingElsePassesThrough() {
    assertThat(SpokenNumbers.resolve("lots")).isEqualTo("lots");
    assertThat(SpokenNumbers.resolve("fifty bananas")).isEqualTo("fifty bananas");
  }
}
