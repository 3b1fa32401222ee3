package com.crmvoice.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.testkit.alexa.FakeAlexaApi;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every embedded engine and fake listens on loopback only: nobody on the network can read the lead
 * cache, the command log or the queues of a test run or a simulator (issue 19, item 4). DynamoDB
 * Local listened on every interface before.
 */
class LoopbackBindingIT {

  private static EmbeddedAws aws;
  private static FakeSalesforce salesforce;
  private static FakeAlexaApi alexa;

  @BeforeAll
  static void start() {
    aws = EmbeddedAws.startNew();
    salesforce = FakeSalesforce.start();
    alexa = FakeAlexaApi.start();
  }

  @AfterAll
  static void stop() {
    alexa.close();
    salesforce.close();
    aws.close();
  }

  @Test
  void everyEngineListensOnLoopbackOnly() {
    Map<String, Integer> engines =
        Map.of(
            "DynamoDB Local", aws.dynamoDbEndpoint().getPort(),
            "ElasticMQ", aws.sqsEndpoint().getPort(),
            "fake Salesforce", salesforce.baseUrl().getPort(),
            "fake Alexa API", alexa.endpoint().getPort());

    engines.forEach(ListeningSockets::assertLoopbackOnly);
  }

  @Test
  void readsTheKernelsSocketTable() {
    assertThat(ListeningSockets.address("0100007F")).isEqualTo(InetAddress.getLoopbackAddress());
    assertThat(ListeningSockets.address("00000000000000000000000001000000").getHostAddress())
        .isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(ListeningSockets.address("0000000000000000FFFF00000100007F").getHostAddress())
        .isEqualTo("127.0.0.1");
  }
}
