package com.crmvoice.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.NotificationLog;
import com.crmvoice.core.port.NotificationLog.Claim;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link NotificationLog} promises; the fake and each adapter run the same tests. */
public abstract class NotificationLogContract {

  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Recipient ADA = new Recipient("amzn1.ask.account.ADA", "de-DE", "EU");

  /** A fresh command log and the notification log beside it (for adapters, a fresh table). */
  public record Logs(CommandLog commands, NotificationLog notifications) {}

  protected abstract Logs newLogs();

  private CommandLog commands;
  private NotificationLog log;
  private String id;

  @BeforeEach
  void setUp() {
    Logs logs = newLogs();
    commands = logs.commands();
    log = logs.notifications();
    id = UUID.randomUUID().toString();
  }

  private void queued() {
    commands.recordQueued(
        new CreateLead(id, "005OWNER", new NewLead("Ada", "Lovelace", "Acme", null, null), T0), T0);
  }

  @Test
  void recordsNoRecipient_forACommandItDoesNotKnow() {
    assertThat(log.recordRecipient(id, ADA)).isFalse();
    assertThat(log.claim(id, T0, LEASE)).isInstanceOf(Claim.NoRecipient.class);
  }

  @Test
  void claimsTheRecordedRecipient_once_whileTheLeaseLives() {
    queued();
    assertThat(log.recordRecipient(id, ADA)).isTrue();

    assertThat(log.claim(id, T0, LEASE)).isEqualTo(new Claim.Claimed(ADA));
    assertThat(log.claim(id, T0.plusSeconds(1), LEASE)).isInstanceOf(Claim.HeldElsewhere.class);
    assertThat(log.claim(id, T0.plus(LEASE).plusSeconds(1), LEASE))
        .isEqualTo(new Claim.Claimed(ADA));
  }

  @Test
  void neverClaimsAgain_onceNotified() {
    queued();
    log.recordRecipient(id, ADA);
    log.claim(id, T0, LEASE);

    log.markNotified(id, T0.plusSeconds(1));

    assertThat(log.claim(id, T0.plus(Duration.ofHours(1)), LEASE))
        .isInstanceOf(Claim.AlreadyNotified.class);
  }

  @Test
  void releaseLetsTheNextJobClaimAtOnce() {
    queued();
    log.recordRecipient(id, ADA);
    log.claim(id, T0, LEASE);

    log.release(id);

    assertThat(log.claim(id, T0.plusSeconds(1), LEASE)).isEqualTo(new Claim.Claimed(ADA));
  }

  @Test
  void keepsTheRecipient_throughTheCommandsTransitions() {
    queued();
    log.recordRecipient(id, ADA);
    CreateLead command =
        new CreateLead(id, "005OWNER", new NewLead("Ada", "Lovelace", "Acme", null, null), T0);
    commands.claim(command, T0, LEASE);
    commands.markFailed(id, "DUPLICATES_DETECTED", "exists", T0.plusSeconds(1));

    assertThat(log.claim(id, T0.plusSeconds(2), LEASE)).isEqualTo(new Claim.Claimed(ADA));
  }

  @Test
  void asksForConsentOncePerUser() {
    assertThat(log.markConsentAsked("amzn1.ask.account.ADA")).isTrue();
    assertThat(log.markConsentAsked("amzn1.ask.account.ADA")).isFalse();
    assertThat(log.markConsentAsked("amzn1.ask.account.BOB")).isTrue();
  }
}
