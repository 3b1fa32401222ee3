package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import com.crmvoice.core.port.LeadCache;
import java.time.Duration;

/**
 * How the cache refresher works.
 *
 * @param topN leads kept per owner (the lead cache's {@link CacheConfig#topN()})
 * @param watermarkOverlap how far before the stored watermark an incremental pass starts reading,
 *     so a change whose SystemModstamp is earlier than its commit is not missed (default 120 s)
 * @param incrementalMaxChanges above this many changes an incremental pass stops reading them and
 *     does a full pass instead, which then costs fewer CRM calls than one per affected owner
 *     (default 2000)
 * @param concurrency owners written (and, in an incremental pass, queried) at the same time; 1
 *     writes them one after the other (default 4)
 */
public record RefresherConfig(
    int topN, Duration watermarkOverlap, int incrementalMaxChanges, int concurrency) {

  /** One owner at a time. */
  public RefresherConfig(int topN, Duration watermarkOverlap, int incrementalMaxChanges) {
    this(topN, watermarkOverlap, incrementalMaxChanges, 1);
  }

  public RefresherConfig {
    if (topN < 1 || topN > LeadCache.MAX_LEADS_PER_OWNER) {
      throw new ConfigException(
          LEAD_CACHE_TOP_N + " must be between 1 and " + LeadCache.MAX_LEADS_PER_OWNER);
    }
    if (watermarkOverlap.isNegative()) {
      throw new ConfigException(REFRESH_WATERMARK_OVERLAP_SECONDS + " must not be negative");
    }
    if (incrementalMaxChanges < 1) {
      throw new ConfigException(REFRESH_INCREMENTAL_MAX_CHANGES + " must be positive");
    }
    if (concurrency < 1 || concurrency > 32) {
      throw new ConfigException(REFRESH_CONCURRENCY + " must be between 1 and 32");
    }
  }

  public static RefresherConfig fromEnv(EnvironmentReader env) {
    return new RefresherConfig(
        CacheConfig.fromEnv(env).topN(),
        Duration.ofSeconds(env.intValue(REFRESH_WATERMARK_OVERLAP_SECONDS, 120, 0, 86_400)),
        env.intValue(REFRESH_INCREMENTAL_MAX_CHANGES, 2000, 1, 1_000_000),
        env.intValue(REFRESH_CONCURRENCY, 4, 1, 32));
  }
}
