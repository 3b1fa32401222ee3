package com.crmvoice.core.service.skill;

import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmGateway.PicklistValue;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The org's Lead Status picklist, read with describe and kept for {@code ttl} per container, and
 * what a spoken status means in it. The interaction model resolves what the user said to a status
 * key (CONTACTED, QUALIFIED, NOT_INTERESTED, ...; the LEAD_STATUS slot type, with synonyms per
 * locale); the key names the picklist values it stands for, in order of preference, and the first
 * the org has wins. A value the user says word for word ("Working - Contacted") is taken as it is.
 * When the CRM cannot answer, the last values read (or the standard ones) stand.
 */
public final class LeadStatusCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(LeadStatusCatalog.class);

  /** Salesforce's standard Lead Status values. */
  public static final List<String> STANDARD =
      List.of(
          "Open - Not Contacted",
          "Working - Contacted",
          "Closed - Converted",
          "Closed - Not Converted");

  /** Spoken status keys and the picklist values each stands for, most preferred first. */
  static final Map<String, List<String>> ALIASES =
      Map.of(
          "OPEN",
          List.of("Open - Not Contacted", "Open", "New"),
          "CONTACTED",
          List.of("Working - Contacted", "Contacted", "Working"),
          "NURTURING",
          List.of("Nurturing", "Working - Contacted"),
          "QUALIFIED",
          List.of("Qualified"),
          "NOT_INTERESTED",
          List.of("Closed - Not Converted", "Unqualified", "No Longer Interested"));

  private final CrmGateway crm;
  private final Clock clock;
  private final Duration ttl;
  private final Set<String> closed;
  private volatile List<String> values;
  private volatile Instant readAt = Instant.MIN;

  public LeadStatusCatalog(
      CrmGateway crm, Clock clock, Duration ttl, Collection<String> closedStatuses) {
    this.crm = crm;
    this.clock = clock;
    this.ttl = ttl;
    this.closed = Set.copyOf(closedStatuses);
    this.values = STANDARD;
  }

  /** The active picklist values, in the org's order. Never throws. */
  public List<String> values() {
    Instant now = clock.instant();
    if (readAt.plus(ttl).isAfter(now)) {
      return values;
    }
    try {
      List<String> read = crm.leadStatuses().stream().map(PicklistValue::value).toList();
      if (!read.isEmpty()) {
        values = read;
      }
      readAt = now;
    } catch (CrmUnavailableException | CrmRejectedException e) {
      // Try again after a while, not on every request.
      readAt = now.minus(ttl).plus(Duration.ofMinutes(1));
      LOG.warn("lead statuses unavailable, using the last known: {}", e.toString());
    }
    return values;
  }

  /**
   * The picklist value the user meant, if the org has one.
   *
   * @param key the resolved LEAD_STATUS key (null when the model resolved nothing)
   * @param spoken what the user said
   */
  public Optional<String> resolve(String key, String spoken) {
    List<String> known = values();
    if (spoken != null) {
      String said = spoken.strip().toLowerCase(Locale.ROOT);
      for (String value : known) {
        if (value.toLowerCase(Locale.ROOT).equals(said)) {
          return Optional.of(value);
        }
      }
    }
    if (key == null) {
      return Optional.empty();
    }
    for (String candidate : ALIASES.getOrDefault(key, List.of())) {
      for (String value : known) {
        if (value.equalsIgnoreCase(candidate)) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a lead with this status still counts as open. */
  public boolean isOpen(String status) {
    return status == null || !closed.contains(status);
  }
}
