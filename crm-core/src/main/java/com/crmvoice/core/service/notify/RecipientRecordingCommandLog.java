package com.crmvoice.core.service.notify;

import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.ForwardingCommandLog;
import com.crmvoice.core.port.NotificationLog;
import com.crmvoice.core.port.StorageUnavailableException;
import java.time.Instant;
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
public final class RecipientRecordingCommandLog extends ForwardingCommandLog {

  private static final Logger LOG = LoggerFactory.getLogger(RecipientRecordingCommandLog.class);

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
    super(log);
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
    boolean recorded = super.recordQueued(command, now);
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
}
