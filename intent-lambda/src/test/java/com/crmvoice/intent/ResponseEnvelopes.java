package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/** Invoking a stream handler with a request envelope, and checking the response envelope. */
final class ResponseEnvelopes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResponseEnvelopes() {}

  static JsonNode invoke(IntentStreamHandler handler, AlexaRequests request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(request.toBytes()), out, null);
      return JSON.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String speech(JsonNode response) {
    return response.at("/response/outputSpeech/ssml").asText();
  }

  /** Version 1.0, SSML speech that parses as a {@code <speak>} document. */
  static void assertValidEnvelope(JsonNode response) {
    assertThat(response.path("version").asText()).isEqualTo("1.0");
    assertThat(response.at("/response/outputSpeech/type").asText()).isEqualTo("SSML");
    String ssml = speech(response);
    assertThatCode(
            () ->
                assertThat(
                        DocumentBuilderFactory.newInstance()
                            .newDocumentBuilder()
                            .parse(new InputSource(new StringReader(ssml)))
                            .getDocumentElement()
                            .getTagName())
                    .isEqualTo("speak"))
        .as(ssml)
        .doesNotThrowAnyException();
  }
}
