package com.crmvoice.core.port;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.OpenTask;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Each CRM user's {@link Agenda}, kept close to the skill so the briefing never waits on the CRM,
 * and when each Alexa user last heard their briefing. An owner's agenda is written whole (one
 * item), so a reader sees one pass's agenda or the next, never a mix. Failures are {@link
 * StorageUnavailableException}.
 */
public interface AgendaCache {

  /** What the cache knows of one owner's day. */
  sealed interface Snapshot {
    /** Never refreshed, or expired: ask the CRM or say the day is not known yet. */
    record NeverRefreshed() implements Snapshot {}

    /** The owner's agenda as of {@code refreshedAt}. */
    record Known(Agenda agenda, Instant refreshedAt) implements Snapshot {}
  }

  /** The owner's agenda; an expired one (the store's TTL) is {@link Snapshot.NeverRefreshed}. */
  Snapshot agenda(String ownerId);

  /**
   * Makes {@code agenda} its owner's (one write, whatever it holds).
   *
   * @return the items written (1)
   */
  int replaceAgenda(Agenda agenda, Instant refreshedAt);

  /**
   * The stored digest ({@link Agenda#digest()}) of every owner whose agenda is stored and not due
   * for renewal (an agenda past half its time to live is left out, so a pass rewrites it before it
   * expires).
   */
  Map<String, String> agendaDigests();

  /**
   * The stored digests of these owners, read in batches (an incremental pass asks for the owners
   * its changes touch, not one read each); an owner with no stored agenda, or an expired one, is
   * not a key.
   */
  Map<String, String> digestsOf(Collection<String> ownerIds);

  /**
   * Read your writes: takes a task the worker completed out of its owner's stored agenda, if there.
   *
   * @return whether the stored agenda changed
   */
  boolean removeTask(String ownerId, String taskId);

  /**
   * Read your writes: adds an open task the worker created to its owner's stored agenda, once (a
   * task with its id already there is left as it is). Nothing when the owner has no stored agenda:
   * the next pass writes it whole.
   *
   * @return whether the stored agenda changed
   */
  boolean addTask(OpenTask task);

  /**
   * When the listener (the Alexa user id, so a launch can ask without the CRM) last heard their
   * briefing; empty before the first.
   */
  Optional<Instant> lastBriefing(String listener);

  /** Records that the listener heard their briefing at {@code at}. */
  void markBriefed(String listener, Instant at);
}
