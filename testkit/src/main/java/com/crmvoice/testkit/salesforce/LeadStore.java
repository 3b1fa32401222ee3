package com.crmvoice.testkit.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fake org's leads: live ones indexed by owner and external id, and the recycle bin that
 * queryAll still reads. Not thread-safe: callers hold the {@link FakeSalesforce}'s monitor.
 */
final class LeadStore {

  /** The store's indexes at one moment, to roll an allOrNone request back to. */
  record Snapshot(
      Map<String, Map<String, Object>> leads,
      Map<String, Set<String>> byOwner,
      Map<String, String> byExternalId) {}

  private final Clock clock;
  private final SObjectSchema schema;
  private final Map<String, Map<String, Object>> leads = new LinkedHashMap<>();
  private final Map<String, Set<String>> leadsByOwner = new HashMap<>();
  private final Map<String, String> leadsByExternalId = new HashMap<>();

  /** Deleted leads (also the losers of a merge), as queryAll still returns them. */
  private final Map<String, Map<String, Object>> recycleBin = new LinkedHashMap<>();

  private long nextLeadNumber = 1;
  private Instant lastStamp = Instant.EPOCH;

  LeadStore(Clock clock, SObjectSchema schema) {
    this.clock = clock;
    this.schema = schema;
  }

  // ---- set-up (fields by API name, any case) ----

  String insert(Map<String, Object> fields) {
    Map<String, Object> record = new HashMap<>();
    fields.forEach((k, v) -> record.put(canonicalOrFail(k), v));
    Instant stamp = nextStamp();
    record.putIfAbsent("OwnerId", FakeSalesforce.INTEGRATION_USER_ID);
    record.putIfAbsent("Status", "Open - Not Contacted");
    record.putIfAbsent("IsConverted", Boolean.FALSE);
    record.putIfAbsent("CreatedDate", stamp);
    record.put("IsDeleted", Boolean.FALSE);
    record.put("LastModifiedDate", stamp);
    record.put("SystemModstamp", stamp);
    return store(record);
  }

  void update(String id, Map<String, Object> fields) {
    Map<String, Object> current = leads.get(id);
    if (current == null) {
      throw new IllegalArgumentException("no lead " + id);
    }
    Map<String, Object> next = new HashMap<>(current);
    fields.forEach((k, v) -> next.put(canonicalOrFail(k), v));
    touch(next);
    replace(id, current, next);
  }

  void delete(String id) {
    Map<String, Object> record = leads.get(id);
    if (record == null) {
      throw new IllegalArgumentException("no lead " + id);
    }
    moveToRecycleBin(id, record, null);
  }

  void merge(String masterId, String losingId) {
    Map<String, Object> master = leads.get(masterId);
    Map<String, Object> loser = leads.get(losingId);
    if (master == null || loser == null || masterId.equals(losingId)) {
      throw new IllegalArgumentException("merge needs two live leads");
    }
    Map<String, Object> next = new HashMap<>(master);
    touch(next);
    replace(masterId, master, next);
    moveToRecycleBin(losingId, loser, masterId);
  }

  private void moveToRecycleBin(String id, Map<String, Object> record, String masterId) {
    leads.remove(id);
    leadsByOwner.getOrDefault((String) record.get("OwnerId"), new TreeSet<>()).remove(id);
    Object external = record.get(FakeSalesforce.EXTERNAL_ID_FIELD);
    if (external != null && id.equals(leadsByExternalId.get(external.toString()))) {
      leadsByExternalId.remove(external.toString());
    }
    Map<String, Object> deleted = new HashMap<>(record);
    deleted.put("IsDeleted", Boolean.TRUE);
    // getDeleted's deletedDate "is obtained using the SystemModstamp system field":
    // https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_getdeleted_getdeletedresult.htm
    deleted.put("SystemModstamp", nextStamp());
    if (masterId != null) {
      deleted.put("MasterRecordId", masterId);
    }
    recycleBin.put(id, deleted);
  }

  // ---- reads ----

  /** A live lead's record (the stored map itself), or null. */
  Map<String, Object> live(String id) {
    return leads.get(id);
  }

  /** A deleted lead's record (the stored map itself), or null. */
  Map<String, Object> deleted(String id) {
    return recycleBin.get(id);
  }

  Collection<Map<String, Object>> live() {
    return leads.values();
  }

  int size() {
    return leads.size();
  }

  /** The id of the live lead holding this external id, or null. */
  String idByExternalId(String externalValue) {
    return leadsByExternalId.get(externalValue);
  }

  /**
   * The records a query starts from: the owner's leads when the WHERE clause pins one (else all),
   * and with {@code withDeleted} (queryAll) the recycle bin too; query never answers those.
   */
  Collection<Map<String, Object>> candidates(String owner, boolean withDeleted) {
    Collection<Map<String, Object>> candidates =
        owner == null
            ? leads.values()
            : leadsByOwner.getOrDefault(owner, Set.of()).stream().map(leads::get).toList();
    if (!withDeleted) {
      return candidates;
    }
    List<Map<String, Object>> all = new ArrayList<>(candidates);
    all.addAll(recycleBin.values());
    return all;
  }

  // ---- writes ----

  /** Gives a new record its Id and indexes it; answers the Id. */
  String store(Map<String, Object> record) {
    String id = String.format("00Q%012dAAA", nextLeadNumber++);
    record.put("Id", id);
    leads.put(id, record);
    leadsByOwner.computeIfAbsent((String) record.get("OwnerId"), k -> new TreeSet<>()).add(id);
    Object external = record.get(FakeSalesforce.EXTERNAL_ID_FIELD);
    if (external != null) {
      leadsByExternalId.put(external.toString(), id);
    }
    return id;
  }

  void replace(String id, Map<String, Object> current, Map<String, Object> next) {
    leads.put(id, next);
    String oldOwner = (String) current.get("OwnerId");
    String newOwner = (String) next.get("OwnerId");
    if (!oldOwner.equals(newOwner)) {
      leadsByOwner.get(oldOwner).remove(id);
      leadsByOwner.computeIfAbsent(newOwner, k -> new TreeSet<>()).add(id);
    }
    Object external = next.get(FakeSalesforce.EXTERNAL_ID_FIELD);
    if (external != null) {
      leadsByExternalId.put(external.toString(), id);
    }
  }

  /** Sets a new LastModifiedDate and SystemModstamp (one stamp) on a record. */
  void touch(Map<String, Object> record) {
    Instant stamp = nextStamp();
    record.put("LastModifiedDate", stamp);
    record.put("SystemModstamp", stamp);
  }

  Snapshot snapshot() {
    Map<String, Set<String>> owners = new HashMap<>();
    leadsByOwner.forEach((k, v) -> owners.put(k, new TreeSet<>(v)));
    return new Snapshot(new LinkedHashMap<>(leads), owners, new HashMap<>(leadsByExternalId));
  }

  void restore(Snapshot snapshot) {
    leads.clear();
    leads.putAll(snapshot.leads());
    leadsByOwner.clear();
    leadsByOwner.putAll(snapshot.byOwner());
    leadsByExternalId.clear();
    leadsByExternalId.putAll(snapshot.byExternalId());
  }

  /** A modification stamp at millisecond precision, later than every stamp handed out before. */
  Instant nextStamp() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
    return lastStamp;
  }

  private String canonicalOrFail(String name) {
    String canonical = schema.canonical(name);
    if (canonical == null) {
      throw new IllegalArgumentException("Lead has no field " + name);
    }
    return canonical;
  }

  static Map<String, Object> withoutNulls(Map<String, Object> record) {
    Map<String, Object> copy = new HashMap<>();
    record.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
