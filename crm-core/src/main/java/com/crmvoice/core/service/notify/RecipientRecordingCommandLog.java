package com.crmvoice.core.service.notify;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.NotificationLog;
import com.crmvoice.core.port.StorageUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skill's command log, with one addition: a command it records as QUEUED gets, at once and
 * before the command is put on the queue, the Alexa user who gave it as its recipient. This is the
 * whole mapping from Alexa user to owner: a notice goes only to the user who spoke the command.
 * Works for every command type, since every one is recorded through {@link #recordQueued}.
 *
 * <p>Recording the recipient is best effort: if it fails, the command still goes ahead and the user
 * can still ask about it; only the notification is lost (logged).
 */
public final class RecipientRecordingCommandLog implements CommandLog {

  private static final Logger LOG = LoggerFactory.getLogger(RecipientRecordingCommandLog.class);

  private final CommandLog log;
  private final NotificationLog notifications;
  private final Supplier<Optional<Recipient>> currentRecipient;
  private final Consumer<Recipient> afterRecorded;

  /**
   * @param currentRecipient the Alexa user of the request being handled, if known
   * @param afterRecorded called with the recipient once it is recorded (the skill then decides
   *     whether to ask for the notifications permission)
   */
  public RecipientRecordingCommandLog(
      CommandLog log,
      NotificationLog notifications,
      Supplier<Optional<Recipient>> currentRecipient,
      Consumer<Recipient> afterRecorded) {
    this.log = Objects.requireNonNull(log, "log");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.currentRecipient = Objects.requireNonNull(currentRecipient, "currentRecipient");
    this.afterRecorded = Objects.requireNonNull(afterRecorded, "afterRecorded");
  }

  public RecipientRecordingCommandLog(
      CommandLog log,
      NotificationLog notifications,
      Supplier<Optional<Recipient>> currentRecipient) {
    this(log, notifications, currentRecipient, r -> {});
  }

  @Override
  public boolean recordQueued(CrmCommand command, Instant now) {
    boolean recorded = log.recordQueued(command, now);
    if (recorded) {
      currentRecipient.get().ifPresent(r -> remember(command.commandId(), r));
    }
    return recorded;
  }

  private void remember(String commandId, Recipient recipient) {
    try {
      if (notifications.recordRecipient(commandId, recipient)) {
        afterRecorded.accept(recipient);
      }
    } catch (StorageUnavailableException e) {
      LOG.warn("recipient not recorded commandId={}: {}", commandId, e.getClass().getSimpleName());
    }
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
  public boolean markFailed(
      String commandId, String failureCode, String failureReason, Instant now) {
    return log.markFailed(commandId, failureCode, failureReason, now);
  }

  @Override
  public boolean markFailedRetryable(
      String commandId, String failureCode, String failureReason, Instant now) {
    return log.markFailedRetryable(commandId, failureCode, failureReason, now);
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
