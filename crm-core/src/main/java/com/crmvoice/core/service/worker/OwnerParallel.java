package com.crmvoice.core.service.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one step per command of a batch (a claim, a settle: the command log's writes around the CRM
 * call) on a bounded pool: the commands of different owners at the same time, those of one owner
 * one after another in batch order, so two writes of one owner's cache entry, or two deliveries of
 * one command, never race. With one thread, or one command, everything runs on the caller's thread
 * in order, as before. Each write waits on the network, not the CPU, so a few threads overlap the
 * round trips that would otherwise run back to back (docs/worker.md, "Batch size and window").
 */
final class OwnerParallel {

  private final ExecutorService pool;

  /** {@code threads} at most at once; 1 for none but the caller's. */
  OwnerParallel(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.pool =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread thread = new Thread(r, "command-log");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /**
   * Applies {@code step} to every item; items of one {@code owner} in order, on one thread.
   *
   * @return the results in the items' order
   * @throws RuntimeException the first (in batch order of owners) a step threw, after every owner's
   *     steps have ended
   */
  <X, R> List<R> map(List<X> items, Function<X, String> owner, Function<X, R> step) {
    if (pool == null || items.size() < 2) {
      List<R> results = new ArrayList<>(items.size());
      for (X item : items) {
        results.add(step.apply(item));
      }
      return results;
    }
    Map<String, List<Integer>> byOwner = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      byOwner
          .computeIfAbsent(String.valueOf(owner.apply(items.get(i))), k -> new ArrayList<>())
          .add(i);
    }
    Object[] results = new Object[items.size()];
    List<Future<?>> running = new ArrayList<>();
    for (List<Integer> indexes : byOwner.values()) {
      running.add(
          pool.submit(
              () -> {
                for (int i : indexes) {
                  results[i] = step.apply(items.get(i));
                }
              }));
    }
    RuntimeException first = null;
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        if (first == null) {
          first =
              e.getCause() instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the command log was written", e);
      }
    }
    if (first != null) {
      throw first;
    }
    @SuppressWarnings("unchecked")
    List<R> typed = (List<R>) Arrays.asList(results);
    return typed;
  }
}
