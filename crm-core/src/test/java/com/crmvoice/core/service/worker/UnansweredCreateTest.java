package com.crmvoice.core.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.service.worker.CommandProcessor.BatchResult;
import com.crmvoice.core.service.worker.CommandProcessor.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A create the CRM committed but never answered (a timeout after the commit): the outcome is
 * unknown until the lead is looked up by its external id, and the user must never hear "not
 * created" for a lead that exists, or they add it a second time.
 */
class UnansweredCreateTest {

  private static final String OWNER = "005000000000001AAA";
  private static final int MAX_RECEIVE_COUNT = 3;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
  private final Map<String, CrmCommand> wire = new HashMap<>();
  private final CommandProcessor processor =
      new CommandProcessor(
          this::decode,
          log,
          crm,
          new InMemoryLeadCache(),
          (body, reason) -> {},
          clock,
          Duration.ofSeconds(60),
          5,
          MAX_RECEIVE_COUNT);

  private CrmCommand decode(String body) {
    return wire.get(body);
  }

  private Message submit(String id, String last) {
    CreateLead command =
        new CreateLead(id, OWNER, new NewLead("Ada", last, "Acme", null, null), clock.instant());
    log.recordQueued(command, clock.instant());
    wire.put("body-" + id, command);
    return new Message("m-" + id, "body-" + id);
  }

  private static Message delivery(Message message, int receiveCount) {
    return new Message(message.messageId(), message.body(), receiveCount);
  }

  /** What a user does on hearing the lead was not created: add it again, as a new command. */
  private void userAddsItAgainIfToldItFailed(String commandId) {
    CommandRecord record = log.find(commandId).orElseThrow();
    if (record.state() == CommandState.FAILED) {
      Message again = submit(commandId + "-again", "Stalled");
      processor.process(List.of(again));
    }
  }

  @Test
  void aCommittedCreateThatTimesOutOnEveryDeliveryIsDone_andTheUserDoesNotAddItTwice() {
    crm.commitThenTimeout(1000);
    Message m = submit("c1", "Stalled");

    BatchResult last = null;
    for (int receive = 1; receive <= MAX_RECEIVE_COUNT; receive++) {
      last = processor.process(List.of(delivery(m, receive)));
      if (last.failedMessageIds().isEmpty()) {
        break;
      }
    }
    crm.commitThenTimeout(0);
    userAddsItAgainIfToldItFailed("c1");

    assertThat(last.failedMessageIds()).isEmpty();
    assertThat(last.created()).isEqualTo(1);
    assertThat(crm.allLeads()).extracting(Lead::lastName).containsExactly("Stalled");
    assertThat(log.find("c1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.DONE);
              assertThat(r.status().crmId()).isEqualTo(crm.allLeads().get(0).id());
            });
  }

  @Test
  void aTimeoutOnTheFirstDeliveryIsResolvedByTheLookupWithoutARedelivery() {
    crm.commitThenTimeout(1);

    BatchResult result = processor.process(List.of(submit("c1", "A"), submit("c2", "B")));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(result.created()).isEqualTo(2);
    assertThat(crm.calls("createLeads")).isEqualTo(1);
    assertThat(crm.calls("findLeadByExternalId")).isEqualTo(2);
    assertThat(log.all()).allSatisfy(r -> assertThat(r.state()).isEqualTo(CommandState.DONE));
  }

  @Test
  void anUnansweredCreateTheCrmDidNotCommitIsRetried() {
    crm.overrideCreates(
        r -> {
          throw new com.crmvoice.core.port.CrmUnavailableException("TIMEOUT", "no answer");
        });
    Message m = submit("c1", "Lost");

    BatchResult result = processor.process(List.of(m));

    assertThat(result.failedMessageIds()).containsExactly("m-c1");
    assertThat(result.retried()).isEqualTo(1);
    assertThat(log.find("c1"))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.QUEUED));
    assertThat(log.lastError("c1")).hasValue("TIMEOUT");
  }

  @Test
  void whenTheLookupFailsToo_theLastDeliveryRecordsOutcomeUnknown_notNotCreated() {
    crm.commitThenTimeout(1);
    crm.lookupsFailing(true);
    Message m = submit("c1", "Unknown");

    BatchResult result = processor.process(List.of(delivery(m, MAX_RECEIVE_COUNT)));

    assertThat(result.failedMessageIds()).containsExactly("m-c1");
    assertThat(result.gaveUp()).isEqualTo(1);
    assertThat(log.find("c1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.status().retryable()).isTrue();
              assertThat(r.status().failureCode()).isEqualTo(FailureReasons.OUTCOME_UNKNOWN);
              assertThat(r.status().failureReason()).isEqualTo(FailureReasons.OUTCOME_UNKNOWN);
            });
  }

  @Test
  void whenTheLookupFailsBeforeTheLastDelivery_theCommandIsQueuedForTheNextOne() {
    crm.commitThenTimeout(1);
    crm.lookupsFailing(true);
    Message m = submit("c1", "Later");

    BatchResult first = processor.process(List.of(delivery(m, 1)));
    crm.lookupsFailing(false);
    BatchResult second = processor.process(List.of(delivery(m, 2)));

    assertThat(first.retried()).isEqualTo(1);
    assertThat(second.created()).isEqualTo(1);
    assertThat(crm.allLeads()).hasSize(1);
    assertThat(log.find("c1"))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.DONE));
  }
}
