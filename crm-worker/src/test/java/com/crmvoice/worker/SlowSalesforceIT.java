package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.service.skill.LeadStatusService;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Salesforce slower than the worker's timeout (the issue's {@code :fault latency 6000}): every
 * upsert commits, then its answer comes after the client gave up. The outcome is unknown, not a
 * failure: the worker finds the lead by its external id, and the user, told the truth, does not add
 * it a second time.
 */
class SlowSalesforceIT {

  @Test
  void aCreateThatCommitsAndStallsOnEveryRetryIsDone_andTheUsersRetryMakesNoSecondLead() {
    int maxReceiveCount = 3;
    try (WorkerStack stack =
        new WorkerStack(
            Map.of(
                "SALESFORCE_EXTERNAL_ID_FIELD",
                FakeSalesforce.EXTERNAL_ID_FIELD,
                "WORKER_MAX_ATTEMPTS",
                "2"),
            maxReceiveCount)) {
      // Given a Salesforce that commits every write and answers after the 2 s client timeout
      stack.salesforce.faults().commitThenStall(1000, WorkerStack.PAST_THE_TIMEOUT);
      stack.submit("slow-1", "Slow");

      // When the worker has had its deliveries
      stack.pollUntil(
          () ->
              stack.log.find("slow-1").map(r -> r.state().isFinal()).orElse(false)
                  && stack.depth(stack.queue.queueUrl()) == 0,
          Duration.ofSeconds(60));

      // And the user asks what happened, and adds the lead again if told it was not created
      CommandRecord latest = new LeadStatusService(stack.log).latest(WorkerStack.OWNER).get();
      if (latest.state() != CommandState.DONE) {
        stack.submit("slow-1-again", "Slow");
        stack.pollUntil(
            () -> stack.log.find("slow-1-again").map(r -> r.state().isFinal()).orElse(false),
            Duration.ofSeconds(60));
      }

      // Then there is one lead, and the command is DONE with its id
      assertThat(stack.salesforce.leadCount()).isEqualTo(1);
      assertThat(latest.state()).isEqualTo(CommandState.DONE);
      assertThat(latest.status().crmId())
          .isEqualTo(stack.salesforce.leads().get(0).get("Id").toString());
      assertThat(stack.deadLetters()).isEmpty();
    }
  }
}
