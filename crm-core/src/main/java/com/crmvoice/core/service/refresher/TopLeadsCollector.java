package com.crmvoice.core.service.refresher;

import com.crmvoice.core.domain.Lead;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a stream of open leads grouped by owner (as {@code CrmGateway.openLeads()} answers them)
 * into each owner's top N, oldest first, holding only the current owner's N leads in memory. An
 * owner's set is handed to the sink when the stream moves on to the next owner, and the last one on
 * {@link #finish()}; a stream that breaks off before {@code finish()} never hands over the owner it
 * was in the middle of, so no owner is written from a partial read.
 *
 * <p>Within an owner the leads may come in any order: the collector keeps the N oldest by creation
 * time, then id. Owners must be contiguous; an owner that reappears after another one means the
 * source is not grouped, and the collector throws rather than hand over a wrong top set.
 */
public final class TopLeadsCollector implements Consumer<Lead> {

  /** The oldest first, ties by id: the order the cache and {@code LeadDigest} use. */
  public static final Comparator<Lead> OLDEST_FIRST =
      Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);

  /**
   * One owner's top leads.
   *
   * @param ownerId the owner
   * @param leads at most N leads, oldest first
   * @param openLeads how many open leads the owner has in the stream
   */
  public record OwnerTop(String ownerId, List<Lead> leads, int openLeads) {
    public OwnerTop {
      leads = List.copyOf(leads);
    }
  }

  private final int topN;
  private final Consumer<OwnerTop> sink;
  private final Set<String> finishedOwners = new HashSet<>();
  private final List<Lead> current;
  private String currentOwner;
  private int currentCount;
  private long leadsRead;
  private boolean finished;

  public TopLeadsCollector(int topN, Consumer<OwnerTop> sink) {
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be positive");
    }
    this.topN = topN;
    this.sink = sink;
    this.current = new ArrayList<>(topN + 1);
  }

  @Override
  public void accept(Lead lead) {
    if (finished) {
      throw new IllegalStateException("collector already finished");
    }
    leadsRead++;
    if (!lead.ownerId().equals(currentOwner)) {
      flush();
      if (!finishedOwners.add(lead.ownerId())) {
        throw new IllegalStateException(
            "open leads are not grouped by owner: an owner came back after another one");
      }
      currentOwner = lead.ownerId();
    }
    currentCount++;
    int at = Collections.binarySearch(current, lead, OLDEST_FIRST);
    if (at >= 0) {
      return; // the same lead twice (a page boundary repeated): keep one
    }
    int insertAt = -at - 1;
    if (insertAt >= topN) {
      return;
    }
    current.add(insertAt, lead);
    if (current.size() > topN) {
      current.remove(topN);
    }
  }

  /** Hands over the last owner; call only once the stream was read to its end. */
  public void finish() {
    flush();
    finished = true;
  }

  /** Leads seen so far. */
  public long leadsRead() {
    return leadsRead;
  }

  /** Owners handed over so far (and the one in progress). */
  public int owners() {
    return finishedOwners.size();
  }

  private void flush() {
    if (currentOwner != null) {
      sink.accept(new OwnerTop(currentOwner, current, currentCount));
      current.clear();
      currentOwner = null;
      currentCount = 0;
    }
  }
}
