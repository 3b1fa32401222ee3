package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.CommandRecord;
import com.crmvoice.core.port.CommandLog;
import java.util.Objects;
import java.util.Optional;

/** "Did my lead get created": the owner's most recent command, from the command log. */
public final class LeadStatusService {

  private final CommandLog log;

  public LeadStatusService(CommandLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * The owner's most recent command, if any.
   *
   * @throws com.crmvoice.core.port.StorageUnavailableException when the log cannot be read
   */
  public Optional<CommandRecord> latest(String ownerId) {
    return log.recentForOwner(ownerId, 1).stream().findFirst();
  }
}
