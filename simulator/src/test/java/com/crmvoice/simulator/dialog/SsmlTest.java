package com.crmvoice.simulator.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsmlTest {

  @Test
  void dropsTagsDecodesEntitiesAndCollapsesSpaces() {
    assertThat(
            Ssml.toText(
                "<speak>Hello <break time=\"1s\"/><say-as interpret-as=\"digits\">42</say-as>"
                    + " Smith &amp; Sons</speak>"))
        .isEqualTo("Hello 42 Smith & Sons");
  }
}
