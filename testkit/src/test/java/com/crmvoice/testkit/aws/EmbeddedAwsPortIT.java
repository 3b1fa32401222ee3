package com.crmvoice.testkit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The port chosen for an engine can be taken before the engine binds it (the CI run of 2026-12-03
 * lost a simulator start that way): the engine then starts on another port.
 */
class EmbeddedAwsPortIT {

  @Test
  void anEngineWhosePortIsTakenStartsOnAnother() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        ServerSocket spare = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int free = spare.getLocalPort();
      spare.close();
      Deque<Integer> ports = new ArrayDeque<>(List.of(taken.getLocalPort(), free));
      IntSupplier next = ports::removeFirst;

      EmbeddedAws.Bound<org.elasticmq.rest.sqs.SQSRestServer> sqs =
          EmbeddedAws.onFreePort("ElasticMQ", EmbeddedAws::startSqs, next);
      try {
        assertThat(sqs.port()).isEqualTo(free);
      } finally {
        sqs.server().stopAndWait();
      }
    }
  }

  @Test
  void dynamoDbLocalWhosePortIsTakenStartsOnAnother() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        ServerSocket spare = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int free = spare.getLocalPort();
      spare.close();
      Deque<Integer> ports = new ArrayDeque<>(List.of(taken.getLocalPort(), free));

      EmbeddedAws.Bound<software.amazon.dynamodb.services.local.server.DynamoDBProxyServer> dynamo =
          EmbeddedAws.onFreePort("DynamoDB Local", EmbeddedAws::startDynamoDb, ports::removeFirst);
      try {
        assertThat(dynamo.port()).isEqualTo(free);
      } finally {
        dynamo.server().stop();
      }
    }
  }

  @Test
  void aFailureThatIsNotATakenPortIsNotRetried() {
    int[] calls = {0};
    IntFunction<Object> broken =
        port -> {
          calls[0]++;
          throw new IllegalStateException("sqlite4java native libraries not found");
        };
    assertThatThrownBy(() -> EmbeddedAws.onFreePort("engine", broken, () -> 1))
        .hasMessageContaining("sqlite4java");
    assertThat(calls[0]).isEqualTo(1);
  }
}
