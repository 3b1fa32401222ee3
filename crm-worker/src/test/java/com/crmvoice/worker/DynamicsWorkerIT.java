package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CompleteTask;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker with {@code CRM=dynamics}: the deal update and the task completion commands reach the
 * fake Dataverse through the handler's own wiring, each exactly once although delivered twice, and
 * a stale one is rejected with its reason.
 */
class DynamicsWorkerIT {

  private FakeDataverse dv;
  private WorkerStack stack;

  @BeforeEach
  void start() {
    dv = FakeDataverse.start();
    dv.seedDemo();
    dv.seedDemoDay(ZoneOffset.UTC);
    Map<String, String> env = new HashMap<>(dv.env());
    env.put("DYNAMICS_TIMEOUT_MS", "2000");
    stack = new WorkerStack(EmbeddedAws.shared(), env, 5);
  }

  @AfterEach
  void stop() {
    stack.close();
    dv.close();
  }

  private Map<String, Object> deal(String name) {
    return dv.sales().opportunities().stream()
        .filter(o -> name.equals(o.get("name")))
        .findFirst()
        .orElseThrow();
  }

  private UpdateOpportunity update(String commandId, String name, Instant heard, BigDecimal to) {
    Map<String, Object> deal = deal(name);
    return new UpdateOpportunity(
        commandId,
        FakeDataverse.DEMO_USER_ID,
        (String) deal.get("opportunityid"),
        name,
        "Close",
        (BigDecimal) deal.get("estimatedvalue"),
        (LocalDate) deal.get("estimatedclosedate"),
        null,
        heard,
        DealChanges.amount(to),
        Instant.now());
  }

  private boolean finished(String... ids) {
    for (String id : ids) {
      if (!stack.log.find(id).map(r -> r.state().isFinal()).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void aDealUpdateAndATaskCompletionEachLandOnceAndAStaleUpdateIsRejected() {
    Map<String, Object> acme = deal("Acme expansion");
    String acmeId = (String) acme.get("opportunityid");
    Map<String, Object> task =
        dv.tasks().stream()
            .filter(t -> "Send the proposal".equals(t.get("subject")))
            .findFirst()
            .orElseThrow();
    String taskId = (String) task.get("activityid");
    UpdateOpportunity raise =
        stack.submit(
            update(
                "dyn-deal-1",
                "Acme expansion",
                (Instant) acme.get("modifiedon"),
                new BigDecimal("50000")));
    stack.sender.send(raise);
    CompleteTask done =
        stack.submit(
            new CompleteTask(
                "dyn-task-1",
                FakeDataverse.DEMO_USER_ID,
                taskId,
                "Send the proposal",
                (Instant) task.get("modifiedon"),
                Instant.now()));
    stack.sender.send(done);
    Map<String, Object> northwind = deal("Northwind renewal");
    stack.submit(
        update(
            "dyn-deal-stale",
            "Northwind renewal",
            ((Instant) northwind.get("modifiedon")).minusSeconds(60),
            BigDecimal.ONE));

    assertThat(
            stack.pollUntil(
                () ->
                    finished("dyn-deal-1", "dyn-task-1", "dyn-deal-stale")
                        && stack.depth(stack.queue.queueUrl()) == 0,
                Duration.ofSeconds(30)))
        .isTrue();

    assertThat(stack.log.find("dyn-deal-1").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat((BigDecimal) dv.sales().opportunity(acmeId).get("estimatedvalue"))
        .isEqualByComparingTo("50000");
    assertThat(dv.sales().appliedUpdates(acmeId)).isEqualTo(1);
    assertThat(stack.log.find("dyn-task-1").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat(dv.calendar().task(taskId))
        .containsEntry("statecode", 1)
        .containsEntry("statuscode", 5);
    assertThat(dv.appliedUpdates(taskId)).isEqualTo(1);
    var stale = stack.log.find("dyn-deal-stale").orElseThrow();
    assertThat(stale.state()).isEqualTo(CommandState.FAILED);
    assertThat(stale.status().failureCode()).isEqualTo("DEAL_CHANGED");
    assertThat((BigDecimal) northwind.get("estimatedvalue"))
        .isEqualByComparingTo((BigDecimal) deal("Northwind renewal").get("estimatedvalue"));
    assertThat(stack.deadLetters()).isEmpty();
  }
}
