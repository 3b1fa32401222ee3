package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A CRM in memory: leads with an open flag and a modification stamp, users by access token,
 * idempotent creates by external id, call counts, and injectable failures. Thread-safe.
 */
public final class InMemoryCrmGateway implements CrmGateway {

  private static final Comparator<Lead> OLDEST_FIRST =
      Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);
  private static final Comparator<Lead> BY_OWNER_THEN_OLDEST =
      Comparator.comparing(Lead::ownerId).thenComparing(OLDEST_FIRST);

  private record Row(
      Lead lead, boolean open, Instant modifiedAt, String externalId, boolean deleted) {
    Row(Lead lead, boolean open, Instant modifiedAt, String externalId) {
      this(lead, open, modifiedAt, externalId, false);
    }
  }

  private final Clock clock;
  private final Set<String> closedStatuses;
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final Map<String, CrmUser> usersByToken = new HashMap<>();
  private final Map<String, AtomicInteger> calls = new HashMap<>();
  private int nextId = 1;
  private int failNextCalls;
  private int commitThenTimeout;
  private boolean lookupsFailing;
  private Function<CreateLeadRequest, CreateResult> createOverride;

  public InMemoryCrmGateway(Clock clock) {
    this(clock, Set.of("Closed - Converted", "Closed - Not Converted"));
  }

  public InMemoryCrmGateway(Clock clock, Set<String> closedStatuses) {
    this.clock = clock;
    this.closedStatuses = Set.copyOf(closedStatuses);
  }

  // ---- test controls ----

  /** Adds or replaces a lead as the CRM holds it now. */
  public synchronized void put(Lead lead) {
    Row old = rows.get(lead.id());
    rows.put(
        lead.id(),
        new Row(
            lead,
            !closedStatuses.contains(lead.status()),
            clock.instant(),
            old == null ? null : old.externalId()));
  }

  /** Marks a lead converted: no longer open. */
  public synchronized void convert(String leadId) {
    Row row = rows.get(leadId);
    rows.put(leadId, new Row(row.lead(), false, clock.instant(), row.externalId()));
  }

  /**
   * Deletes a lead (or merges it away) as the CRM does: it leaves every read but {@link
   * #leadsModifiedSince}, which reports it once as a deletion.
   */
  public synchronized void delete(String leadId) {
    Row row = rows.get(leadId);
    rows.put(leadId, new Row(row.lead(), false, clock.instant(), row.externalId(), true));
  }

  public synchronized void addUser(String accessToken, CrmUser user) {
    usersByToken.put(accessToken, user);
  }

  /** The next {@code n} calls of any kind throw {@link CrmUnavailableException}. */
  public synchronized void failNextCalls(int n) {
    failNextCalls = n;
  }

  /**
   * The next {@code n} createLeads calls create (or find) their leads and then throw TIMEOUT, as
   * when the CRM commits and its answer never arrives.
   */
  public synchronized void commitThenTimeout(int n) {
    commitThenTimeout = n;
  }

  /** While true, findLeadByExternalId throws {@link CrmUnavailableException}. */
  public synchronized void lookupsFailing(boolean failing) {
    lookupsFailing = failing;
  }

  /** Decides the result of each create request instead of creating (null to stop). */
  public synchronized void overrideCreates(Function<CreateLeadRequest, CreateResult> override) {
    createOverride = override;
  }

  /** Calls made per method name ("topOpenLeads", "openLeads", "createLeads", ...). */
  public synchronized int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  public synchronized List<Lead> allLeads() {
    return rows.values().stream().filter(r -> !r.deleted()).map(Row::lead).toList();
  }

  public synchronized List<Lead> openLeadsOf(String ownerId) {
    return rows.values().stream()
        .filter(r -> r.open() && !r.deleted() && r.lead().ownerId().equals(ownerId))
        .map(Row::lead)
        .sorted(OLDEST_FIRST)
        .toList();
  }

  // ---- CrmGateway ----

  @Override
  public synchronized List<Lead> topOpenLeads(String ownerId, int limit) {
    enter("topOpenLeads");
    return openLeadsOf(ownerId).stream().limit(limit).toList();
  }

  @Override
  public synchronized Stream<Lead> openLeads() {
    enter("openLeads");
    return rows.values().stream()
        .filter(r -> r.open() && !r.deleted())
        .map(Row::lead)
        .sorted(BY_OWNER_THEN_OLDEST)
        .toList()
        .stream();
  }

  @Override
  public synchronized Stream<LeadChange> leadsModifiedSince(Instant since) {
    enter("leadsModifiedSince");
    return rows.values().stream()
        .filter(r -> !r.modifiedAt().isBefore(since))
        .sorted(Comparator.comparing(Row::modifiedAt))
        .map(
            r ->
                r.deleted()
                    ? LeadChange.deletion(r.lead(), r.modifiedAt())
                    : new LeadChange(r.lead(), r.open(), r.modifiedAt()))
        .toList()
        .stream();
  }

  @Override
  public synchronized List<CreateResult> createLeads(List<CreateLeadRequest> requests) {
    enter("createLeads");
    if (requests.size() > MAX_CREATE_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_CREATE_BATCH + " records a call");
    }
    List<CreateResult> results = new ArrayList<>();
    for (CreateLeadRequest request : requests) {
      if (createOverride != null) {
        CreateResult forced = createOverride.apply(request);
        if (forced != null) {
          results.add(forced);
          continue;
        }
      }
      Row existing =
          rows.values().stream()
              .filter(r -> !r.deleted() && request.externalId().equals(r.externalId()))
              .findFirst()
              .orElse(null);
      if (existing != null) {
        results.add(new CreateResult.Created(existing.lead().id(), false));
        continue;
      }
      String id = String.format("00Q%015d", nextId++);
      Lead lead =
          new Lead(
              id,
              request.ownerId(),
              request.lead().firstName(),
              request.lead().lastName(),
              request.lead().company(),
              request.lead().email(),
              request.lead().phone(),
              "Open - Not Contacted",
              clock.instant());
      rows.put(id, new Row(lead, true, clock.instant(), request.externalId()));
      results.add(new CreateResult.Created(id, true));
    }
    if (commitThenTimeout > 0) {
      commitThenTimeout--;
      throw new CrmUnavailableException("TIMEOUT", "injected: committed, then no answer");
    }
    return results;
  }

  @Override
  public synchronized Optional<String> findLeadByExternalId(String externalId) {
    enter("findLeadByExternalId");
    if (lookupsFailing) {
      throw new CrmUnavailableException("SERVER_UNAVAILABLE", "injected lookup failure");
    }
    return rows.values().stream()
        .filter(r -> externalId.equals(r.externalId()))
        .map(r -> r.lead().id())
        .findFirst();
  }

  @Override
  public synchronized CrmUser userForAccessToken(String accessToken) {
    enter("userForAccessToken");
    CrmUser user = usersByToken.get(accessToken);
    if (user == null) {
      throw new CrmRejectedException("INVALID_SESSION_ID", "Session expired or invalid");
    }
    return user;
  }

  private void enter(String method) {
    calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    if (failNextCalls > 0) {
      failNextCalls--;
      throw new CrmUnavailableException("SERVER_UNAVAILABLE", "injected failure");
    }
  }
}
