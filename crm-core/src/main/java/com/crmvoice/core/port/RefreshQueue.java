package com.crmvoice.core.port;

/** Asks the cache refresher to refresh one owner soon, for example after a cache miss. */
public interface RefreshQueue {

  /**
   * Asks for a refresh of the owner's cached leads.
   *
   * @throws StorageUnavailableException when the queue cannot take it now
   */
  void requestRefresh(String ownerId);
}
