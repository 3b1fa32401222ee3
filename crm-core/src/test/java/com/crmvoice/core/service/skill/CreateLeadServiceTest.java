package com.crmvoice.core.service.skill;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCommandQueue;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.service.skill.CommandSubmitter.Submission;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CreateLeadServiceTest {

  private static final String OWNER = "005ALICE0000001AAA";
  private static final String REQUEST = "amzn1.echo-api.request.1111";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryCommandQueue queue = new InMemoryCommandQueue();
  private final CreateLeadService service = new CreateLeadService(log, queue, clock);
  private final NewLead lead = new NewLead("John", "Smith", "Acme", "john@acme.com", null);

  @Test
  void recordsQueuedAndSendsOnce_withAnIdFromTheRequestId() {
    Submission submission = service.submit(REQUEST, OWNER, lead);

    String expectedId = CommandIds.fromRequestId("CreateLead", REQUEST);
    assertThat(submission).isInstanceOf(Submission.Queued.class);
    assertThat(queue.sent()).hasSize(1);
    assertThat(queue.sent().get(0).commandId()).isEqualTo(expectedId);
    assertThat(log.find(expectedId).orElseThrow().state()).isEqualTo(CommandState.QUEUED);
  }

  @Test
  void aRetriedRequestQueuesNothingMore() {
    service.submit(REQUEST, OWNER, lead);

    Submission again = service.submit(REQUEST, OWNER, lead);

    assertThat(again).isInstanceOf(Submission.AlreadyQueued.class);
    assertThat(queue.sent()).hasSize(1);
    assertThat(log.all()).hasSize(1);
  }

  @Test
  void aRetryFindingTheCommandNeverSentAndNeverClaimed_sendsItAgain() {
    String commandId = CommandIds.fromRequestId("CreateLead", REQUEST);
    // The first attempt recorded the command and died before the send.
    log.recordQueued(new CreateLead(commandId, OWNER, lead, clock.instant()), clock.instant());
    clock.advance(CreateLeadService.RESEND_GRACE.plusSeconds(1));

    Submission again = service.submit(REQUEST, OWNER, lead);

    assertThat(again).isInstanceOf(Submission.AlreadyQueued.class);
    assertThat(queue.sent())
        .singleElement()
        .satisfies(c -> assertThat(c.commandId()).isEqualTo(commandId));
    assertThat(log.all()).hasSize(1);
  }

  @Test
  void aRetryOfACommandAWorkerHasClaimed_sendsNothing() {
    service.submit(REQUEST, OWNER, lead);
    String commandId = CommandIds.fromRequestId("CreateLead", REQUEST);
    log.claim(log.find(commandId).orElseThrow().command(), clock.instant(), Duration.ofSeconds(30));
    clock.advance(CreateLeadService.RESEND_GRACE.plusSeconds(1));

    service.submit(REQUEST, OWNER, lead);

    assertThat(queue.sent()).hasSize(1);
  }

  @Test
  void aRetryAfterTheQueueRefused_saysNotQueuedAgain() {
    queue.failing(true);
    service.submit(REQUEST, OWNER, lead);
    queue.failing(false);

    Submission again = service.submit(REQUEST, OWNER, lead);

    assertThat(again).isInstanceOf(Submission.NotQueued.class);
    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void aRefusingQueueLeavesTheCommandFailedWithAReason() {
    queue.failing(true);

    Submission submission = service.submit(REQUEST, OWNER, lead);

    assertThat(submission).isInstanceOf(Submission.NotQueued.class);
    var record = log.find(CommandIds.fromRequestId("CreateLead", REQUEST)).orElseThrow();
    assertThat(record.state()).isEqualTo(CommandState.FAILED);
    assertThat(record.status().failureCode()).isEqualTo(CreateLeadService.QUEUE_UNAVAILABLE);
  }

  @Test
  void differentRequestsMakeDifferentCommands() {
    assertThat(CommandIds.fromRequestId("CreateLead", "a"))
        .isNotEqualTo(CommandIds.fromRequestId("CreateLead", "b"))
        .isEqualTo(CommandIds.fromRequestId("CreateLead", "a"));
  }
}
