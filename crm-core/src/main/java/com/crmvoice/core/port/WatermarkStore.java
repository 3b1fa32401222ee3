package com.crmvoice.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the cache refresher keeps its incremental watermark: the CRM modification stamp (for
 * Salesforce, SystemModstamp) up to which every change has been applied to the lead cache. Failures
 * are {@link StorageUnavailableException}.
 */
public interface WatermarkStore {

  /** The watermark, or empty before the first pass that set one. */
  Optional<Instant> load();

  /**
   * Moves the watermark to {@code appliedUpTo} if that is later than the stored one; never moves it
   * back (two passes racing cannot undo each other's progress).
   */
  void advance(Instant appliedUpTo);
}
