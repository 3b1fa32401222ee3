package com.crmvoice.core.port;

import com.crmvoice.core.domain.CrmCommand;

/**
 * Carries commands from the skill to the CRM worker. Delivery is at least once: the worker
 * deduplicates through the {@link CommandLog}.
 */
public interface CommandQueue {

  /**
   * Puts the command on the queue.
   *
   * @throws StorageUnavailableException when the queue cannot take it now
   */
  void send(CrmCommand command);
}
