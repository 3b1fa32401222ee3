package com.crmvoice.simulator.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function for {@link FunctionInstancesTest}: counts its instances and the invocations running at
 * once, and holds each invocation until the test opens the gate. Answers its instance number.
 */
public final class GateHandler implements RequestStreamHandler {

  static final AtomicInteger BUILT = new AtomicInteger();
  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
  static volatile CountDownLatch gate = new CountDownLatch(0);
  static volatile CountDownLatch arrived = new CountDownLatch(0);

  private final int number;

  public GateHandler(Map<String, String> env) {
    number = BUILT.incrementAndGet();
  }

  static void reset(int expectedArrivals) {
    BUILT.set(0);
    RUNNING.set(0);
    MOST_AT_ONCE.set(0);
    gate = new CountDownLatch(1);
    arrived = new CountDownLatch(expectedArrivals);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    int now = RUNNING.incrementAndGet();
    MOST_AT_ONCE.accumulateAndGet(now, Math::max);
    arrived.countDown();
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IOException("the gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      RUNNING.decrementAndGet();
    }
    output.write(Integer.toString(number).getBytes(StandardCharsets.UTF_8));
  }
}
