package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.Notice;
import com.crmvoice.core.port.Notifier;
import com.crmvoice.core.port.NotifierRejectedException;
import com.crmvoice.core.port.NotifierUnavailableException;
import java.util.ArrayList;
import java.util.List;

/** Records every notice sent; can be told to be unavailable or to reject. */
public final class InMemoryNotifier implements Notifier {

  /** What the next sends do. */
  public enum Mode {
    ACCEPT,
    UNAVAILABLE,
    REJECT
  }

  private final List<Notice> sent = new ArrayList<>();
  private Mode mode = Mode.ACCEPT;

  @Override
  public synchronized void send(Notice notice) {
    switch (mode) {
      case UNAVAILABLE -> throw new NotifierUnavailableException("injected 503");
      case REJECT -> throw new NotifierRejectedException(403, "injected 403");
      default -> sent.add(notice);
    }
  }

  public synchronized void mode(Mode mode) {
    this.mode = mode;
  }

  public synchronized List<Notice> sent() {
    return List.copyOf(sent);
  }
}
