package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.CommandLog.Cancellation;
import com.crmvoice.core.port.StorageUnavailableException;
import java.time.Clock;
import java.util.Optional;

/**
 * "Undo that" and "what happened to my last change", for every command type, from the command log.
 */
public final class ChangeService {

  private final CommandLog log;
  private final Clock clock;

  public ChangeService(CommandLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /**
   * Cancels the owner's command if no worker took it yet.
   *
   * @throws StorageUnavailableException when the log cannot be reached
   */
  public Cancellation undo(String ownerId, String commandId) {
    return log.cancel(commandId, ownerId, clock.instant());
  }

  /** The command's record, if it is the owner's. */
  public Optional<CommandRecord> find(String ownerId, String commandId) {
    return log.find(commandId).filter(r -> r.command().ownerId().equals(ownerId));
  }

  /** The owner's most recent command of any type, as it is now (read by key, consistent). */
  public Optional<CommandRecord> latest(String ownerId) {
    return log.latestForOwner(ownerId);
  }
}
