package com.crmvoice.core.port;

/**
 * Where a message goes that can never be processed (a poison message), with the reason, so that
 * nothing is lost and a person can look at it.
 */
public interface DeadLetterQueue {

  /**
   * Parks the message body with why it was refused.
   *
   * @throws StorageUnavailableException when the queue cannot take it now
   */
  void park(String body, String reason);
}
