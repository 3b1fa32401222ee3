package com.crmvoice.core.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CompleteTask;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.fakes.InMemoryAgendaCache;
import com.crmvoice.core.fakes.InMemoryCalendarGateway;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.AgendaCache.Snapshot;
import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.service.worker.CommandProcessor.BatchResult;
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

/** The worker's CompleteTask: once, only the version heard, batched, and out of the agenda. */
class CompleteTaskProcessorTest {

  private static final String OWNER = "005000000000001AAA";
  private static final Instant HEARD = Instant.parse("2026-03-01T08:00:00Z");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryCalendarGateway calendar = new InMemoryCalendarGateway();
  private final InMemoryAgendaCache agendas = new InMemoryAgendaCache();
  private final Map<String, CrmCommand> wire = new HashMap<>();
  private final CommandProcessor processor =
      new CommandProcessor(
          wire::get,
          log,
          new InMemoryCrmGateway(clock),
          new InMemoryLeadCache(),
          (body, reason) -> {},
          clock,
          Duration.ofSeconds(60),
          5,
          3,
          Set.of(),
          calendar,
          agendas);

  private final OpenTask proposal =
      new OpenTask("00T1", OWNER, "Send the proposal", LocalDate.parse("2026-03-01"), null, HEARD);
  private final OpenTask forecast =
      new OpenTask("00T2", OWNER, "Forecast", LocalDate.parse("2026-02-27"), null, HEARD);

  @BeforeEach
  void seed() {
    calendar.put(proposal, HEARD);
    calendar.put(forecast, HEARD);
    agendas.replaceAgenda(
        new Agenda(OWNER, List.of(), List.of(proposal, forecast), List.of()), clock.instant());
  }

  private Message message(CompleteTask command) {
    wire.put("body-" + command.commandId(), command);
    log.recordQueued(command, clock.instant());
    return new Message("m-" + command.commandId(), "body-" + command.commandId());
  }

  private CompleteTask complete(String id, OpenTask task, Instant heard) {
    return new CompleteTask(id, OWNER, task.id(), task.subject(), heard, clock.instant());
  }

  @Test
  void completesEachTaskOnceInOneCallAndTakesItOutOfTheAgenda() {
    BatchResult result =
        processor.process(
            List.of(
                message(complete("c1", proposal, HEARD)), message(complete("c2", forecast, null))));

    assertThat(result.created()).isEqualTo(2);
    assertThat(calendar.completeCalls()).hasSize(1);
    assertThat(calendar.isOpen("00T1")).isFalse();
    assertThat(log.find("c1").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat(((Snapshot.Known) agendas.agenda(OWNER)).agenda().tasks()).isEmpty();

    // A redelivery finds the command final and calls nothing.
    BatchResult again = processor.process(List.of(message(complete("c1", proposal, HEARD))));
    assertThat(again.skipped()).isEqualTo(1);
    assertThat(calendar.completeCalls()).hasSize(1);
  }

  @Test
  void aTaskChangedSinceTheUserHeardItIsRejectedAndLeftOpen() {
    BatchResult result =
        processor.process(List.of(message(complete("c1", proposal, HEARD.minusSeconds(60)))));

    assertThat(result.rejected()).isEqualTo(1);
    assertThat(calendar.isOpen("00T1")).isTrue();
    assertThat(log.find("c1").orElseThrow().status().failureCode())
        .isEqualTo(CalendarGateway.TASK_CHANGED);
    assertThat(((Snapshot.Known) agendas.agenda(OWNER)).agenda().tasks()).hasSize(2);
  }

  @Test
  void anOutageReleasesTheCommandForRedelivery() {
    calendar.failNext(1);

    BatchResult result = processor.process(List.of(message(complete("c1", proposal, HEARD))));

    assertThat(result.retried()).isEqualTo(1);
    assertThat(result.failedMessageIds()).containsExactly("m-c1");
    assertThat(calendar.isOpen("00T1")).isTrue();
  }
}
