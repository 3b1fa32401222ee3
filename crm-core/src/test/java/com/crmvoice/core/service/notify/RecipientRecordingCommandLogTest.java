package com.crmvoice.core.service.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCommandQueue;
import com.crmvoice.core.fakes.InMemoryNotificationLog;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.NotificationLog.Claim;
import com.crmvoice.core.service.skill.CommandSubmitter.Submission;
import com.crmvoice.core.service.skill.CreateLeadService;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecipientRecordingCommandLogTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Recipient ADA = new Recipient("amzn1.ask.account.ADA", "de-DE", "EU");
  private static final Recipient EVE = new Recipient("amzn1.ask.account.EVE", "en-US", "NA");
  private static final NewLead LEAD = new NewLead("Ada", "Lovelace", "Acme", null, null);

  private final InMemoryCommandLog commands = new InMemoryCommandLog();
  private final InMemoryNotificationLog notifications = new InMemoryNotificationLog(commands);
  private final AtomicReference<Recipient> speaking = new AtomicReference<>();
  private final CreateLeadService service =
      new CreateLeadService(
          new RecipientRecordingCommandLog(
              commands, notifications, () -> Optional.ofNullable(speaking.get())),
          new InMemoryCommandQueue(),
          new MutableClock(T0));

  @Test
  void aQueuedCommandRecordsTheUserWhoGaveIt() {
    speaking.set(ADA);

    Submission submission = service.submit("req-1", "005OWNER", LEAD);

    String id = ((Submission.Queued) submission).command().commandId();
    assertThat(notifications.claim(id, T0, Duration.ofSeconds(30)))
        .isEqualTo(new Claim.Claimed(ADA));
  }

  @Test
  void aRetriedRequestFromAnotherUser_doesNotTakeOverTheCommand() {
    speaking.set(ADA);
    String id =
        ((Submission.Queued) service.submit("req-1", "005OWNER", LEAD)).command().commandId();

    speaking.set(EVE);
    service.submit("req-1", "005OWNER", LEAD);

    assertThat(notifications.claim(id, T0, Duration.ofSeconds(30)))
        .isEqualTo(new Claim.Claimed(ADA));
  }

  @Test
  void withoutAUser_noRecipientIsRecorded() {
    String id =
        ((Submission.Queued) service.submit("req-1", "005OWNER", LEAD)).command().commandId();

    assertThat(notifications.claim(id, T0, Duration.ofSeconds(30)))
        .isInstanceOf(Claim.NoRecipient.class);
  }
}
