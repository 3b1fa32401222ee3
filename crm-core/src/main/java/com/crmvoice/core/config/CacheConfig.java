package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import com.crmvoice.core.port.LeadCache;
import java.time.Duration;

/**
 * How much of each owner the lead cache keeps, and for how long an untouched item lives.
 *
 * @param topN leads kept per owner (default 5)
 * @param ttl how long after its last refresh an item expires (DynamoDB TTL)
 */
public record CacheConfig(int topN, Duration ttl) {

  public CacheConfig {
    if (topN < 1 || topN > LeadCache.MAX_LEADS_PER_OWNER) {
      throw new ConfigException(
          LEAD_CACHE_TOP_N + " must be between 1 and " + LeadCache.MAX_LEADS_PER_OWNER);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new ConfigException(LEAD_CACHE_TTL_HOURS + " must be positive");
    }
  }

  public static CacheConfig fromEnv(EnvironmentReader env) {
    return new CacheConfig(
        env.intValue(LEAD_CACHE_TOP_N, 5, 1, LeadCache.MAX_LEADS_PER_OWNER),
        Duration.ofHours(env.intValue(LEAD_CACHE_TTL_HOURS, 72, 1, 24 * 365)));
  }
}
