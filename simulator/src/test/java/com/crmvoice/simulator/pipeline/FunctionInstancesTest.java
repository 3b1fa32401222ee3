package com.crmvoice.simulator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FunctionInstancesTest {

  private static LambdaFunction coldStart() {
    return LambdaFunction.load(
        "gate", GateHandler.class.getName(), Map.of(), Duration.ofSeconds(8));
  }

  @Test
  void concurrentInvocationsRunOnInstancesOfTheirOwn_upToTheLimit_thenWaitForOneToComeFree()
      throws Exception {
    FunctionInstances instances = new FunctionInstances(FunctionInstancesTest::coldStart, 3);
    GateHandler.reset(3);
    ExecutorService callers = Executors.newFixedThreadPool(5);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        answers.add(
            callers.submit(
                () -> new String(instances.invokeStream(new byte[0]), StandardCharsets.UTF_8)));
      }
      assertThat(GateHandler.arrived.await(30, TimeUnit.SECONDS)).isTrue();
      int atOnceBeforeRelease = GateHandler.RUNNING.get();
      GateHandler.gate.countDown();
      List<String> served = new ArrayList<>();
      for (Future<String> answer : answers) {
        served.add(answer.get(30, TimeUnit.SECONDS));
      }

      assertThat(atOnceBeforeRelease).isEqualTo(3);
      assertThat(GateHandler.MOST_AT_ONCE.get()).isEqualTo(3);
      assertThat(GateHandler.BUILT.get()).isEqualTo(3);
      assertThat(instances.instances()).isEqualTo(3);
      assertThat(served).hasSize(5).allMatch(n -> List.of("1", "2", "3").contains(n));
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aSequentialCallerReusesOneInstance_andReplaceStartsOverWithTheNewBuild() {
    FunctionInstances instances = new FunctionInstances(FunctionInstancesTest::coldStart, 8);
    GateHandler.reset(0);
    GateHandler.gate.countDown();
    instances.replace(coldStart());

    for (int i = 0; i < 4; i++) {
      assertThat(new String(instances.invokeStream(new byte[0]), StandardCharsets.UTF_8))
          .isEqualTo("1");
    }
    instances.replace(coldStart());

    assertThat(instances.instances()).isEqualTo(1);
    assertThat(new String(instances.invokeStream(new byte[0]), StandardCharsets.UTF_8))
        .isEqualTo("2");
    assertThat(GateHandler.BUILT.get()).isEqualTo(2);
  }
}
