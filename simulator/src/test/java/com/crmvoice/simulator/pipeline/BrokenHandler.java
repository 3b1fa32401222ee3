package com.crmvoice.simulator.pipeline;

import java.util.Map;

/** A handler whose cold start fails, as one with missing configuration does. */
public final class BrokenHandler {
  public BrokenHandler(Map<String, String> env) {
    throw new IllegalStateException("LEADS_TABLE is required but not set");
  }
}
