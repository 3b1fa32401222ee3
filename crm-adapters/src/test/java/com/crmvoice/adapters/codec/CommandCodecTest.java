package com.crmvoice.adapters.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.CompleteTask;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.UpdateLeadStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandCodecTest {

  private final CommandCodec codec = new CommandCodec();

  @Test
  void roundTripsACreateLead() {
    CreateLead command =
        new CreateLead(
            "cmd-1",
            "005000000000001AAA",
            new NewLead("Zoë", "O'Brien", "Acme \"Widgets\"", "zoe@acme.com", "+44 20 7946 0000"),
            Instant.parse("2026-03-01T09:00:00.123Z"));

    String json = codec.encode(command);

    assertThat(json).contains("\"version\":1", "\"type\":\"CreateLead\"");
    assertThat(codec.decode(json)).isEqualTo(command);
  }

  @Test
  void leavesOutAbsentOptionalFields() {
    CreateLead command =
        new CreateLead("c", "005A", new NewLead(null, "Smith", "Acme", null, null), Instant.EPOCH);

    assertThat(codec.encode(command)).doesNotContain("firstName", "email", "phone");
    assertThat(codec.decode(codec.encode(command))).isEqualTo(command);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all|not JSON",
        "[1,2]|not a JSON object",
        "{}|no version",
        "{\"version\":2,\"type\":\"CreateLead\"}|unknown version 2",
        "{\"version\":1,\"type\":\"DeleteEverything\"}|unknown command type",
        "{\"version\":1,\"type\":\"CreateLead\",\"ownerId\":\"o\",\"requestedAt\":\"2026-01-01T00:00:00Z\",\"lead\":{}}|missing commandId",
        "{\"version\":1,\"type\":\"CreateLead\",\"commandId\":\"c\",\"ownerId\":\"o\",\"requestedAt\":\"yesterday\",\"lead\":{}}|requestedAt",
        "{\"version\":1,\"type\":\"CreateLead\",\"commandId\":\"c\",\"ownerId\":\"o\",\"requestedAt\":\"2026-01-01T00:00:00Z\"}|no lead object",
        "{\"version\":1,\"type\":\"CreateLead\",\"commandId\":\"c\",\"ownerId\":\"o\",\"requestedAt\":\"2026-01-01T00:00:00Z\",\"lead\":{\"lastName\":\"X\"}}|lead breaks the CRM's rules",
        "{\"version\":1,\"type\":\"CreateLead\",\"commandId\":7,\"ownerId\":\"o\",\"requestedAt\":\"2026-01-01T00:00:00Z\",\"lead\":{}}|commandId is not a string",
      })
  void refusesWhatItCannotTrustWithAReason(String body, String reason) {
    assertThatThrownBy(() -> codec.decode(body))
        .isInstanceOf(MalformedCommandException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void aBrokenBodysReasonNamesWhereItBroke_neverWhatItSaid() {
    String body = "{\"version\":1,\"lead\":{\"email\":john.smith@acme.com, \"phone\":+1 555 0100}}";

    assertThatThrownBy(() -> codec.decode(body))
        .isInstanceOf(MalformedCommandException.class)
        .hasMessageStartingWith("not JSON (line 1, column ")
        .hasMessageNotContaining("john")
        .hasMessageNotContaining("555");
  }

  @Test
  void refusesAnEmptyBody() {
    assertThatThrownBy(() -> codec.decode(" ")).isInstanceOf(MalformedCommandException.class);
  }

  @Test
  void roundTripsEveryCommandOnALead_eachNamedByItsType() {
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    List<CrmCommand> commands =
        List.of(
            new UpdateLeadStatus(
                "u1",
                "005A",
                "00Q000000000001AAA",
                "Maria García",
                "Open - Not Contacted",
                "Working - Contacted",
                Instant.parse("2026-02-01T10:00:00Z"),
                at),
            new UpdateLeadStatus(
                "u2", "005A", "00Q1", "Maria", null, "Working - Contacted", null, at),
            new LogCall(
                "c1",
                "005A",
                "00Q1",
                "Maria",
                "Call with Maria",
                "She said \"demo\" – next week",
                LocalDate.of(2026, 3, 1),
                at),
            new CreateTask(
                "t1", "005A", "00Q1", "Maria", "Send the proposal", LocalDate.of(2026, 3, 6), at));

    for (CrmCommand command : commands) {
      String json = codec.encode(command);
      assertThat(json).contains("\"type\":\"" + CommandCodec.typeOf(command) + "\"");
      assertThat(codec.decode(json)).isEqualTo(command);
    }
  }

  @Test
  void roundTripsACompleteTask_withAndWithoutTheVersionHeard() {
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    for (Instant heard : new Instant[] {at.minusSeconds(60), null}) {
      CompleteTask command =
          new CompleteTask("k1", "005A", "00T000000000001AAA", "Send the \"proposal\"", heard, at);
      String json = codec.encode(command);
      assertThat(json).contains("\"type\":\"CompleteTask\"").contains("\"task\":{");
      assertThat(codec.decode(json)).isEqualTo(command);
    }
  }

  @Test
  void refusesACompleteTaskWithoutItsTask() {
    String body =
        "{\"version\":1,\"type\":\"CompleteTask\",\"commandId\":\"k\",\"ownerId\":\"005A\","
            + "\"requestedAt\":\"2026-03-01T09:00:00Z\",\"task\":{\"subject\":\"x\"}}";

    assertThatThrownBy(() -> codec.decode(body))
        .isInstanceOf(MalformedCommandException.class)
        .hasMessageContaining("id");
  }

  @Test
  void decodesACreateLeadAsItWasWrittenBeforeTheFamilyGrew() {
    String v1 =
        """
        {"version":1,"type":"CreateLead","commandId":"cmd-1","ownerId":"005A",\
        "requestedAt":"2026-03-01T09:00:00Z","lead":{"lastName":"Smith","company":"Acme"}}\
        """;

    assertThat(codec.decode(v1))
        .isEqualTo(
            new CreateLead(
                "cmd-1",
                "005A",
                new NewLead(null, "Smith", "Acme", null, null),
                Instant.parse("2026-03-01T09:00:00Z")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"version\":1,\"type\":\"LogCall\",\"commandId\":\"c\",\"ownerId\":\"o\",\"requestedAt\":\"2026-01-01T00:00:00Z\",\"lead\":{\"id\":\"00Q1\",\"name\":\"M\"},\"subject\":\"s\",\"notes\":\" \",\"callDate\":\"2026-01-01\"}|blank notes",
        "{\"version\":1,\"type\":\"CreateTask\",\"commandId\":\"c\",\"ownerId\":\"o\",\"requestedAt\":\"2026-01-01T00:00:00Z\",\"lead\":{\"id\":\"00Q1\",\"name\":\"M\"},\"subject\":\"s\",\"dueDate\":\"friday\"}|dueDate is not an ISO-8601 date",
        "{\"version\":1,\"type\":\"UpdateLeadStatus\",\"commandId\":\"c\",\"ownerId\":\"o\",\"requestedAt\":\"2026-01-01T00:00:00Z\",\"lead\":{\"name\":\"M\"},\"toStatus\":\"x\"}|missing id",
      })
  void refusesABrokenCommandOnALead(String body, String reason) {
    assertThatThrownBy(() -> codec.decode(body))
        .isInstanceOf(MalformedCommandException.class)
        .hasMessageContaining(reason);
  }
}
