package com.crmvoice.core.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.PermanentException;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.DeadLetterQueue;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.service.worker.CommandProcessor.BatchResult;
import com.crmvoice.core.service.worker.CommandProcessor.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandProcessorTest {

  private static final String OWNER = "005000000000001AAA";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
  private final InMemoryLeadCache cache = new InMemoryLeadCache();
  private final List<String[]> parked = new ArrayList<>();
  private final DeadLetterQueue dlq = (body, reason) -> parked.add(new String[] {body, reason});
  private final Map<String, CrmCommand> wire = new HashMap<>();
  private static final int MAX_RECEIVE_COUNT = 3;
  private final CommandProcessor processor =
      new CommandProcessor(
          this::decode, log, crm, cache, dlq, clock, Duration.ofSeconds(60), 5, MAX_RECEIVE_COUNT);

  private CrmCommand decode(String body) {
    CrmCommand command = wire.get(body);
    if (command == null) {
      throw new PermanentException("unknown command type 'x'") {
        private static final long serialVersionUID = 1L;
      };
    }
    return command;
  }

  private Message message(String id, String last) {
    CreateLead command =
        new CreateLead(id, OWNER, new NewLead("Ada", last, "Acme", null, null), clock.instant());
    wire.put("body-" + id, command);
    return new Message("m-" + id, "body-" + id);
  }

  /** The same message as SQS delivers it for the {@code receiveCount}-th time. */
  private static Message delivery(Message message, int receiveCount) {
    return new Message(message.messageId(), message.body(), receiveCount);
  }

  @Test
  void createsEachClaimedCommandOnceAndRecordsDone() {
    BatchResult result = processor.process(List.of(message("c1", "One"), message("c2", "Two")));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(result.created()).isEqualTo(2);
    assertThat(crm.calls("createLeads")).isEqualTo(1);
    assertThat(crm.allLeads()).extracting(Lead::lastName).containsExactlyInAnyOrder("One", "Two");
    assertThat(log.find("c1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.DONE);
              assertThat(r.status().crmId()).startsWith("00Q");
            });
  }

  @Test
  void aDoneCommandIsAcknowledgedWithoutTouchingTheCrm() {
    Message first = message("c1", "One");
    processor.process(List.of(first));

    BatchResult again = processor.process(List.of(first));

    assertThat(again.failedMessageIds()).isEmpty();
    assertThat(again.skipped()).isEqualTo(1);
    assertThat(crm.calls("createLeads")).isEqualTo(1);
    assertThat(crm.allLeads()).hasSize(1);
  }

  @Test
  void theSameCommandTwiceInOneBatchIsCreatedOnceAndTheTwinRetriedLater() {
    Message m = message("c1", "Twin");
    Message twin = new Message("m-twin", m.body());

    BatchResult result = processor.process(List.of(m, twin));

    assertThat(crm.allLeads()).hasSize(1);
    assertThat(result.failedMessageIds()).containsExactly("m-twin");
    assertThat(processor.process(List.of(twin)).skipped()).isEqualTo(1);
  }

  @Test
  void aPoisonMessageIsParkedWithItsReasonAndNotRetried() {
    BatchResult result =
        processor.process(List.of(new Message("m-bad", "garbage"), message("c1", "Fine")));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(result.poisoned()).isEqualTo(1);
    assertThat(parked).hasSize(1);
    assertThat(parked.get(0)[0]).isEqualTo("garbage");
    assertThat(parked.get(0)[1]).contains("unknown command type");
    assertThat(result.created()).isEqualTo(1);
  }

  @Test
  void aRejectedLeadIsFailedWithAReasonAPersonUnderstandsAndAcknowledged() {
    crm.overrideCreates(
        r -> new CreateResult.Rejected("INVALID_EMAIL_ADDRESS", "Email: invalid email address: x"));

    BatchResult result = processor.process(List.of(message("c1", "Bad")));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(log.find("c1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.status().failureCode()).isEqualTo("INVALID_EMAIL_ADDRESS");
              // A code, never a sentence: the skill says it in the user's language.
              assertThat(r.status().failureReason()).isEqualTo("INVALID_EMAIL_ADDRESS");
            });
  }

  @Test
  void aRetryableRecordIsReleasedAndReportedForRedelivery() {
    crm.overrideCreates(
        r ->
            r.lead().lastName().equals("Locked")
                ? new CreateResult.Retryable("UNABLE_TO_LOCK_ROW", "locked")
                : null);

    BatchResult result = processor.process(List.of(message("c1", "Locked"), message("c2", "Free")));

    assertThat(result.failedMessageIds()).containsExactly("m-c1");
    assertThat(log.find("c1"))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.QUEUED));
    assertThat(log.lastError("c1")).contains("UNABLE_TO_LOCK_ROW");
    assertThat(log.find("c2"))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.DONE));
  }

  @Test
  void anUnavailableCrmReleasesTheWholeBatch() {
    crm.failNextCalls(1);

    BatchResult result = processor.process(List.of(message("c1", "A"), message("c2", "B")));

    assertThat(result.failedMessageIds()).containsExactly("m-c1", "m-c2");
    assertThat(log.all()).allSatisfy(r -> assertThat(r.state()).isEqualTo(CommandState.QUEUED));
    assertThat(processor.process(List.of(message("c1", "A"), message("c2", "B"))).created())
        .isEqualTo(2);
  }

  @Test
  void aRetryableRecordBeforeTheLastDeliveryIsReleasedToQueued() {
    crm.overrideCreates(r -> new CreateResult.Retryable("UNABLE_TO_LOCK_ROW", "locked"));
    Message m = message("c1", "Locked");

    for (int receive = 1; receive < MAX_RECEIVE_COUNT; receive++) {
      BatchResult result = processor.process(List.of(delivery(m, receive)));

      assertThat(result.failedMessageIds()).containsExactly("m-c1");
      assertThat(result.retried()).isEqualTo(1);
      assertThat(result.gaveUp()).isZero();
      assertThat(log.find("c1"))
          .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.QUEUED));
    }
  }

  @Test
  void aRetryableRecordOnTheLastDeliveryIsFailedRetryableWithAReasonAndStillReportedFailed() {
    crm.overrideCreates(
        r ->
            r.lead().lastName().equals("Locked")
                ? new CreateResult.Retryable("UNABLE_TO_LOCK_ROW", "locked")
                : null);

    BatchResult result =
        processor.process(
            List.of(
                delivery(message("c1", "Locked"), MAX_RECEIVE_COUNT),
                delivery(message("c2", "Free"), MAX_RECEIVE_COUNT)));

    assertThat(result.failedMessageIds()).containsExactly("m-c1");
    assertThat(result.gaveUp()).isEqualTo(1);
    assertThat(result.retried()).isZero();
    assertThat(log.find("c1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.status().retryable()).isTrue();
              assertThat(r.status().failureCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
              assertThat(r.status().failureReason()).isEqualTo(FailureReasons.CODE_UNAVAILABLE);
            });
    assertThat(log.find("c2"))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.DONE));
  }

  @Test
  void anUnavailableCrmOnTheLastDeliveryGivesUpOnlyTheMessagesThatReachedIt() {
    crm.failNextCalls(1);

    BatchResult result =
        processor.process(
            List.of(
                delivery(message("c1", "A"), MAX_RECEIVE_COUNT + 1),
                delivery(message("c2", "B"), MAX_RECEIVE_COUNT - 1)));

    assertThat(result.failedMessageIds()).containsExactly("m-c1", "m-c2");
    assertThat(result.gaveUp()).isEqualTo(1);
    assertThat(result.retried()).isEqualTo(1);
    assertThat(log.find("c1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.status().retryable()).isTrue();
              assertThat(r.status().failureReason()).isEqualTo(FailureReasons.CODE_UNAVAILABLE);
            });
    assertThat(log.find("c2"))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.QUEUED));
  }

  @Test
  void aWholeCallRefusedOnTheLastDeliveryIsFailedRetryableNotRejected() {
    crm.overrideCreates(
        r -> {
          throw new CrmRejectedException("INVALID_SESSION_ID", "no session");
        });

    BatchResult result =
        processor.process(List.of(delivery(message("c1", "A"), MAX_RECEIVE_COUNT)));

    assertThat(result.failedMessageIds()).containsExactly("m-c1");
    assertThat(result.gaveUp()).isEqualTo(1);
    assertThat(log.find("c1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.status().retryable()).isTrue();
              assertThat(r.status().failureCode()).isEqualTo("INVALID_SESSION_ID");
              assertThat(r.status().failureReason()).isEqualTo(FailureReasons.CODE_REFUSED);
            });
  }

  @Test
  void aCommandGivenUpOnIsCreatedOnceWhenItsMessageIsRedriven() {
    crm.failNextCalls(1);
    Message m = message("c1", "Redriven");
    processor.process(List.of(delivery(m, MAX_RECEIVE_COUNT)));

    // An administrator redrives the message: SQS delivers it as new (receive count 1).
    BatchResult redriven = processor.process(List.of(delivery(m, 1)));

    assertThat(redriven.failedMessageIds()).isEmpty();
    assertThat(redriven.created()).isEqualTo(1);
    assertThat(crm.allLeads()).extracting(Lead::lastName).containsExactly("Redriven");
    assertThat(log.find("c1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.DONE);
              assertThat(r.attempts()).isEqualTo(2);
            });
    assertThat(processor.process(List.of(delivery(m, 2))).skipped()).isEqualTo(1);
    assertThat(crm.allLeads()).hasSize(1);
  }

  @Test
  void aRejectedCommandIsNotRetriedWhenItsMessageArrivesAgain() {
    crm.overrideCreates(r -> new CreateResult.Rejected("STRING_TOO_LONG", "too long"));
    Message m = message("c1", "Long");
    processor.process(List.of(m));
    crm.overrideCreates(r -> null);

    BatchResult again = processor.process(List.of(delivery(m, 2)));

    assertThat(again.skipped()).isEqualTo(1);
    assertThat(crm.allLeads()).isEmpty();
    assertThat(log.find("c1"))
        .hasValueSatisfying(r -> assertThat(r.status().retryable()).isFalse());
  }

  @Test
  void aCommandHeldByALiveLeaseIsLeftForLater() {
    Message m = message("c1", "Held");
    log.claim(wire.get(m.body()), clock.instant(), Duration.ofMinutes(5));

    BatchResult result = processor.process(List.of(m));

    assertThat(result.failedMessageIds()).containsExactly("m-c1");
    assertThat(crm.calls("createLeads")).isZero();
  }

  @Test
  void aCreatedLeadJoinsItsOwnersCacheWhenThereIsRoom() {
    cache.replaceOwnerLeads(OWNER, List.of(), LeadDigest.EMPTY, clock.instant());

    processor.process(List.of(message("c1", "Cached")));

    assertThat(cache.topLeads(OWNER, 5))
        .isInstanceOfSatisfying(
            LeadCache.Snapshot.Known.class,
            k -> assertThat(k.leads()).extracting(Lead::lastName).containsExactly("Cached"));
  }

  @Test
  void withTheLogWrittenForSeveralOwnersAtOnceTheBatchSettlesAsOneAfterAnother() {
    CommandProcessor parallel =
        new CommandProcessor(
                this::decode,
                log,
                crm,
                cache,
                dlq,
                clock,
                Duration.ofSeconds(60),
                5,
                MAX_RECEIVE_COUNT)
            .withLogConcurrency(4);
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String owner = String.format("005%012dAAA", i % 4);
      cache.replaceOwnerLeads(owner, List.of(), LeadDigest.EMPTY, clock.instant());
      CreateLead command =
          new CreateLead(
              "p" + i, owner, new NewLead("Ada", "Par" + i, "Acme", null, null), clock.instant());
      wire.put("body-p" + i, command);
      batch.add(new Message("m-p" + i, "body-p" + i));
    }
    batch.add(new Message("m-twin", "body-p3"));
    batch.add(new Message("m-poison", "no such body"));

    BatchResult result = parallel.process(batch);

    assertThat(result.created()).isEqualTo(12);
    assertThat(result.poisoned()).isEqualTo(1);
    assertThat(result.failedMessageIds()).containsExactly("m-twin");
    assertThat(crm.calls("createLeads")).isEqualTo(1);
    assertThat(crm.allLeads()).hasSize(12);
    for (int i = 0; i < 12; i++) {
      assertThat(log.find("p" + i))
          .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(CommandState.DONE));
    }
    for (int o = 0; o < 4; o++) {
      assertThat(cache.topLeads(String.format("005%012dAAA", o), 5))
          .isInstanceOfSatisfying(
              LeadCache.Snapshot.Known.class, k -> assertThat(k.leads()).hasSize(3));
    }
  }
}
