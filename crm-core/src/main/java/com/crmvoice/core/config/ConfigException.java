package com.crmvoice.core.config;

/**
 * Configuration is missing or malformed; thrown at cold start with a message naming the variable.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
