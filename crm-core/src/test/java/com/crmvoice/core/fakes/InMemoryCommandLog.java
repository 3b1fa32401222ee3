package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CommandStatus;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.port.CommandLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command log in memory, with the same conditional transitions as DynamoDB.
 *
 * <p>The owner index behind {@link #recentForOwner} is eventually consistent, as DynamoDB's global
 * secondary index is ("All reads from GSIs and streams are eventually consistent", <a
 * href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html">DynamoDB
 * read consistency</a>; a write usually reaches the index within a second, never guaranteed): here
 * it shows the log as it was at the last {@link #catchUpIndex()}, however long ago. Reads by key
 * ({@link #find}, {@link #latestForOwner}) see every write at once, as strongly consistent reads
 * do.
 */
public final class InMemoryCommandLog implements CommandLog {

  private final Map<String, CommandRecord> records = new HashMap<>();
  private final Map<String, CommandRecord> index = new HashMap<>();
  private final Map<String, String> latestByOwner = new HashMap<>();
  private final Map<String, String> lastErrors = new HashMap<>();

  @Override
  public synchronized boolean recordQueued(CrmCommand command, Instant now) {
    if (records.containsKey(command.commandId())) {
      return false;
    }
    records.put(
        command.commandId(), new CommandRecord(command, CommandStatus.queued(), 0, now, null));
    latestByOwner.put(command.ownerId(), command.commandId());
    return true;
  }

  @Override
  public synchronized Claim claim(CrmCommand command, Instant now, Duration lease) {
    CommandRecord current = records.get(command.commandId());
    if (current != null && current.isFinal()) {
      return new Claim.AlreadyFinal(current);
    }
    if (current != null
        && current.state() == CommandState.IN_PROGRESS
        && current.leaseExpiresAt().isAfter(now)) {
      return new Claim.HeldElsewhere(current);
    }
    int attempts = current == null ? 1 : current.attempts() + 1;
    CommandRecord claimed =
        new CommandRecord(
            current == null ? command : current.command(),
            CommandStatus.inProgress(),
            attempts,
            now,
            now.plus(lease),
            current == null ? null : current.contentHash());
    records.put(command.commandId(), claimed);
    return new Claim.Claimed(claimed);
  }

  @Override
  public synchronized boolean markDone(String commandId, String crmId, Instant now) {
    return transition(commandId, CommandStatus.done(crmId), now);
  }

  @Override
  public synchronized boolean markFailed(
      String commandId, String failureCode, String failureReason, Instant now) {
    return transition(commandId, CommandStatus.failed(failureCode, failureReason), now);
  }

  @Override
  public synchronized boolean markFailedRetryable(
      String commandId, String failureCode, String failureReason, Instant now) {
    return transition(commandId, CommandStatus.failedRetryable(failureCode, failureReason), now);
  }

  @Override
  public synchronized boolean release(String commandId, String lastError, Instant now) {
    lastErrors.put(commandId, lastError);
    return transition(commandId, CommandStatus.queued(), now);
  }

  @Override
  public synchronized Optional<CommandRecord> find(String commandId) {
    return Optional.ofNullable(records.get(commandId));
  }

  @Override
  public synchronized Optional<CommandRecord> latestForOwner(String ownerId) {
    return Optional.ofNullable(latestByOwner.get(ownerId)).map(records::get);
  }

  @Override
  public synchronized List<CommandRecord> recentForOwner(String ownerId, int limit) {
    return index.values().stream()
        .filter(r -> r.command().ownerId().equals(ownerId))
        .sorted(
            Comparator.comparing((CommandRecord r) -> r.command().requestedAt())
                .thenComparing(CommandRecord::commandId)
                .reversed())
        .limit(limit)
        .toList();
  }

  /** The owner index catches up with every write so far (DynamoDB: after a moment). */
  public synchronized void catchUpIndex() {
    index.clear();
    index.putAll(records);
  }

  /** The last error given to {@link #release}, for assertions. */
  public synchronized Optional<String> lastError(String commandId) {
    return Optional.ofNullable(lastErrors.get(commandId));
  }

  public synchronized List<CommandRecord> all() {
    return List.copyOf(records.values());
  }

  private boolean transition(String commandId, CommandStatus next, Instant now) {
    CommandRecord current = records.get(commandId);
    if (current == null || current.state() != CommandState.IN_PROGRESS) {
      return false;
    }
    records.put(
        commandId,
        new CommandRecord(
            current.command(), next, current.attempts(), now, null, current.contentHash()));
    return true;
  }
}
