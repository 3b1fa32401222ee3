package com.crmvoice.core.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.service.worker.CommandProcessor.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The command log keeps reason codes, never sentences, for every command type and every way a
 * command fails: rejected by the CRM (with or without its own code), set aside after Salesforce
 * stayed unavailable, a create whose outcome is unknown. The skill says each code in the user's
 * language.
 */
class RecordedReasonsAreCodesTest {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final String OWNER = "005000000000001AAA";
  private static final int MAX_RECEIVE_COUNT = 3;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
  private final Map<String, CrmCommand> wire = new HashMap<>();
  private final CommandProcessor processor =
      new CommandProcessor(
          wire::get,
          log,
          crm,
          new InMemoryLeadCache(),
          (body, reason) -> {},
          clock,
          Duration.ofSeconds(60),
          5,
          MAX_RECEIVE_COUNT);
  private final List<String> ids = new ArrayList<>();
  private final Lead maria =
      new Lead(
          "00Q000000000001AAA",
          OWNER,
          "Maria",
          "Garcia",
          "Northwind",
          null,
          null,
          "Open - Not Contacted",
          Instant.parse("2026-01-01T00:00:00Z"));

  private Message queued(CrmCommand command, int receiveCount) {
    log.recordQueued(command, clock.instant());
    wire.put("body-" + command.commandId(), command);
    ids.add(command.commandId());
    return new Message("m-" + command.commandId(), "body-" + command.commandId(), receiveCount);
  }

  private CreateLead lead(String id, String last) {
    return new CreateLead(id, OWNER, new NewLead("Ada", last, "Acme", null, null), clock.instant());
  }

  private UpdateLeadStatus status(String id, String leadId, Instant heard) {
    return new UpdateLeadStatus(
        id,
        OWNER,
        leadId,
        "Maria Garcia",
        "Open - Not Contacted",
        "Working - Contacted",
        heard,
        clock.instant());
  }

  private LogCall call(String id, String leadId) {
    return new LogCall(
        id,
        OWNER,
        leadId,
        "Maria Garcia",
        "Call with Maria Garcia",
        "wants a demo",
        LocalDate.of(2026, 3, 1),
        clock.instant());
  }

  private CreateTask task(String id, String leadId) {
    return new CreateTask(
        id,
        OWNER,
        leadId,
        "Maria Garcia",
        "Send the proposal",
        LocalDate.of(2026, 3, 6),
        clock.instant());
  }

  private List<CommandRecord> failed() {
    return ids.stream()
        .map(id -> log.find(id).orElseThrow())
        .filter(r -> r.state() == CommandState.FAILED)
        .toList();
  }

  @Test
  void rejectionsOfEveryTypeRecordCodes() {
    crm.put(maria);
    crm.overrideCreates(
        r ->
            switch (r.lead().lastName()) {
              case "Rule" ->
                  new CreateResult.Rejected(
                      "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Annual revenue is required");
              case "Nameless" -> new CreateResult.Rejected(null, "refused");
              default -> new CreateResult.Rejected("INVALID_EMAIL_ADDRESS", "bad email");
            });

    processor.process(
        List.of(
            queued(lead("c-rule", "Rule"), 1),
            queued(lead("c-nameless", "Nameless"), 1),
            queued(lead("c-email", "Email"), 1),
            queued(status("s-changed", maria.id(), Instant.parse("2025-12-01T00:00:00Z")), 1),
            queued(call("l-missing", "00Q000000000099AAA"), 1),
            queued(task("t-missing", "00Q000000000099AAA"), 1)));

    assertThat(failed()).hasSize(6);
    assertThat(failed())
        .allSatisfy(r -> assertThat(r.status().failureReason()).matches(CODE))
        .extracting(r -> r.status().failureReason())
        .containsExactly(
            "FIELD_CUSTOM_VALIDATION_EXCEPTION",
            FailureReasons.CODE_REJECTED,
            "INVALID_EMAIL_ADDRESS",
            "LEAD_CHANGED",
            "INVALID_CROSS_REFERENCE_KEY",
            "INVALID_CROSS_REFERENCE_KEY");
  }

  @Test
  void commandsOfEveryTypeSetAsideOnTheLastDeliveryRecordCodes() {
    crm.put(maria);
    crm.failNextCalls(100);

    processor.process(
        List.of(
            queued(lead("c1", "Lovelace"), MAX_RECEIVE_COUNT),
            queued(status("s1", maria.id(), null), MAX_RECEIVE_COUNT),
            queued(call("l1", maria.id()), MAX_RECEIVE_COUNT),
            queued(task("t1", maria.id()), MAX_RECEIVE_COUNT)));

    assertThat(failed()).hasSize(4);
    assertThat(failed())
        .allSatisfy(
            r -> {
              assertThat(r.status().retryable()).isTrue();
              assertThat(r.status().failureReason()).isEqualTo(FailureReasons.CODE_UNAVAILABLE);
            });
  }

  @Test
  void aCreateWhoseOutcomeIsUnknownRecordsACode() {
    crm.commitThenTimeout(1);
    crm.lookupsFailing(true);

    processor.process(List.of(queued(lead("c1", "Lovelace"), MAX_RECEIVE_COUNT)));

    assertThat(failed())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status().failureCode()).isEqualTo(FailureReasons.OUTCOME_UNKNOWN);
              assertThat(r.status().failureReason()).isEqualTo(FailureReasons.OUTCOME_UNKNOWN);
            });
  }
}
