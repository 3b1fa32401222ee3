package com.crmvoice.core.fakes;

import com.crmvoice.core.contract.NotificationLogContract;

class InMemoryNotificationLogTest extends NotificationLogContract {

  @Override
  protected Logs newLogs() {
    InMemoryCommandLog commands = new InMemoryCommandLog();
    return new Logs(commands, new InMemoryNotificationLog(commands));
  }
}
