package com.crmvoice.adapters.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshMessageCodecTest {

  private final RefreshMessageCodec codec = new RefreshMessageCodec();

  @Test
  void roundTripsAnOwner() {
    String json = codec.encode("005000000000001AAA");

    assertThat(json).isEqualTo("{\"version\":1,\"ownerId\":\"005000000000001AAA\"}");
    assertThat(codec.decode(json)).isEqualTo("005000000000001AAA");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                   | empty message body",
        "refresh please                       | not JSON (line 1",
        "[1]                                  | not a JSON object",
        "{\"ownerId\":\"005A\"}               | no version",
        "{\"version\":9,\"ownerId\":\"005A\"} | unknown version 9",
        "{\"version\":1}                      | no ownerId",
        "{\"version\":1,\"ownerId\":42}       | not a string",
        "{\"version\":1,\"ownerId\":\" \"}    | blank ownerId",
      })
  void refusesWhatIsNotAVersion1Request(String body, String reason) {
    assertThatThrownBy(() -> codec.decode(body))
        .isInstanceOf(MalformedCommandException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void theReasonForBadJsonDoesNotQuoteTheBody() {
    assertThatThrownBy(() -> codec.decode("{\"version\":1,\"ownerId\":\"ada@example.com"))
        .isInstanceOf(MalformedCommandException.class)
        .hasMessageNotContaining("ada@example.com");
  }
}
