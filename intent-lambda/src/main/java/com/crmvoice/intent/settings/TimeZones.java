package com.crmvoice.intent.settings;

import java.time.ZoneId;

/**
 * The time zone of the device a request came from, so that "today", "tomorrow" and "Friday" are the
 * user's days. Never throws: without an answer it is the configured default.
 */
@FunctionalInterface
public interface TimeZones {

  /**
   * @param apiEndpoint context.System.apiEndpoint, or null
   * @param apiAccessToken context.System.apiAccessToken, or null
   * @param deviceId context.System.device.deviceId, or null
   */
  ZoneId zone(String apiEndpoint, String apiAccessToken, String deviceId);

  /** Always {@code zone}: tests, and a skill without the settings API. */
  static TimeZones fixed(ZoneId zone) {
    return (endpoint, token, device) -> zone;
  }
}
