package com.crmvoice.core.port;

/**
 * The queue of notification jobs: "tell the user what became of this command". A job names the
 * command only; everything else is read from the command log when the job runs, so a job sent twice
 * is still one notification. Failures are {@link StorageUnavailableException}.
 */
public interface NotificationQueue {

  void send(String commandId);
}
