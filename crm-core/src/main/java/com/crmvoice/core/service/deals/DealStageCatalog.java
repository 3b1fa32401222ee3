package com.crmvoice.core.service.deals;

import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The org's Opportunity StageName picklist (for Salesforce: describe joined with OpportunityStage,
 * {@code DealGateway#stages}), read at most once per {@code ttl} per container, and what a spoken
 * stage means in it. When the CRM cannot answer, the last stages read (or Salesforce's standard
 * ones) stand, and the CRM is asked again after a minute, not on every request. Thread-safe.
 *
 * <p>A spoken stage is resolved, first match wins: (1) the stage key the interaction model resolved
 * it to (the DEAL_STAGE type: NEGOTIATION, CLOSED_WON, ...), as the picklist values it stands for
 * in order of preference ({@link #KEYS}); (2) a value or label said word for word (case, accents
 * and punctuation ignored: "negotiation review" is Negotiation/Review); (3) a spoken alias of a key
 * in the user's language, recognition slips included ("closed one" for Closed Won; the aliases come
 * from the speech bundles); (4) the start of exactly one stage's words ("negotiation").
 */
public final class DealStageCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(DealStageCatalog.class);

  /** Salesforce's standard stages, with the probability and forecast category it sets. */
  public static final List<DealStage> STANDARD =
      List.of(
          new DealStage("Prospecting", null, 1, 10, "Pipeline", false, false),
          new DealStage("Qualification", null, 2, 10, "Pipeline", false, false),
          new DealStage("Needs Analysis", null, 3, 20, "Pipeline", false, false),
          new DealStage("Value Proposition", null, 4, 50, "Pipeline", false, false),
          new DealStage("Id. Decision Makers", null, 5, 60, "Pipeline", false, false),
          new DealStage("Perception Analysis", null, 6, 70, "Pipeline", false, false),
          new DealStage("Proposal/Price Quote", null, 7, 75, "Pipeline", false, false),
          new DealStage("Negotiation/Review", null, 8, 90, "Pipeline", false, false),
          new DealStage("Closed Won", null, 9, 100, "Closed", true, true),
          new DealStage("Closed Lost", null, 10, 0, "Omitted", true, false));

  /**
   * Stage keys (the DEAL_STAGE slot type's ids) and the values each stands for, best first:
   * Salesforce's standard stages, then Dynamics 365's sales process stages (Qualify, Develop,
   * Propose, Close; Won and Lost).
   */
  public static final Map<String, List<String>> KEYS =
      Map.ofEntries(
          Map.entry("PROSPECTING", List.of("Prospecting", "Prospect")),
          Map.entry("QUALIFICATION", List.of("Qualification", "Qualified", "Qualify")),
          Map.entry("DEVELOP", List.of("Develop", "Development")),
          Map.entry("NEEDS_ANALYSIS", List.of("Needs Analysis", "Discovery")),
          Map.entry("VALUE_PROPOSITION", List.of("Value Proposition")),
          Map.entry("DECISION_MAKERS", List.of("Id. Decision Makers", "Decision Makers")),
          Map.entry("PERCEPTION_ANALYSIS", List.of("Perception Analysis")),
          Map.entry("PROPOSAL", List.of("Proposal/Price Quote", "Proposal", "Quote", "Propose")),
          Map.entry("NEGOTIATION", List.of("Negotiation/Review", "Negotiation")),
          Map.entry("CLOSED_WON", List.of("Closed Won", "Won")),
          Map.entry("CLOSED_LOST", List.of("Closed Lost", "Lost")));

  private final Supplier<List<DealStage>> source;
  private final Clock clock;
  private final Duration ttl;
  private volatile List<DealStage> stages = STANDARD;
  private volatile Instant readAt = Instant.MIN;

  /**
   * @param source the CRM's stages ({@code DealGateway::stages}); may throw {@link
   *     CrmUnavailableException} or {@link CrmRejectedException}
   */
  public DealStageCatalog(Supplier<List<DealStage>> source, Clock clock, Duration ttl) {
    this.source = source;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** The active stages in sales-process order. Never throws. */
  public List<DealStage> stages() {
    Instant now = clock.instant();
    if (readAt.plus(ttl).isAfter(now)) {
      return stages;
    }
    synchronized (this) {
      if (readAt.plus(ttl).isAfter(now)) {
        return stages;
      }
      try {
        List<DealStage> read = source.get();
        if (read != null && !read.isEmpty()) {
          stages = List.copyOf(read);
        }
        readAt = now;
      } catch (CrmUnavailableException | CrmRejectedException e) {
        readAt = now.minus(ttl).plus(Duration.ofMinutes(1));
        LOG.warn("opportunity stages unavailable, using the last known: {}", e.toString());
      }
      return stages;
    }
  }

  /** The stage with this API value, if the org has it. */
  public Optional<DealStage> stage(String value) {
    return stages().stream().filter(s -> s.value().equals(value)).findFirst();
  }

  /** The open stages' labels, in order: what the user can say. */
  public List<String> openLabels() {
    return stages().stream().filter(s -> !s.closed()).map(DealStage::label).toList();
  }

  /**
   * The stage the user meant, if the org has one.
   *
   * @param key the resolved DEAL_STAGE key; null when the model resolved nothing
   * @param spoken what the user said; may be null
   * @param aliases the spoken aliases of each key in the user's language (slips included)
   */
  public Optional<DealStage> resolve(
      String key, String spoken, Map<String, ? extends Collection<String>> aliases) {
    List<DealStage> known = stages();
    Optional<DealStage> byKey = byKey(known, key);
    if (byKey.isPresent()) {
      return byKey;
    }
    String said = normal(spoken);
    if (said.isEmpty()) {
      return Optional.empty();
    }
    for (DealStage stage : known) {
      if (normal(stage.value()).equals(said) || normal(stage.label()).equals(said)) {
        return Optional.of(stage);
      }
    }
    for (Map.Entry<String, ? extends Collection<String>> entry : aliases.entrySet()) {
      for (String alias : entry.getValue()) {
        if (normal(alias).equals(said)) {
          Optional<DealStage> aliased = byKey(known, entry.getKey());
          if (aliased.isPresent()) {
            return aliased;
          }
        }
      }
    }
    List<DealStage> starting = new ArrayList<>();
    for (DealStage stage : known) {
      if (startsWithWords(normal(stage.label()), said)
          || startsWithWords(normal(stage.value()), said)) {
        starting.add(stage);
      }
    }
    return starting.size() == 1 ? Optional.of(starting.get(0)) : Optional.empty();
  }

  private static Optional<DealStage> byKey(List<DealStage> known, String key) {
    if (key == null) {
      return Optional.empty();
    }
    for (String candidate : KEYS.getOrDefault(key, List.of())) {
      for (DealStage stage : known) {
        if (stage.value().equalsIgnoreCase(candidate)
            || stage.label().equalsIgnoreCase(candidate)) {
          return Optional.of(stage);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean startsWithWords(String words, String start) {
    return words.equals(start) || words.startsWith(start + " ");
  }

  /**
   * Lower case, accents and punctuation gone, single spaces: "Negotiation/Review" → "negotiation
   * review".
   */
  static String normal(String text) {
    if (text == null) {
      return "";
    }
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace("ß", "ss");
    return plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
