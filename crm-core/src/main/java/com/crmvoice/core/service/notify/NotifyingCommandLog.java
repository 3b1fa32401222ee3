package com.crmvoice.core.service.notify;

import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.ForwardingCommandLog;
import com.crmvoice.core.port.NotificationQueue;
import java.time.Instant;
import java.util.Objects;
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
public final class NotifyingCommandLog extends ForwardingCommandLog {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyingCommandLog.class);

  private final NotificationQueue notifications;

  public NotifyingCommandLog(CommandLog log, NotificationQueue notifications) {
    super(log);
    this.notifications = Objects.requireNonNull(notifications, "notifications");
  }

  @Override
  public boolean markFailed(
      String commandId, String failureCode, String failureReason, Instant now) {
    boolean changed = super.markFailed(commandId, failureCode, failureReason, now);
    if (changed) {
      queue(commandId, failureCode);
    }
    return changed;
  }

  @Override
  public boolean markFailedRetryable(
      String commandId, String failureCode, String failureReason, Instant now) {
    boolean changed = super.markFailedRetryable(commandId, failureCode, failureReason, now);
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
}
