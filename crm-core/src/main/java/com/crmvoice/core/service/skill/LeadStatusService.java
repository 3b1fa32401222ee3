package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.port.CommandLog;
import java.util.Objects;
import java.util.Optional;

/**
 * "Did my lead get created": the owner's most recent command, from the command log, read by key so
 * that a question right after a create hears about that create and its current status.
 */
public final class LeadStatusService {

  private final CommandLog log;

  public LeadStatusService(CommandLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * The owner's most recent command, if any, as it is now (read your writes).
   *
   * @throws com.crmvoice.core.port.StorageUnavailableException when the log cannot be read
   */
  public Optional<CommandRecord> latest(String ownerId) {
    return log.latestForOwner(ownerId);
  }
}
