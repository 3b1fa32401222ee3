package com.crmvoice.core.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.LeadCache.Snapshot;
import com.crmvoice.core.service.worker.CommandProcessor.BatchResult;
import com.crmvoice.core.service.worker.CommandProcessor.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's dispatch of the commands on an existing lead: status, call, follow-up. */
class CommandProcessorActivitiesTest {

  private static final String OWNER = "005000000000001AAA";
  private static final Set<String> CLOSED = Set.of("Closed - Converted", "Closed - Not Converted");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
  private final InMemoryLeadCache cache = new InMemoryLeadCache();
  private final Map<String, CrmCommand> wire = new HashMap<>();
  private final CommandProcessor processor =
      new CommandProcessor(
          wire::get,
          log,
          crm,
          cache,
          (body, reason) -> {},
          clock,
          Duration.ofSeconds(60),
          5,
          3,
          CLOSED);
  private Lead maria;
  private Lead john;

  @BeforeEach
  void seed() {
    maria =
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
    john =
        new Lead(
            "00Q000000000002AAA",
            OWNER,
            "John",
            "Smith",
            "Contoso",
            null,
            null,
            "Open - Not Contacted",
            Instant.parse("2026-01-02T00:00:00Z"));
    crm.put(maria);
    crm.put(john);
    List<Lead> cached = List.of(maria, john);
    cache.replaceOwnerLeads(OWNER, cached, LeadDigest.of(cached), clock.instant());
    clock.advance(Duration.ofMinutes(1));
  }

  private Message message(CrmCommand command) {
    wire.put("body-" + command.commandId(), command);
    return new Message("m-" + command.commandId(), "body-" + command.commandId());
  }

  private UpdateLeadStatus status(String id, Lead lead, String to, Instant heard) {
    return new UpdateLeadStatus(
        id, OWNER, lead.id(), lead.fullName(), lead.status(), to, heard, clock.instant());
  }

  private LogCall call(String id, Lead lead) {
    return new LogCall(
        id,
        OWNER,
        lead.id(),
        lead.fullName(),
        "Call with " + lead.fullName(),
        "She wants a demo next week.",
        LocalDate.of(2026, 3, 1),
        clock.instant());
  }

  private CreateTask task(String id, Lead lead) {
    return new CreateTask(
        id,
        OWNER,
        lead.id(),
        lead.fullName(),
        "Send the proposal",
        LocalDate.of(2026, 3, 6),
        clock.instant());
  }

