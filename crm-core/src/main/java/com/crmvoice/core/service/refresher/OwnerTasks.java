package com.crmvoice.core.service.refresher;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one pass's per-owner work on a few threads, with at most twice as many owners queued as
 * threads (so a fast stream cannot pile up owners in memory). The first failure stops the
 * submission of more work: {@link #submit} and {@link #awaitAll} rethrow it, and {@link #close}
 * waits for the work in flight, so a pass never returns while an owner is being written. With a
 * concurrency of 1 the work runs on the caller's thread.
 */
final class OwnerTasks implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService pool;
  private final Semaphore permits;
  private final int maxPermits;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  OwnerTasks(int concurrency) {
    if (concurrency <= 1) {
      pool = null;
      maxPermits = 0;
      permits = null;
    } else {
      pool =
          Executors.newFixedThreadPool(
              concurrency,
              r -> {
                Thread t = new Thread(r, "refresh-owner-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      maxPermits = concurrency * 2;
      permits = new Semaphore(maxPermits);
    }
  }

  /** Runs or queues one owner's work; throws the first failure of any earlier work. */
  void submit(Runnable work) {
    throwIfFailed();
    if (pool == null) {
      work.run();
      return;
    }
    permits.acquireUninterruptibly();
    if (failure.get() != null) {
      permits.release();
      throwIfFailed();
    }
    pool.execute(
        () -> {
          try {
            if (failure.get() == null) {
              work.run();
            }
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          } finally {
            permits.release();
          }
        });
  }

  /** Waits for all submitted work; throws the first failure. */
  void awaitAll() {
    if (pool != null) {
      permits.acquireUninterruptibly(maxPermits);
      permits.release(maxPermits);
    }
    throwIfFailed();
  }

  private void throwIfFailed() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  /** Waits for the work in flight, then stops the threads. Never throws. */
  @Override
  public void close() {
    if (pool != null) {
      permits.acquireUninterruptibly(maxPermits);
      permits.release(maxPermits);
      pool.shutdown();
    }
  }
}
