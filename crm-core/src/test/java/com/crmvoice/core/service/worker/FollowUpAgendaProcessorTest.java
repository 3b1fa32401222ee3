package com.crmvoice.core.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.fakes.InMemoryAgendaCache;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.AgendaCache.Snapshot;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmGateway.CreateTaskRequest;
import com.crmvoice.core.service.worker.CommandProcessor.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Read your writes for follow-ups: a task the worker created joins its owner's cached agenda at
 * once when due within the agenda's window, once under redelivery, and never for an owner the cache
 * has no agenda of.
 */
class FollowUpAgendaProcessorTest {

  private static final String OWNER = "005000000000001AAA";
  private static final LocalDate TODAY = LocalDate.parse("2026-03-01");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
  private final InMemoryAgendaCache agendas = new InMemoryAgendaCache();
  private final Map<String, CrmCommand> wire = new HashMap<>();
  private final CommandProcessor processor =
      new CommandProcessor(
          wire::get,
          log,
          crm,
          new InMemoryLeadCache(),
          (body, reason) -> {},
          clock,
          Duration.ofSeconds(60),
          5,
          3,
          Set.of(),
          null,
          agendas);
  private final Lead maria =
      new Lead(
          "00Q000000000001AAA",
          OWNER,
          "Maria",
          "Garcia",
          "Northwind",
          null,
          null,
          "Open - Not Contacted",
          Instant.parse("2026-01-01T00:00:00Z"));
  private final OpenTask forecast =
      new OpenTask("00T9", OWNER, "Forecast", TODAY.minusDays(2), null, clock.instant());

  @BeforeEach
  void seed() {
    crm.put(maria);
    agendas.replaceAgenda(
        new Agenda(OWNER, List.of(), List.of(forecast), List.of()), clock.instant());
  }

  private Message message(CrmCommand command) {
    wire.put("body-" + command.commandId(), command);
    log.recordQueued(command, clock.instant());
    return new Message("m-" + command.commandId(), "body-" + command.commandId());
  }

  private CreateTask followUp(String id, LocalDate due) {
    return new CreateTask(
        id, OWNER, maria.id(), maria.fullName(), "Send the proposal", due, clock.instant());
  }

  private List<OpenTask> agendaTasks() {
    return ((Snapshot.Known) agendas.agenda(OWNER)).agenda().tasks();
  }

  @Test
  void aFollowUpDueTodayJoinsTheAgendaAtOnce_asTheRefresherWouldKeepIt() {
    processor.process(List.of(message(followUp("f1", TODAY))));

    String taskId = log.find("f1").orElseThrow().status().crmId();
    assertThat(log.find("f1").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat(agendaTasks())
        .containsExactly(
            forecast,
            new OpenTask(taskId, OWNER, "Send the proposal", TODAY, "Maria Garcia", null));
  }

  @Test
  void aFollowUpDueTomorrowInUtcJoinsToo_oneDueLaterWaitsForItsDay() {
    // The window keeps tasks due up to tomorrow in UTC (today somewhere east of UTC).
    processor.process(
        List.of(
            message(followUp("f1", TODAY.plusDays(1))),
            message(followUp("f2", TODAY.plusDays(2)))));

    assertThat(agendaTasks())
        .extracting(OpenTask::id)
        .containsExactly(forecast.id(), log.find("f1").orElseThrow().status().crmId());
    assertThat(log.find("f2").orElseThrow().state()).isEqualTo(CommandState.DONE);
  }

  @Test
  void aRedeliveryAfterACrashAddsTheTaskOnce() {
    // Given a first delivery that created the task and wrote the agenda, then died before the log
    // said DONE
    CreateTask command = followUp("f1", TODAY);
    CreateResult.Created first =
        (CreateResult.Created)
            crm.createTasks(
                    List.of(
                        new CreateTaskRequest(
                            "f1",
                            OWNER,
                            maria.id(),
                            command.subject(),
                            null,
                            command.dueDate(),
                            false)))
                .get(0);
    agendas.addTask(
        new OpenTask(first.crmId(), OWNER, "Send the proposal", TODAY, "Maria Garcia", null));
    int writes = agendas.writes();

    // When the message comes again
    processor.process(List.of(message(command)));

    // Then the CRM and the agenda each hold it once, and the agenda was not rewritten
    assertThat(crm.tasks()).hasSize(1);
    assertThat(log.find("f1").orElseThrow().status().crmId()).isEqualTo(first.crmId());
    assertThat(agendaTasks()).extracting(OpenTask::id).containsExactly("00T9", first.crmId());
    assertThat(agendas.writes()).isEqualTo(writes);
  }

  @Test
  void aCallLogIsNotAnOpenTaskAndNeverJoinsTheAgenda() {
    int writes = agendas.writes();

    processor.process(
        List.of(
            message(
                new LogCall(
                    "c1",
                    OWNER,
                    maria.id(),
                    maria.fullName(),
                    "Call with Maria Garcia",
                    "She wants a demo.",
                    TODAY,
                    clock.instant()))));

    assertThat(log.find("c1").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat(agendaTasks()).containsExactly(forecast);
    assertThat(agendas.writes()).isEqualTo(writes);
  }

  @Test
  void anOwnerWithoutACachedAgendaGetsNone_theNextPassWritesItWhole() {
    InMemoryAgendaCache empty = new InMemoryAgendaCache();
    CommandProcessor bare =
        new CommandProcessor(
            wire::get,
            log,
            crm,
            new InMemoryLeadCache(),
            (body, reason) -> {},
            clock,
            Duration.ofSeconds(60),
            5,
            3,
            Set.of(),
            null,
            empty);

    bare.process(List.of(message(followUp("f1", TODAY))));

    assertThat(log.find("f1").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat(empty.agenda(OWNER)).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(empty.writes()).isZero();
  }
}
