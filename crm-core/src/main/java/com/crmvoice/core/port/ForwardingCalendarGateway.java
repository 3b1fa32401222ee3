package com.crmvoice.core.port;

import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link CalendarGateway} that hands every call to the one {@code target} supplies at the time of
 * the call: for a gateway wired on first use (the Salesforce settings read lazily), or a decorator
 * that overrides only what it adds.
 */
public class ForwardingCalendarGateway implements CalendarGateway {

  private final Supplier<? extends CalendarGateway> target;

  public ForwardingCalendarGateway(Supplier<? extends CalendarGateway> target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  protected CalendarGateway target() {
    return target.get();
  }

  @Override
  public Stream<CalendarEvent> events(Instant from, Instant to) {
    return target().events(from, to);
  }

  @Override
  public Map<String, List<CalendarEvent>> eventsOf(
      Collection<String> ownerIds, Instant from, Instant to) {
    return target().eventsOf(ownerIds, from, to);
  }

  @Override
  public Stream<OpenTask> openTasksDueBy(LocalDate lastDay) {
    return target().openTasksDueBy(lastDay);
  }

  @Override
  public Map<String, List<OpenTask>> openTasksOf(Collection<String> ownerIds, LocalDate lastDay) {
    return target().openTasksOf(ownerIds, lastDay);
  }

  @Override
  public Stream<LeadArrival> leadsCreatedSince(Instant since) {
    return target().leadsCreatedSince(since);
  }

  @Override
  public Map<String, List<LeadArrival>> leadsCreatedSinceOf(
      Collection<String> ownerIds, Instant since) {
    return target().leadsCreatedSinceOf(ownerIds, since);
  }

  @Override
  public Changes changedSince(Instant since) {
    return target().changedSince(since);
  }

  @Override
  public List<UpdateResult> completeTasks(List<CompleteTaskRequest> requests) {
    return target().completeTasks(requests);
  }
}
