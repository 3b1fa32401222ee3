package com.crmvoice.core.port;

import java.time.LocalDate;
import java.util.List;

/**
 * The owner's open deals closing in a span of days, as the daily briefing reads them: a port of the
 * briefing's own until the deals cache (issue 14's DealCache) is wired behind it. Failures are
 * {@link StorageUnavailableException}.
 */
public interface ClosingDeals {

  /** One deal as the briefing names it. */
  record DealMention(String name, LocalDate closeDate) {}

  /** The owner's open deals closing from {@code from} to {@code to}, soonest first. */
  List<DealMention> closingBetween(String ownerId, LocalDate from, LocalDate to);

  /** No deal source wired: the briefing leaves the section out. */
  ClosingDeals NONE = (ownerId, from, to) -> List.of();
}
