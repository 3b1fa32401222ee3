package com.crmvoice.core.fakes;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.AgendaCache;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The agenda cache in memory, with a count of writes. Agendas never expire here
 * (DynamoDbAgendaCacheIT covers expiry and renewal).
 */
public final class InMemoryAgendaCache implements AgendaCache {

  private final Map<String, Snapshot.Known> agendas = new HashMap<>();
  private final Map<String, Instant> briefed = new HashMap<>();
  private int writes;
  private int digestReads;
  private int agendaReads;

  @Override
  public synchronized Snapshot agenda(String ownerId) {
    agendaReads++;
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
  public synchronized Map<String, String> digestsOf(java.util.Collection<String> ownerIds) {
    digestReads++;
    Map<String, String> digests = new HashMap<>();
    for (String owner : ownerIds) {
      Snapshot.Known known = agendas.get(owner);
      if (known != null) {
        digests.put(owner, known.agenda().digest());
      }
    }
    return digests;
  }

  /** How many times {@link #digestsOf} was called. */
  public synchronized int digestReads() {
    return digestReads;
  }

  /** How many times {@link #agenda} was called. */
  public synchronized int agendaReads() {
    return agendaReads;
  }

  @Override
  public synchronized boolean removeTask(String ownerId, String taskId) {
    return rewrite(ownerId, a -> a.withoutTask(taskId));
  }

  @Override
  public synchronized boolean addTask(OpenTask task) {
    return rewrite(task.ownerId(), a -> a.withTask(task));
  }

  private boolean rewrite(String ownerId, UnaryOperator<Agenda> change) {
    Snapshot.Known known = agendas.get(ownerId);
    if (known == null) {
      return false;
    }
    Agenda changed = change.apply(known.agenda());
    if (changed.equals(known.agenda())) {
      return false;
    }
    agendas.put(ownerId, new Snapshot.Known(changed, known.refreshedAt()));
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

  /** Agendas written so far (replaces, task removals and additions). */
  public synchronized int writes() {
    return writes;
  }
}
