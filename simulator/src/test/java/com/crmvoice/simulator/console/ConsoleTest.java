package com.crmvoice.simulator.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.simulator.dialog.Conversation;
import com.crmvoice.simulator.model.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<String> requestTypes = new ArrayList<>();

  private Console console(boolean transcript) {
    TranscriptPrinter printer =
        new TranscriptPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), transcript);
    Conversation conversation =
        new Conversation(
            Fixtures.model(),
            envelope -> {
              requestTypes.add(envelope.path("request").path("type").asText());
              return JSON.createObjectNode()
                  .put("version", "1.0")
                  .set(
                      "response",
                      JSON.createObjectNode()
                          .put("shouldEndSession", false)
                          .set(
                              "outputSpeech",
                              JSON.createObjectNode()
                                  .put("type", "PlainText")
                                  .put("text", "Hello")));
            },
            new Conversation.Device("skill", "user", "en-US", "http://127.0.0.1:1", "t"),
            printer,
            Clock.systemUTC());
    return new Console(null, conversation, printer);
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aScriptBecomesATranscript_commentsAndBlankLinesSkipped() {
    console(true).runScript(List.of("# a demo", "", "open my assistant", ":help", ":nonsense"));

    assertThat(text())
        .contains("you> open my assistant")
        .contains("alexa> Hello")
        .contains("you> :help")
        .contains(":fault 503 x N")
        .contains("unknown command :nonsense")
        .doesNotContain("a demo");
    // The session the script left open is ended, as when the user walks away.
    assertThat(requestTypes).containsExactly("LaunchRequest", "SessionEndedRequest");
  }

  @Test
  void aScriptStopsAtQuit() {
    console(true).runScript(List.of(":quit", "open my assistant"));

    assertThat(requestTypes).isEmpty();
  }

  @Test
  void commandsThatNeedThePipelineSaySoWithoutOne() {
    console(true)
        .runScript(List.of(":leads", ":queue", ":user rep1", ":refresh full", ":fault down"));

    assertThat(text()).contains("only the fake CRM").contains("no pipeline");
  }

  @Test
  void theInteractivePromptShowsAnOpenSession_andTheInputIsNotEchoedTwice() {
    boolean quit =
        console(false).interact(new BufferedReader(new StringReader("open my assistant\n:quit\n")));

    assertThat(quit).isTrue();
    assertThat(text())
        .contains("you> ")
        .contains("you (session open)> ")
        .doesNotContain("you> open my assistant");
  }
}
