package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.NotificationLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The notification log in memory, beside a command log (a recipient is recorded only for a command
 * the log knows, as the DynamoDB adapter's conditional update does). Can be told to fail.
 */
public final class InMemoryNotificationLog implements NotificationLog {

  private final CommandLog commands;
  private final Map<String, Recipient> recipients = new HashMap<>();
  private final Map<String, Instant> leases = new HashMap<>();
  private final Set<String> notified = new HashSet<>();
  private final Set<String> asked = new HashSet<>();

  public InMemoryNotificationLog(CommandLog commands) {
    this.commands = commands;
  }

  @Override
  public synchronized boolean recordRecipient(String commandId, Recipient recipient) {
    if (commands.find(commandId).isEmpty()) {
      return false;
    }
    recipients.put(commandId, recipient);
    return true;
  }

  @Override
  public synchronized Claim claim(String commandId, Instant now, Duration lease) {
    if (notified.contains(commandId)) {
      return new Claim.AlreadyNotified();
    }
    Recipient recipient = recipients.get(commandId);
    if (recipient == null) {
      return new Claim.NoRecipient();
    }
    Instant held = leases.get(commandId);
    if (held != null && held.isAfter(now)) {
      return new Claim.HeldElsewhere();
    }
    leases.put(commandId, now.plus(lease));
    return new Claim.Claimed(recipient);
  }

  @Override
  public synchronized void markNotified(String commandId, Instant now) {
    notified.add(commandId);
    leases.remove(commandId);
  }

  @Override
  public synchronized void release(String commandId) {
    leases.remove(commandId);
  }

  @Override
  public synchronized boolean markConsentAsked(String alexaUserId) {
    return asked.add(alexaUserId);
  }
}
