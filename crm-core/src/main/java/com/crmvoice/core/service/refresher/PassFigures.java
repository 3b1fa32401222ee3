package com.crmvoice.core.service.refresher;

import com.crmvoice.core.service.refresher.PassReport.Pass;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The running figures of one agenda or deal pass, and the run that turns them into a {@link
 * PassReport} and its log line. Workers of a pass report from several threads, hence the locks.
 */
final class PassFigures {
  private final long startNanos = System.nanoTime();
  private final long crmAtStart;
  private int ownersSeen;
  private int ownersChanged;
  private long recordsRead;
  private long itemsWritten;

  private PassFigures(long crmAtStart) {
    this.crmAtStart = crmAtStart;
  }

  synchronized void read(long records) {
    recordsRead += records;
  }

  synchronized void owner(int written) {
    ownersSeen++;
    itemsWritten += written;
    if (written > 0) {
      ownersChanged++;
    }
  }

  /**
   * Runs a pass's body, which answers the watermark after it, and logs its figures.
   *
   * @param readLabel the log's name for the records read ("recordsRead", "dealsRead")
   */
  static PassReport run(
      Pass pass,
      LongSupplier crmRequests,
      Logger log,
      String readLabel,
      Function<PassFigures, Instant> body) {
    PassFigures figures = new PassFigures(crmRequests.getAsLong());
    try {
      Instant watermark = body.apply(figures);
      PassReport done;
      synchronized (figures) {
        done =
            new PassReport(
                pass,
                figures.ownersSeen,
                figures.ownersChanged,
                figures.recordsRead,
                figures.itemsWritten,
                0,
                crmRequests.getAsLong() - figures.crmAtStart,
                Duration.ofNanos(System.nanoTime() - figures.startNanos),
                watermark);
      }
      log.info(
          "refresh pass={} outcome=ok ownersSeen={} ownersChanged={} {}={}"
              + " itemsWritten={} crmCalls={} durationMs={} watermark={}",
          pass.label(),
          done.ownersSeen(),
          done.ownersChanged(),
          readLabel,
          done.leadsRead(),
          done.itemsWritten(),
          done.crmCalls(),
          done.duration().toMillis(),
          done.watermark());
      return done;
    } catch (RuntimeException e) {
      synchronized (figures) {
        log.warn(
            "refresh pass={} outcome=failed error={} ownersSeen={} ownersChanged={}",
            pass.label(),
            e.getClass().getSimpleName(),
            figures.ownersSeen,
            figures.ownersChanged);
      }
      throw e;
    }
  }
}
