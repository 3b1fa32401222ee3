package com.crmvoice.core.service.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OwnerParallelTest {

  private static String owner(String item) {
    return item.substring(0, 1);
  }

  @Test
  void differentOwnersAreWrittenAtTheSameTime() {
    OwnerParallel parallel = new OwnerParallel(4);
    CountDownLatch bothInFlight = new CountDownLatch(2);

    // Each step waits for the other to have started: only true for both when they overlap (the
    // wait's bound only keeps a broken pool from hanging the test).
    List<Boolean> overlapped =
        parallel.map(
            List.of("a1", "b1"),
            OwnerParallelTest::owner,
            item -> {
              bothInFlight.countDown();
              try {
                return bothInFlight.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(overlapped).containsExactly(true, true);
  }

  @Test
  void oneOwnersStepsRunOneAfterAnotherInBatchOrderAndResultsKeepTheItemsOrder() {
    OwnerParallel parallel = new OwnerParallel(4);
    Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    AtomicInteger mostAtOnceForOneOwner = new AtomicInteger();
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    List<String> items = List.of("a1", "b1", "a2", "c1", "a3", "b2", "a4");

    List<String> results =
        parallel.map(
            items,
            OwnerParallelTest::owner,
            item -> {
              AtomicInteger running =
                  inFlight.computeIfAbsent(owner(item), k -> new AtomicInteger());
              mostAtOnceForOneOwner.accumulateAndGet(running.incrementAndGet(), Math::max);
              order.add(item);
              Thread.yield();
              running.decrementAndGet();
              return item.toUpperCase();
            });

    assertThat(results).containsExactly("A1", "B1", "A2", "C1", "A3", "B2", "A4");
    assertThat(mostAtOnceForOneOwner).hasValue(1);
    assertThat(order.stream().filter(i -> i.startsWith("a")))
        .containsExactly("a1", "a2", "a3", "a4");
    assertThat(order.stream().filter(i -> i.startsWith("b"))).containsExactly("b1", "b2");
  }

  @Test
  void oneThreadRunsEveryStepOnTheCallersThreadInOrder() {
    Thread caller = Thread.currentThread();
    List<String> order = new ArrayList<>();

    List<Boolean> onCaller =
        new OwnerParallel(1)
            .map(
                List.of("a1", "b1", "a2"),
                OwnerParallelTest::owner,
                item -> {
                  order.add(item);
                  return Thread.currentThread() == caller;
                });

    assertThat(onCaller).containsExactly(true, true, true);
    assertThat(order).containsExactly("a1", "b1", "a2");
  }

  @Test
  void aFailingStepIsThrownAfterTheOtherOwnersStepsRan() {
    OwnerParallel parallel = new OwnerParallel(4);
    List<String> ran = Collections.synchronizedList(new ArrayList<>());

    assertThatThrownBy(
            () ->
                parallel.map(
                    List.of("a1", "b1", "c1"),
                    OwnerParallelTest::owner,
                    item -> {
                      if (item.equals("a1")) {
                        throw new IllegalArgumentException("log refused " + item);
                      }
                      ran.add(item);
                      return item;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("log refused a1");
    assertThat(ran).containsExactlyInAnyOrder("b1", "c1");
  }

  @Test
  void noThreadsIsRefused() {
    assertThatThrownBy(() -> new OwnerParallel(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
