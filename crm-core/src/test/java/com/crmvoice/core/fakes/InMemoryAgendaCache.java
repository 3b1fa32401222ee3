package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.port.AgendaCache;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The agenda cache in memory, with a count of writes. Agendas never expire here
 * (DynamoDbAgendaCacheIT covers expiry and renewal).
 */
public final class InMemoryAgendaCache implements AgendaCache {

  private final Map<String, Snapshot.Known> agendas = new HashMap<>();
  private final Map<String, Instant> briefed = new HashMap<>();
  private int writes;

  @Override
  public synchronized Snapshot agenda(String ownerId) {
    Snapshot.Known known = agendas.get(ownerId);
    return known == null ? new Snapshot.NeverRefreshed() : known;
  }

  @Override
  public synchronized int replaceAgenda(Agenda agenda, Instant refreshedAt) {
    writes++;
    agendas.put(agenda.ownerId(), new Snapshot.Known(agenda, refreshedAt));
    return 1;
  }

  @Override
  public synchronized Map<String, String> agendaDigests() {
    Map<String, String> digests = new HashMap<>();
    agendas.forEach((owner, known) -> digests.put(owner, known.agenda().digest()));
    return digests;
  }

  @Override
  public synchronized boolean removeTask(String ownerId, String taskId) {
    Snapshot.Known known = agendas.get(ownerId);
    if (known == null) {
      return false;
    }
    Agenda without = known.agenda().withoutTask(taskId);
    if (without.equals(known.agenda())) {
      return false;
    }
    agendas.put(ownerId, new Snapshot.Known(without, known.refreshedAt()));
    writes++;
    return true;
  }

  @Override
  public synchronized Optional<Instant> lastBriefing(String ownerId) {
    return Optional.ofNullable(briefed.get(ownerId));
  }

  @Override
  public synchronized void markBriefed(String ownerId, Instant at) {
    briefed.put(ownerId, at);
  }

  /** Agendas written so far (replaces and task removals). */
  public synchronized int writes() {
    return writes;
  }
}
