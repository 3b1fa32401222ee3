package com.crmvoice.core.service.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.Notice;
import com.crmvoice.core.domain.PermanentException;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryNotificationLog;
import com.crmvoice.core.fakes.InMemoryNotificationQueue;
import com.crmvoice.core.fakes.InMemoryNotifier;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.service.notify.NotificationSender.BatchResult;
import com.crmvoice.core.service.notify.NotificationSender.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationSenderTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Recipient ADA = new Recipient("amzn1.ask.account.ADA", "de-DE", "EU");
  private static final int MAX_RECEIVES = 3;

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryCommandLog commands = new InMemoryCommandLog();
  private final InMemoryNotificationLog notifications = new InMemoryNotificationLog(commands);
  private final InMemoryNotificationQueue queue = new InMemoryNotificationQueue();
  private final NotifyingCommandLog workerLog = new NotifyingCommandLog(commands, queue);
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final NotificationSender sender =
      new NotificationSender(
          body -> {
            if (!body.startsWith("job:")) {
              throw new PermanentException("malformed") {};
            }
            return body.substring(4);
          },
          commands,
          notifications,
          notifier,
          clock,
          Duration.ofSeconds(60),
          MAX_RECEIVES);

  private CreateLead queuedCommand(String id, Recipient recipient) {
    CreateLead command =
        new CreateLead(id, "005OWNER", new NewLead("Ada", "Lovelace", "Acme", null, null), T0);
    commands.recordQueued(command, T0);
    if (recipient != null) {
      notifications.recordRecipient(id, recipient);
    }
    return command;
  }

  private void failedByWorker(CreateLead command) {
    commands.claim(command, T0, Duration.ofSeconds(60));
    workerLog.markFailed(command.commandId(), "DUPLICATES_DETECTED", "exists", T0);
  }

  private static Job job(String commandId, int receiveCount) {
    return new Job("m-" + commandId + "-" + receiveCount, "job:" + commandId, receiveCount);
  }

  @Test
  void aFailedCommandQueuesOneJob_andSendsOneNoticeToItsOwner() {
    CreateLead command = queuedCommand("c1", ADA);
    queuedCommand("c2", new Recipient("amzn1.ask.account.BOB", "en-US", "NA"));

    failedByWorker(command);

    assertThat(queue.sent()).containsExactly("c1");
    BatchResult result = sender.process(List.of(job("c1", 1)));
    assertThat(result.sent()).isEqualTo(1);
    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(notifier.sent())
        .containsExactly(
            new Notice("crmvoice-command-c1", ADA, "DUPLICATES_DETECTED", "Ada Lovelace"));
  }

  @Test
  void aDoneCommandQueuesNoJob() {
    CreateLead command = queuedCommand("c1", ADA);
    commands.claim(command, T0, Duration.ofSeconds(60));

    workerLog.markDone("c1", "00Q1", T0);

    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void aRedeliveredJob_doesNotNotifyTwice() {
    failedByWorker(queuedCommand("c1", ADA));

    sender.process(List.of(job("c1", 1)));
    BatchResult again = sender.process(List.of(job("c1", 2), job("c1", 1)));

    assertThat(notifier.sent()).hasSize(1);
    assertThat(again.skipped()).isEqualTo(2);
    assertThat(again.failedMessageIds()).isEmpty();
  }

  @Test
  void anUnavailableService_isRetried_thenSentOnce() {
    failedByWorker(queuedCommand("c1", ADA));
    notifier.mode(InMemoryNotifier.Mode.UNAVAILABLE);

    BatchResult first = sender.process(List.of(job("c1", 1)));
    notifier.mode(InMemoryNotifier.Mode.ACCEPT);
    BatchResult second = sender.process(List.of(job("c1", 2)));

    assertThat(first.failedMessageIds()).containsExactly("m-c1-1");
    assertThat(second.sent()).isEqualTo(1);
    assertThat(notifier.sent()).hasSize(1);
  }

  @Test
  void aPermanentRejection_isDropped_andNeverRetried() {
    failedByWorker(queuedCommand("c1", ADA));
    notifier.mode(InMemoryNotifier.Mode.REJECT);

    BatchResult first = sender.process(List.of(job("c1", 1)));
    notifier.mode(InMemoryNotifier.Mode.ACCEPT);
    BatchResult redelivered = sender.process(List.of(job("c1", 2)));

    assertThat(first.dropped()).isEqualTo(1);
    assertThat(first.failedMessageIds()).isEmpty();
    assertThat(redelivered.skipped()).isEqualTo(1);
    assertThat(notifier.sent()).isEmpty();
  }

  @Test
  void aCommandWithoutRecipient_isRetriedUntilTheLastDelivery_thenDropped() {
    failedByWorker(queuedCommand("c1", null));

    BatchResult early = sender.process(List.of(job("c1", 1)));
    BatchResult last = sender.process(List.of(job("c1", MAX_RECEIVES)));

    assertThat(early.failedMessageIds()).containsExactly("m-c1-1");
    assertThat(last.dropped()).isEqualTo(1);
    assertThat(last.failedMessageIds()).isEmpty();
    assertThat(notifier.sent()).isEmpty();
  }

  @Test
  void aRecipientRecordedAfterTheFailure_isNotifiedOnTheRetry() {
    CreateLead command = queuedCommand("c1", null);
    failedByWorker(command);
    sender.process(List.of(job("c1", 1)));

    notifications.recordRecipient("c1", ADA);
    sender.process(List.of(job("c1", 2)));

    assertThat(notifier.sent()).extracting(Notice::recipient).containsExactly(ADA);
  }

  @Test
  void aMalformedJob_isDropped() {
    BatchResult result = sender.process(List.of(new Job("m-x", "garbage", 1)));

    assertThat(result.dropped()).isEqualTo(1);
    assertThat(result.failedMessageIds()).isEmpty();
  }

  @Test
  void aJobForACommandNoLongerFailed_isSkipped() {
    CreateLead command = queuedCommand("c1", ADA);
    commands.claim(command, T0, Duration.ofSeconds(60));
    commands.markDone("c1", "00Q1", T0);

    BatchResult result = sender.process(List.of(job("c1", 1)));

    assertThat(result.skipped()).isEqualTo(1);
    assertThat(notifier.sent()).isEmpty();
  }

  @Test
  void aQueueThatRefusesTheJob_stillLetsTheFailureBeRecorded() {
    CreateLead command = queuedCommand("c1", ADA);
    queue.failing(true);

    failedByWorker(command);

    assertThat(commands.find("c1").orElseThrow().state().name()).isEqualTo("FAILED");
    assertThat(queue.sent()).isEmpty();
  }
}