  @Test
  void dispatchesEachTypeInOneCallPerKindOfWrite() {
    BatchResult result =
        processor.process(
            List.of(
                message(call("c1", maria)),
                message(status("s1", maria, "Working - Contacted", crm.modifiedAt(maria.id()))),
                message(task("t1", john)),
                message(call("c2", john))));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(result.created()).isEqualTo(4);
    assertThat(crm.calls("createTasks")).isEqualTo(1);
    assertThat(crm.calls("updateLeadStatuses")).isEqualTo(1);
    assertThat(crm.tasks()).hasSize(3);
    assertThat(crm.tasks())
        .filteredOn(t -> t.request().completedCall())
        .extracting(t -> t.request().description())
        .containsOnly("She wants a demo next week.");
    assertThat(crm.tasks())
        .filteredOn(t -> !t.request().completedCall())
        .singleElement()
        .satisfies(t -> assertThat(t.request().activityDate()).isEqualTo("2026-03-06"));
    assertThat(crm.lead(maria.id()).status()).isEqualTo("Working - Contacted");
    assertThat(log.find("s1").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat(log.find("s1").orElseThrow().status().crmId()).isEqualTo(maria.id());
  }

  @Test
  void aRedeliveredCallLogOrFollowUpMakesNoSecondTask_evenWhenTheLogMissedTheFirstOutcome() {
    LogCall call = call("c1", maria);
    processor.process(List.of(message(call)));
    // As if the worker had died after the CRM call, before recording DONE: a log that never saw
    // the outcome claims the redelivered command afresh.
    InMemoryCommandLog freshLog = new InMemoryCommandLog();
    CommandProcessor again =
        new CommandProcessor(
            wire::get,
            freshLog,
            crm,
            cache,
            (b, r) -> {},
            clock,
            Duration.ofSeconds(60),
            5,
            3,
            CLOSED);

    BatchResult second = again.process(List.of(message(call)));

    assertThat(second.created()).isEqualTo(1);
    assertThat(crm.tasks()).hasSize(1);
    assertThat(freshLog.find("c1").orElseThrow().status().crmId())
        .isEqualTo(crm.tasks().get(0).id());
  }

  @Test
  void refusesAStatusChangeWhenTheLeadChangedSinceTheUserHeardIt_withAReasonCode() {
    Instant heard = crm.modifiedAt(maria.id());
    clock.advance(Duration.ofSeconds(5));
    crm.put(maria.withStatus("Working - Contacted")); // someone else, in Salesforce

    BatchResult result =
        processor.process(List.of(message(status("s1", maria, "Closed - Not Converted", heard))));

    assertThat(result.rejected()).isEqualTo(1);
    assertThat(crm.lead(maria.id()).status()).isEqualTo("Working - Contacted");
    assertThat(log.find("s1").orElseThrow().status())
        .satisfies(
            s -> {
              assertThat(s.failureCode()).isEqualTo(CrmGateway.LEAD_CHANGED);
              assertThat(s.failureReason()).isEqualTo(CrmGateway.LEAD_CHANGED);
            });
  }

  @Test
  void aRedeliveredStatusChangeIsDoneWithoutASecondWrite() {
    UpdateLeadStatus update =
        status("s1", maria, "Working - Contacted", crm.modifiedAt(maria.id()));
    processor.process(List.of(message(update)));
    Instant afterFirst = crm.modifiedAt(maria.id());
    clock.advance(Duration.ofSeconds(5));
    InMemoryCommandLog freshLog = new InMemoryCommandLog();
    CommandProcessor again =
        new CommandProcessor(
            wire::get,
            freshLog,
            crm,
            cache,
            (b, r) -> {},
            clock,
            Duration.ofSeconds(60),
            5,
            3,
            CLOSED);

    again.process(List.of(message(update)));

    assertThat(freshLog.find("s1").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat(crm.modifiedAt(maria.id())).isEqualTo(afterFirst);
  }

  @Test
  void writesTheNewStatusIntoTheOwnersCache_andDropsALeadSetToAClosedStatus() {
    processor.process(
        List.of(
            message(status("s1", maria, "Working - Contacted", crm.modifiedAt(maria.id()))),
            message(status("s2", john, "Closed - Not Converted", crm.modifiedAt(john.id())))));

    Snapshot.Known known = (Snapshot.Known) cache.topLeads(OWNER, 5);
    assertThat(known.leads()).extracting(Lead::id).containsExactly(maria.id());
    assertThat(known.leads().get(0).status()).isEqualTo("Working - Contacted");
    assertThat(known.leads().get(0).lastModifiedAt()).isEqualTo(crm.modifiedAt(maria.id()));
    assertThat(known.digest()).isEqualTo(LeadDigest.of(known.leads()));
  }

  @Test
  void skipsACancelledCommand_theCrmNeverSeesIt() {
    LogCall call = call("c1", maria);
    log.recordQueued(call, clock.instant());
    log.cancel("c1", OWNER, clock.instant());

    BatchResult result = processor.process(List.of(message(call)));

    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(crm.calls("createTasks")).isZero();
    assertThat(log.find("c1").orElseThrow().state()).isEqualTo(CommandState.CANCELLED);
  }

  @Test
  void aFailedTaskCallIsRetried_andGivenUpOnTheLastDeliveryWithACode() {
    crm.failNextCalls(1);
    Message first = message(task("t1", maria));

    BatchResult retried = processor.process(List.of(first));
    assertThat(retried.retried()).isEqualTo(1);
    assertThat(retried.failedMessageIds()).containsExactly(first.messageId());

    crm.failNextCalls(1);
    BatchResult last = processor.process(List.of(new Message(first.messageId(), first.body(), 3)));
    assertThat(last.gaveUp()).isEqualTo(1);
    assertThat(log.find("t1").orElseThrow().status())
        .satisfies(
            s -> {
              assertThat(s.retryable()).isTrue();
              assertThat(s.failureReason()).isEqualTo(FailureReasons.CODE_UNAVAILABLE);
            });
    assertThat(crm.tasks()).isEmpty();
  }
}
