package com.crmvoice.testkit.dataverse;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment's users (systemusers: the application user the worker signs in as, and the
 * salespeople) and the access tokens issued to them, each with its expiry.
 */
final class Users {

  private record Issued(String userId, Instant expires) {}

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> names = new ConcurrentHashMap<>();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

  Users(Clock clock) {
    this.clock = clock;
  }

  void add(String userId, String fullName) {
    names.put(userId.toLowerCase(Locale.ROOT), fullName);
  }

  boolean isUser(String userId) {
    return userId != null && names.containsKey(userId.toLowerCase(Locale.ROOT));
  }

  String fullName(String userId) {
    return names.get(userId.toLowerCase(Locale.ROOT));
  }

  String issue(String userId, Duration lifetime) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token =
        "eyJ0eXAiOiJKV1QifQ." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, new Issued(userId.toLowerCase(Locale.ROOT), clock.instant().plus(lifetime)));
    return token;
  }

  /** The user a bearer token belongs to, or null when it is unknown or expired. */
  String userOf(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    Issued issued = tokens.get(authorization.substring(7).strip());
    return issued == null || !clock.instant().isBefore(issued.expires()) ? null : issued.userId();
  }

  void expireAll() {
    tokens.clear();
  }
}
