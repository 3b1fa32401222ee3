package com.crmvoice.core.fakes;

import com.crmvoice.core.port.StorageUnavailableException;
import com.crmvoice.core.port.WatermarkStore;
import java.time.Instant;
import java.util.Optional;

/** The refresher's watermark in memory, with injectable failures. */
public final class InMemoryWatermarkStore implements WatermarkStore {

  private Instant watermark;
  private int advances;
  private int failNextAdvances;

  @Override
  public synchronized Optional<Instant> load() {
    return Optional.ofNullable(watermark);
  }

  @Override
  public synchronized void advance(Instant appliedUpTo) {
    if (failNextAdvances > 0) {
      failNextAdvances--;
      throw new StorageUnavailableException("injected failure", null);
    }
    advances++;
    if (watermark == null || appliedUpTo.isAfter(watermark)) {
      watermark = appliedUpTo;
    }
  }

  /** Sets the watermark directly (test set-up). */
  public synchronized void set(Instant instant) {
    watermark = instant;
  }

  /** The next {@code n} advances throw {@link StorageUnavailableException}. */
  public synchronized void failNextAdvances(int n) {
    failNextAdvances = n;
  }

  /** How many advances were made. */
  public synchronized int advances() {
    return advances;
  }
}
