package com.crmvoice.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandContent;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.CommandLog.Claim;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CommandLog} promises; the fake and each adapter run the same tests. */
public abstract class CommandLogContract {

  // Now, not a fixed date: stores with TTL (DynamoDB Local too) delete items whose ttl is past.
  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Duration LEASE = Duration.ofSeconds(60);

  private CommandLog log;
  private String owner;

  /** A fresh, empty log (for adapters, a fresh table). */
  protected abstract CommandLog newLog();

  /**
   * Lets the owner index catch up with the writes so far, before a test reads {@link
   * CommandLog#recentForOwner}. DynamoDB Local updates its indexes with the write, so adapters need
   * nothing; the fake's index lags until told.
   */
  protected void indexCatchesUp(CommandLog log) {}

  @BeforeEach
  void setUp() {
    log = newLog();
    owner = "005" + UUID.randomUUID().toString().substring(0, 8);
  }

  private CreateLead command(String id, int minute) {
    return new CreateLead(
        id,
        owner,
        new NewLead("Ada", "Lovelace", "Analytical", null, null),
        T0.plusSeconds(60L * minute));
  }

  @Test
  void recordsQueuedOnlyOnce() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);

    assertThat(log.recordQueued(cmd, T0)).isTrue();
    assertThat(log.recordQueued(cmd, T0.plusSeconds(1))).isFalse();
    assertThat(log.find(cmd.commandId()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.QUEUED);
              assertThat(r.command()).isEqualTo(cmd);
            });
  }

  @Test
  void claimLeasesAndASecondClaimIsHeldElsewhereUntilTheLeaseExpires() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);
    log.recordQueued(cmd, T0);

    assertThat(log.claim(cmd, T0, LEASE))
        .isInstanceOfSatisfying(
            Claim.Claimed.class,
            c -> {
              assertThat(c.record().attempts()).isEqualTo(1);
              assertThat(c.record().state()).isEqualTo(CommandState.IN_PROGRESS);
            });
    assertThat(log.claim(cmd, T0.plusSeconds(30), LEASE)).isInstanceOf(Claim.HeldElsewhere.class);
    assertThat(log.claim(cmd, T0.plusSeconds(61), LEASE))
        .isInstanceOfSatisfying(
            Claim.Claimed.class, c -> assertThat(c.record().attempts()).isEqualTo(2));
  }

  @Test
  void anUnknownCommandIsRecordedAndClaimed() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);

    assertThat(log.claim(cmd, T0, LEASE)).isInstanceOf(Claim.Claimed.class);
    assertThat(log.find(cmd.commandId()))
        .hasValueSatisfying(r -> assertThat(r.command()).isEqualTo(cmd));
  }

  @Test
  void doneIsFinalAndNeverRedone() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);
    log.claim(cmd, T0, LEASE);

    assertThat(log.markDone(cmd.commandId(), "00Q000000000001AAA", T0.plusSeconds(1))).isTrue();

    assertThat(log.claim(cmd, T0.plusSeconds(500), LEASE)).isInstanceOf(Claim.AlreadyFinal.class);
    assertThat(log.markFailed(cmd.commandId(), "X", "late failure", T0.plusSeconds(2))).isFalse();
    assertThat(log.release(cmd.commandId(), "late", T0.plusSeconds(2))).isFalse();
    assertThat(log.markFailedRetryable(cmd.commandId(), "X", "late give-up", T0.plusSeconds(2)))
        .isFalse();
    assertThat(log.find(cmd.commandId()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.DONE);
              assertThat(r.status().crmId()).isEqualTo("00Q000000000001AAA");
            });
  }

  @Test
  void failedKeepsCodeAndReason() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);
    log.claim(cmd, T0, LEASE);

    assertThat(
            log.markFailed(
                cmd.commandId(), "INVALID_EMAIL_ADDRESS", "The email address is not valid.", T0))
        .isTrue();

    assertThat(log.find(cmd.commandId()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.status().failureCode()).isEqualTo("INVALID_EMAIL_ADDRESS");
              assertThat(r.status().failureReason()).isEqualTo("The email address is not valid.");
            });
    assertThat(log.claim(cmd, T0.plusSeconds(500), LEASE)).isInstanceOf(Claim.AlreadyFinal.class);
  }

  @Test
  void aFailureRejectedByTheCrmIsNotRetryableAndStaysFinal() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);
    log.claim(cmd, T0, LEASE);
    log.markFailed(cmd.commandId(), "DUPLICATES_DETECTED", "It exists already.", T0);

    assertThat(log.claim(cmd, T0.plusSeconds(500), LEASE))
        .isInstanceOfSatisfying(
            Claim.AlreadyFinal.class,
            c -> {
              assertThat(c.record().status().retryable()).isFalse();
              assertThat(c.record().isFinal()).isTrue();
            });
    assertThat(log.find(cmd.commandId()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.attempts()).isEqualTo(1);
            });
  }

  @Test
  void aCommandGivenUpOnIsFailedRetryableWithItsReason() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);
    log.claim(cmd, T0, LEASE);

    assertThat(
            log.markFailedRetryable(
                cmd.commandId(), "SERVER_UNAVAILABLE", "Salesforce was unavailable.", T0))
        .isTrue();
    assertThat(log.markFailedRetryable(cmd.commandId(), "X", "twice", T0)).isFalse();
    assertThat(log.markDone(cmd.commandId(), "00Q000000000001AAA", T0)).isFalse();

    assertThat(log.find(cmd.commandId()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.FAILED);
              assertThat(r.status().retryable()).isTrue();
              assertThat(r.isFinal()).isFalse();
              assertThat(r.status().failureCode()).isEqualTo("SERVER_UNAVAILABLE");
              assertThat(r.status().failureReason()).isEqualTo("Salesforce was unavailable.");
              assertThat(r.leaseExpiresAt()).isNull();
            });
    indexCatchesUp(log);
    assertThat(log.recentForOwner(owner, 1))
        .singleElement()
        .satisfies(r -> assertThat(r.status().retryable()).isTrue());
  }

  @Test
  void aCommandGivenUpOnIsClaimedAgainWhenRedrivenAndCanThenBeDone() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);
    log.claim(cmd, T0, LEASE);
    log.markFailedRetryable(cmd.commandId(), "SERVER_UNAVAILABLE", "Salesforce was down.", T0);

    assertThat(log.claim(cmd, T0.plusSeconds(3600), LEASE))
        .isInstanceOfSatisfying(
            Claim.Claimed.class,
            c -> {
              assertThat(c.record().state()).isEqualTo(CommandState.IN_PROGRESS);
              assertThat(c.record().attempts()).isEqualTo(2);
              assertThat(c.record().status().retryable()).isFalse();
              assertThat(c.record().status().failureCode()).isNull();
              assertThat(c.record().status().failureReason()).isNull();
              assertThat(c.record().leaseExpiresAt()).isEqualTo(T0.plusSeconds(3600).plus(LEASE));
            });
    assertThat(log.claim(cmd, T0.plusSeconds(3601), LEASE)).isInstanceOf(Claim.HeldElsewhere.class);

    assertThat(log.markDone(cmd.commandId(), "00Q000000000002AAA", T0.plusSeconds(3602))).isTrue();
    assertThat(log.find(cmd.commandId()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(CommandState.DONE);
              assertThat(r.status().crmId()).isEqualTo("00Q000000000002AAA");
              assertThat(r.status().failureReason()).isNull();
              assertThat(r.isFinal()).isTrue();
            });
    assertThat(log.claim(cmd, T0.plusSeconds(9000), LEASE)).isInstanceOf(Claim.AlreadyFinal.class);
  }

  @Test
  void aCommandGivenUpOnTwiceAndThenRejectedStaysFinal() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);
    log.claim(cmd, T0, LEASE);
    log.markFailedRetryable(cmd.commandId(), "SERVER_UNAVAILABLE", "down", T0);
    log.claim(cmd, T0.plusSeconds(10), LEASE);
    log.markFailedRetryable(
        cmd.commandId(), "SERVER_UNAVAILABLE", "down again", T0.plusSeconds(11));
    log.claim(cmd, T0.plusSeconds(20), LEASE);

    assertThat(
            log.markFailed(
                cmd.commandId(), "INVALID_EMAIL_ADDRESS", "Not a valid email.", T0.plusSeconds(21)))
        .isTrue();

    assertThat(log.claim(cmd, T0.plusSeconds(500), LEASE))
        .isInstanceOfSatisfying(
            Claim.AlreadyFinal.class,
            c -> {
              assertThat(c.record().attempts()).isEqualTo(3);
              assertThat(c.record().status().retryable()).isFalse();
              assertThat(c.record().status().failureCode()).isEqualTo("INVALID_EMAIL_ADDRESS");
            });
  }

  @Test
  void releaseReturnsToQueuedForTheNextClaim() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);
    log.claim(cmd, T0, LEASE);

    assertThat(log.release(cmd.commandId(), "SERVER_UNAVAILABLE", T0.plusSeconds(1))).isTrue();
    assertThat(log.release(cmd.commandId(), "twice", T0.plusSeconds(1))).isFalse();

    assertThat(log.claim(cmd, T0.plusSeconds(2), LEASE))
        .isInstanceOfSatisfying(
            Claim.Claimed.class, c -> assertThat(c.record().attempts()).isEqualTo(2));
  }

  @Test
  void recentForOwnerIsNewestFirstAndOnlyTheirs() {
    String base = "c-" + UUID.randomUUID();
    log.recordQueued(command(base + "-1", 1), T0);
    log.recordQueued(command(base + "-3", 3), T0);
    log.recordQueued(command(base + "-2", 2), T0);
    log.recordQueued(
        new CreateLead(
            base + "-other",
            "005OTHER",
            new NewLead(null, "X", "Y", null, null),
            T0.plusSeconds(600)),
        T0);
    indexCatchesUp(log);

    assertThat(log.recentForOwner(owner, 2))
        .extracting(r -> r.commandId())
        .containsExactly(base + "-3", base + "-2");
  }

  @Test
  void keepsTheContentHashOfTheCommandAsFirstRecorded_throughClaimsAndOutcomes() {
    CreateLead cmd = command("c-" + UUID.randomUUID(), 0);
    CreateLead other =
        new CreateLead(
            cmd.commandId(),
            owner,
            new NewLead("Grace", "Hopper", "Navy", null, null),
            cmd.requestedAt());
    log.recordQueued(cmd, T0);

    assertThat(log.recordQueued(other, T0.plusSeconds(1))).isFalse();
    assertThat(log.find(cmd.commandId()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.contentHash()).isEqualTo(CommandContent.hash(cmd)).hasSize(64);
              assertThat(r.sameContentAs(cmd)).isTrue();
              assertThat(r.sameContentAs(other)).isFalse();
            });
    log.claim(cmd, T0.plusSeconds(2), LEASE);
    log.markDone(cmd.commandId(), "00Q000000000001AAA", T0.plusSeconds(3));
    assertThat(log.find(cmd.commandId()).orElseThrow().contentHash())
        .isEqualTo(CommandContent.hash(cmd));
  }

  @Test
  void latestForOwnerReadsItsWrites_theLastRecordedCommandAsItIsNow() {
    String base = "c-" + UUID.randomUUID();
    CreateLead first = command(base + "-1", 1);
    CreateLead second = command(base + "-2", 2);
    assertThat(log.latestForOwner(owner)).isEmpty();

    log.recordQueued(first, T0);
    assertThat(log.latestForOwner(owner))
        .hasValueSatisfying(r -> assertThat(r.command()).isEqualTo(first));
    log.recordQueued(second, T0.plusSeconds(1));
    log.claim(second, T0.plusSeconds(2), LEASE);
    log.markDone(second.commandId(), "00Q000000000003AAA", T0.plusSeconds(3));

    assertThat(log.latestForOwner(owner))
        .hasValueSatisfying(
            r -> {
              assertThat(r.commandId()).isEqualTo(second.commandId());
              assertThat(r.state()).isEqualTo(CommandState.DONE);
              assertThat(r.status().crmId()).isEqualTo("00Q000000000003AAA");
            });
  }

  @Test
  void latestForOwnerIsTheOwnersOwn_andARetriedRecordDoesNotMoveIt() {
    String base = "c-" + UUID.randomUUID();
    CreateLead first = command(base + "-1", 1);
    CreateLead second = command(base + "-2", 2);
    log.recordQueued(first, T0);
    log.recordQueued(second, T0);
    log.recordQueued(
        new CreateLead(
            base + "-other",
            "005OTHER" + UUID.randomUUID().toString().substring(0, 6),
            new NewLead(null, "X", "Y", null, null),
            T0.plusSeconds(600)),
        T0);

    assertThat(log.recordQueued(first, T0.plusSeconds(5))).isFalse();

    assertThat(log.latestForOwner(owner))
        .hasValueSatisfying(r -> assertThat(r.commandId()).isEqualTo(second.commandId()));
    assertThat(log.latestForOwner("005NOBODY")).isEmpty();
  }
}
