package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.port.CommandQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;

/** Records what was sent; can be told to fail. */
public final class InMemoryCommandQueue implements CommandQueue {

  private final List<CrmCommand> sent = new ArrayList<>();
  private boolean failing;

  @Override
  public synchronized void send(CrmCommand command) {
    if (failing) {
      throw new StorageUnavailableException("injected queue failure", null);
    }
    sent.add(command);
  }

  public synchronized void failing(boolean failing) {
    this.failing = failing;
  }

  public synchronized List<CrmCommand> sent() {
    return List.copyOf(sent);
  }
}
