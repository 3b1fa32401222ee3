package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.LeadCache.Snapshot;
import com.crmvoice.core.port.StorageUnavailableException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The owner's open leads in top-lead order, from the cache: what "next", "previous" and a lead's
 * name walk and match. Reads only the owner's own leads.
 */
public final class WorkingSet {

  private final LeadCache cache;
  private final int topN;

  public WorkingSet(LeadCache cache, int topN) {
    this.cache = cache;
    this.topN = topN;
  }

  /** The owner's cached open leads, oldest first; empty when the cache cannot tell. */
  public Optional<List<Lead>> leads(String ownerId) {
    try {
      return cache.topLeads(ownerId, topN) instanceof Snapshot.Known known
          ? Optional.of(known.leads())
          : Optional.empty();
    } catch (StorageUnavailableException e) {
      return Optional.empty();
    }
  }

  /** The owner's cached lead with this id, if it is still open and cached. */
  public Optional<Lead> find(String ownerId, String leadId) {
    return leads(ownerId).flatMap(l -> l.stream().filter(x -> x.id().equals(leadId)).findFirst());
  }

  /**
   * The owner's leads whose name matches what the user said: the full name, or the first or last
   * name alone, ignoring case and accents; a full-name match wins over partial ones.
   */
  public List<Lead> matching(String ownerId, String spoken) {
    if (spoken == null || spoken.isBlank()) {
      return List.of();
    }
    String said = normal(spoken);
    List<Lead> leads = leads(ownerId).orElse(List.of());
    List<Lead> full = leads.stream().filter(l -> normal(l.fullName()).equals(said)).toList();
    if (!full.isEmpty()) {
      return full;
    }
    return leads.stream()
        .filter(
            l ->
                normal(l.lastName()).equals(said)
                    || (l.firstName() != null && normal(l.firstName()).equals(said))
                    || normal(l.fullName()).contains(said))
        .toList();
  }

  static String normal(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} ]", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
