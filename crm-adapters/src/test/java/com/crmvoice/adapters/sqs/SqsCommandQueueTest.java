package com.crmvoice.adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqsCommandQueueTest {

  @Test
  void aBodySqsCannotCarryIsRefusedBeforeItIsSent_notReportedAsAnOutage() {
    assertThat(SqsCommandQueue.checkedBody("{\"lastName\":\"Zoë 😀 \\u0007\"}"))
        .isEqualTo("{\"lastName\":\"Zoë 😀 \\u0007\"}");
    for (String bad : new String[] {"{\"a\":\"\uFFFF\"}", "{\"a\":\"\uD800\"}", "\u0007"}) {
      assertThatThrownBy(() -> SqsCommandQueue.checkedBody(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("SQS cannot carry");
    }
  }
}
