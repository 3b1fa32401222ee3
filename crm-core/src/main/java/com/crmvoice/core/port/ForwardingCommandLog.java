package com.crmvoice.core.port;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CrmCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command log that hands every call to another one: the base of the decorators, each of which
 * overrides only the calls it adds to (and calls {@code super} for the forwarding).
 */
public abstract class ForwardingCommandLog implements CommandLog {

  private final CommandLog delegate;

  protected ForwardingCommandLog(CommandLog delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public boolean recordQueued(CrmCommand command, Instant now) {
    return delegate.recordQueued(command, now);
  }

  @Override
  public Claim claim(CrmCommand command, Instant now, Duration lease) {
    return delegate.claim(command, now, lease);
  }

  @Override
  public boolean markDone(String commandId, String crmId, Instant now) {
    return delegate.markDone(commandId, crmId, now);
  }

  @Override
  public boolean markFailed(
      String commandId, String failureCode, String failureReason, Instant now) {
    return delegate.markFailed(commandId, failureCode, failureReason, now);
  }

  @Override
  public boolean markFailedRetryable(
      String commandId, String failureCode, String failureReason, Instant now) {
    return delegate.markFailedRetryable(commandId, failureCode, failureReason, now);
  }

  @Override
  public boolean release(String commandId, String lastError, Instant now) {
    return delegate.release(commandId, lastError, now);
  }

  @Override
  public Cancellation cancel(String commandId, String ownerId, Instant now) {
    return delegate.cancel(commandId, ownerId, now);
  }

  @Override
  public Optional<CommandRecord> find(String commandId) {
    return delegate.find(commandId);
  }

  @Override
  public Optional<CommandRecord> latestForOwner(String ownerId) {
    return delegate.latestForOwner(ownerId);
  }

  @Override
  public List<CommandRecord> recentForOwner(String ownerId, int limit) {
    return delegate.recentForOwner(ownerId, limit);
  }
}
