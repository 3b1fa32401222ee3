package com.crmvoice.core.fakes;

import com.crmvoice.core.contract.CommandLogContract;
import com.crmvoice.core.port.CommandLog;

class InMemoryCommandLogTest extends CommandLogContract {
  @Override
  protected CommandLog newLog() {
    return new InMemoryCommandLog();
  }
}
