package com.crmvoice.core.service.skill;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCommandQueue;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.service.skill.CommandSubmitter.Submission;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A request id that comes back with a different lead is not a retry and is not answered "adding".
 */
class ReusedRequestIdTest {

  private static final String OWNER = "005ALICE0000001AAA";
  private static final String REQUEST = "amzn1.echo-api.request.reused";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryCommandQueue queue = new InMemoryCommandQueue();
  private final CreateLeadService service = new CreateLeadService(log, queue, clock);

  @Test
  void aRequestIdReusedForAnotherLeadIsToldApartFromARetry() {
    service.submit(REQUEST, OWNER, new NewLead("John", "Smith", "Acme", null, null));

    Submission other =
        service.submit(REQUEST, OWNER, new NewLead("Jane", "Doe", "Initech", null, null));

    assertThat(other)
        .isInstanceOfSatisfying(
            Submission.ReusedForOtherContent.class,
            r ->
                assertThat(((CreateLead) r.record().command()).lead().lastName())
                    .isEqualTo("Smith"));
    assertThat(queue.sent()).hasSize(1);
    // The same lead again is still an ordinary retry, even asked for later.
    clock.advance(java.time.Duration.ofSeconds(5));
    assertThat(service.submit(REQUEST, OWNER, new NewLead("John", "Smith", "Acme", null, null)))
        .isInstanceOf(Submission.AlreadyQueued.class);
  }

  @Test
  void anyDifferenceInTheLeadOrItsOwnerCounts() {
    service.submit(REQUEST, OWNER, new NewLead("John", "Smith", "Acme", null, null));

    assertThat(service.submit(REQUEST, OWNER, new NewLead(null, "Smith", "Acme", null, null)))
        .isInstanceOf(Submission.ReusedForOtherContent.class);
    assertThat(
            service.submit(
                REQUEST, OWNER, new NewLead("John", "Smith", "Acme", null, "+1 555 0100")))
        .isInstanceOf(Submission.ReusedForOtherContent.class);
    assertThat(
            service.submit(
                REQUEST, "005BOB000000001AAA", new NewLead("John", "Smith", "Acme", null, null)))
        .isInstanceOf(Submission.ReusedForOtherContent.class);
  }
}
