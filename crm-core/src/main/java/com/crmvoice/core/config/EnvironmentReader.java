package com.crmvoice.core.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a function's environment variables as typed, validated values for the *Config records.
 * Every failure names the variable, so a bad deployment fails its cold start saying what to fix.
 */
public final class EnvironmentReader {
  private final Map<String, String> values;

  private EnvironmentReader(Map<String, String> values) {
    this.values = Map.copyOf(Objects.requireNonNull(values, "values"));
  }

  public static EnvironmentReader of(Map<String, String> values) {
    return new EnvironmentReader(values);
  }

  /** The value, trimmed; null when absent or blank. */
  public String optional(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }

  public String optional(String name, String fallback) {
    String value = optional(name);
    return value == null ? fallback : value;
  }

  public String required(String name) {
    String value = optional(name);
    if (value == null) {
      throw new ConfigException(name + " is required but not set");
    }
    return value;
  }

  public int intValue(String name, int fallback, int min, int max) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(
          name + " must be between " + min + " and " + max + ", got " + parsed);
    }
    return parsed;
  }

  /** true or false (any case); the fallback when absent. */
  public boolean bool(String name, boolean fallback) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(name + " must be true or false, got '" + value + "'");
  }

  public URI uri(String name, String fallback) {
    String value = optional(name, fallback);
    if (value == null) {
      throw new ConfigException(name + " is required but not set");
    }
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + " must be an absolute URL, got '" + value + "'");
    }
  }

  /** A comma-separated list, each item trimmed, blanks dropped. */
  public List<String> list(String name, String fallback) {
    String value = optional(name, fallback);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** A new reader with {@code overrides} laid over these values (for secrets read at init). */
  public EnvironmentReader with(Map<String, String> overrides) {
    Map<String, String> merged = new java.util.HashMap<>(values);
    merged.putAll(overrides);
    return new EnvironmentReader(merged);
  }
}
