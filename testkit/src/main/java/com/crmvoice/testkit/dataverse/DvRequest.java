package com.crmvoice.testkit.dataverse;

import java.util.Map;
import java.util.TreeMap;

/**
 * One Web API request as the fake's resources see it, whether it came over HTTP or as a part of a
 * $batch: method, the path under /api/data/v9.2 (percent-decoded), the raw query, headers (names
 * case-insensitive), body, and the caller's user id.
 */
record DvRequest(
    String method,
    String path,
    String rawQuery,
    Map<String, String> headers,
    String body,
    String userId) {

  DvRequest {
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = h;
  }

  String header(String name) {
    return headers.get(name);
  }

  /** Whether the Prefer header asks for this preference (by name, before any '='). */
  boolean prefers(String preference) {
    String prefer = header("Prefer");
    if (prefer == null) {
      return false;
    }
    for (String p : prefer.split(",")) {
      String name = p.strip();
      int eq = name.indexOf('=');
      if ((eq < 0 ? name : name.substring(0, eq)).equalsIgnoreCase(preference)) {
        return true;
      }
    }
    return false;
  }

  /** The value of a preference (odata.maxpagesize=100 answers "100"), or null. */
  String preference(String preference) {
    String prefer = header("Prefer");
    if (prefer == null) {
      return null;
    }
    for (String p : prefer.split(",")) {
      String item = p.strip();
      int eq = item.indexOf('=');
      if (eq > 0 && item.substring(0, eq).equalsIgnoreCase(preference)) {
        return item.substring(eq + 1).replace("\"", "");
      }
    }
    return null;
  }
}
