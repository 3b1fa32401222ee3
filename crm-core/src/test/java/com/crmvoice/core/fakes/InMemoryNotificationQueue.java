package com.crmvoice.core.fakes;

import com.crmvoice.core.port.NotificationQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;

/** Records the command ids of the jobs sent; can be told to fail. */
public final class InMemoryNotificationQueue implements NotificationQueue {

  private final List<String> sent = new ArrayList<>();
  private boolean failing;

  @Override
  public synchronized void send(String commandId) {
    if (failing) {
      throw new StorageUnavailableException("injected queue failure", null);
    }
    sent.add(commandId);
  }

  public synchronized void failing(boolean failing) {
    this.failing = failing;
  }

  public synchronized List<String> sent() {
    return List.copyOf(sent);
  }
}
