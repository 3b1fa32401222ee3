package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Which time zone a user's "today", "tomorrow" and "Friday" are in: the device's, from the Alexa
 * settings API, else a configured default.
 *
 * @param defaultZone the zone when the settings API does not answer in time, or has none (default
 *     UTC)
 * @param settingsTimeout how long the skill waits for the settings API (default 400 ms): the answer
 *     is cached per device, so only a container's first turn per device pays for it
 */
public record TimeZoneConfig(ZoneId defaultZone, Duration settingsTimeout) {

  public TimeZoneConfig {
    Objects.requireNonNull(defaultZone, "defaultZone");
    if (settingsTimeout.isNegative() || settingsTimeout.isZero()) {
      throw new ConfigException(ALEXA_SETTINGS_TIMEOUT_MS + " must be positive");
    }
  }

  public static TimeZoneConfig fromEnv(EnvironmentReader env) {
    String zone = env.optional(DEFAULT_TIME_ZONE, "UTC");
    ZoneId defaultZone;
    try {
      defaultZone = ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new ConfigException(
          DEFAULT_TIME_ZONE
              + " must be an IANA time zone such as Europe/Berlin, got '"
              + zone
              + "'");
    }
    return new TimeZoneConfig(
        defaultZone, Duration.ofMillis(env.intValue(ALEXA_SETTINGS_TIMEOUT_MS, 400, 50, 2000)));
  }
}
