package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.port.AccountLinkingRequiredException;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.IdentityResolver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Account linking: the access token names the CRM user (for Salesforce, userinfo). Answers are
 * remembered for a TTL under the SHA-256 of the token, never the token itself, in a bounded map. A
 * missing or refused token requires (re-)linking; {@code CrmUnavailableException} passes through.
 */
public final class CachingIdentityResolver implements IdentityResolver {

  private record Entry(CrmUser user, Instant expiresAt) {}

  private final CrmGateway crm;
  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private final Map<String, Entry> byTokenHash;

  public CachingIdentityResolver(CrmGateway crm, Clock clock, Duration ttl, int maxEntries) {
    this.crm = Objects.requireNonNull(crm, "crm");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.maxEntries = maxEntries;
    this.byTokenHash =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CachingIdentityResolver.this.maxEntries;
          }
        };
  }

  @Override
  public CrmUser resolve(String accessToken) {
    if (accessToken == null || accessToken.isBlank()) {
      throw new AccountLinkingRequiredException("no account-linking access token");
    }
    String key = hash(accessToken);
    Instant now = clock.instant();
    synchronized (byTokenHash) {
      Entry entry = byTokenHash.get(key);
      if (entry != null && entry.expiresAt().isAfter(now)) {
        return entry.user();
      }
      byTokenHash.remove(key);
    }
    CrmUser user;
    try {
      user = crm.userForAccessToken(accessToken);
    } catch (CrmRejectedException e) {
      throw new AccountLinkingRequiredException("the CRM refused the access token");
    }
    if (!ttl.isZero()) {
      synchronized (byTokenHash) {
        byTokenHash.put(key, new Entry(user, now.plus(ttl)));
      }
    }
    return user;
  }

  /** How many tokens are remembered (for tests). */
  public int size() {
    synchronized (byTokenHash) {
      return byTokenHash.size();
    }
  }

  /** The cache key of a token: hex SHA-256. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whether the cache holds this exact string as a key (tests check the token is not one). */
  boolean holdsKey(String key) {
    synchronized (byTokenHash) {
      return byTokenHash.containsKey(key);
    }
  }
}
