package com.crmvoice.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

  @Test
  void xmlCharsAreExactlyWhatSqsTakesInAMessageBody() {
    assertThat(TextRules.isXmlChar(0x9)).isTrue();
    assertThat(TextRules.isXmlChar(0xA)).isTrue();
    assertThat(TextRules.isXmlChar(0xD)).isTrue();
    assertThat(TextRules.isXmlChar(0x20)).isTrue();
    assertThat(TextRules.isXmlChar(0xD7FF)).isTrue();
    assertThat(TextRules.isXmlChar(0xE000)).isTrue();
    assertThat(TextRules.isXmlChar(0xFFFD)).isTrue();
    assertThat(TextRules.isXmlChar(0x10000)).isTrue();
    assertThat(TextRules.isXmlChar(0x10FFFF)).isTrue();
    for (int cp : new int[] {0x0, 0x8, 0xB, 0xC, 0x1F, 0xD800, 0xDFFF, 0xFFFE, 0xFFFF}) {
      assertThat(TextRules.isXmlChar(cp)).as(Integer.toHexString(cp)).isFalse();
    }
  }

  @Test
  void findsTheFirstCharacterSqsWouldRefuse() {
    assertThat(TextRules.firstNonXmlChar("{\"a\":\"ok 😀\"}")).isEqualTo(-1);
    assertThat(TextRules.firstNonXmlChar("ab\uFFFFc")).isEqualTo(2);
    assertThat(TextRules.firstNonXmlChar("a\uD800")).isEqualTo(1);
  }
}
