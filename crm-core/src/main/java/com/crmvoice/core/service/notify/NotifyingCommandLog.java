package com.crmvoice.core.service.notify;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.NotificationQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command log, with one addition: each time a command becomes FAILED (rejected by the CRM,
 * given up on, or refused because the record changed and the user must decide), a notification job
 * for it is queued. The hook is by outcome, not by command type, so every command type the worker
 * learns is covered.
 *
 * <p>Queueing the job is best effort: if the queue refuses it, the failure is still recorded (the
 * user hears it when they ask) and a warning is logged.
 */
public final class NotifyingCommandLog implements CommandLog {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyingCommandLog.class);

  private final CommandLog log;
  private final NotificationQueue notifications;

  public NotifyingCommandLog(CommandLog log, NotificationQueue notifications) {
    this.log = Objects.requireNonNull(log, "log");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
  }

  @Override
  public boolean markFailed(
      String commandId, String failureCode, String failureReason, Instant now) {
    boolean changed = log.markFailed(commandId, failureCode, failureReason, now);
    if (changed) {
      queue(commandId, failureCode);
    }
    return changed;
  }

  @Override
  public boolean markFailedRetryable(
      String commandId, String failureCode, String failureReason, Instant now) {
    boolean changed = log.markFailedRetryable(commandId, failureCode, failureReason, now);
    if (changed) {
      queue(commandId, failureCode);
    }
    return changed;
  }

  private void queue(String commandId, String code) {
    try {
      notifications.send(commandId);
      LOG.info("notification queued commandId={} code={}", commandId, code);
    } catch (RuntimeException e) {
      LOG.warn(
          "notification not queued commandId={} error={}", commandId, e.getClass().getSimpleName());
    }
  }

  @Override
  public boolean recordQueued(CrmCommand command, Instant now) {
    return log.recordQueued(command, now);
  }

  @Override
  public Claim claim(CrmCommand command, Instant now, Duration lease) {
    return log.claim(command, now, lease);
  }

  @Override
  public boolean markDone(String commandId, String crmId, Instant now) {
    return log.markDone(commandId, crmId, now);
  }

  @Override
  public boolean release(String commandId, String lastError, Instant now) {
    return log.release(commandId, lastError, now);
  }

  @Override
  public Cancellation cancel(String commandId, String ownerId, Instant now) {
    return log.cancel(commandId, ownerId, now);
  }

  @Override
  public Optional<CommandRecord> find(String commandId) {
    return log.find(commandId);
  }

  @Override
  public Optional<CommandRecord> latestForOwner(String ownerId) {
    return log.latestForOwner(ownerId);
  }

  @Override
  public List<CommandRecord> recentForOwner(String ownerId, int limit) {
    return log.recentForOwner(ownerId, limit);
  }
}
