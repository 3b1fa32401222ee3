package com.crmvoice.core.fakes;

import com.crmvoice.core.port.RefreshQueue;
import java.util.ArrayList;
import java.util.List;

/** Records which owners a refresh was asked for. */
public final class InMemoryRefreshQueue implements RefreshQueue {

  private final List<String> requested = new ArrayList<>();

  @Override
  public synchronized void requestRefresh(String ownerId) {
    requested.add(ownerId);
  }

  public synchronized List<String> requested() {
    return List.copyOf(requested);
  }
}
