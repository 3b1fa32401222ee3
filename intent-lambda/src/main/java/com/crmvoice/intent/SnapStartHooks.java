package com.crmvoice.intent;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent function's SnapStart runtime hooks (org.crac, which Lambda's Java runtime calls when
 * it takes and restores a snapshot; on any other JVM they are never called). Before the snapshot:
 * priming, the requests a user's first turn makes, answered once so their classes are loaded and
 * compiled into the snapshot instead of in that turn; without SnapStart the first request pays for
 * them itself, once, rather than every cold init paying for priming. After a restore: what the
 * copies of one snapshot must not share (docs/skill.md, "Cold start").
 */
final class SnapStartHooks implements Resource {

  private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);

  private final Runnable prime;
  private final Runnable afterRestore;

  SnapStartHooks(Runnable prime, Runnable afterRestore) {
    this.prime = prime;
    this.afterRestore = afterRestore;
  }

  /**
   * Registers with the global context. The context may hold its resources weakly: the caller keeps
   * the hooks reachable for the container's life.
   */
  SnapStartHooks register() {
    Core.getGlobalContext().register(this);
    return this;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    long started = System.nanoTime();
    prime.run();
    LOG.info("primed before the snapshot in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    long started = System.nanoTime();
    afterRestore.run();
    LOG.info("refreshed after restore in {} ms", (System.nanoTime() - started) / 1_000_000);
  }
}
