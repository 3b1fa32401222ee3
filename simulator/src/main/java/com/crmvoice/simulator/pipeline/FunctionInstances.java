package com.crmvoice.simulator.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Several instances of one function, as Lambda scales a function's containers: an invocation takes
 * an idle instance, or cold-starts a new one while fewer than {@code max} exist, or waits for one
 * to come free. Each instance runs one invocation at a time ({@link LambdaFunction}). {@link
 * #replace} starts over with one instance (a redeploy): instances still busy with the old build
 * finish their invocation and are dropped.
 */
final class FunctionInstances {

  private final Supplier<LambdaFunction> coldStart;
  private final int max;
  private final Deque<LambdaFunction> idle = new ArrayDeque<>();
  private int live;
  private long generation;

  /**
   * @param coldStart builds a new instance; throws {@link
   *     LambdaFunction.FunctionUnavailableException} when it cannot start
   * @param max instances at most (Lambda's concurrency limit for the function)
   */
  FunctionInstances(Supplier<LambdaFunction> coldStart, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one instance");
    }
    this.coldStart = coldStart;
    this.max = max;
  }

  /** Starts over with {@code first} as the only instance. */
  synchronized void replace(LambdaFunction first) {
    generation++;
    idle.clear();
    idle.push(first);
    live = 1;
    notifyAll();
  }

  /** Instances started so far and still in use (for the status line and tests). */
  synchronized int instances() {
    return live;
  }

  /** One invocation on an idle instance, cold-starting one if none is idle and there is room. */
  byte[] invokeStream(byte[] input) {
    long taken;
    LambdaFunction instance;
    synchronized (this) {
      while (idle.isEmpty() && live >= max) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LambdaFunction.FunctionFailedException(
              "interrupted waiting for an instance", e);
        }
      }
      taken = generation;
      instance = idle.poll();
      if (instance == null) {
        live++;
      }
    }
    if (instance == null) {
      try {
        instance = coldStart.get();
      } catch (RuntimeException e) {
        synchronized (this) {
          if (taken == generation) {
            live--;
          }
          notifyAll();
        }
        throw e;
      }
    }
    try {
      return instance.invokeStream(input);
    } finally {
      synchronized (this) {
        if (taken == generation) {
          idle.push(instance);
        }
        notifyAll();
      }
    }
  }
}
